import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OfdDocument, OfdPackage } from '../src/index.js';
import { craftZip, minimalOfdEntries } from './support/craft-zip.js';
import { ofdSample } from './support/samples.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const NS = 'http://www.ofdspec.org/2016';

/** Reads the whole document (all pages, text, signatures) so every part is exercised. */
function readAll(bytes: Uint8Array, limits?: Parameters<typeof OfdPackage.read>[1]): void {
  const doc = OfdDocument.open(OfdPackage.read(bytes, limits));
  for (let i = 0; i < doc.pageCount; i++) doc.textRuns(i);
  doc.signatures();
  doc.annotations();
}

function rejects(bytes: Uint8Array, code: string, limits?: Parameters<typeof OfdPackage.read>[1]): void {
  const started = performance.now();
  expect(() => readAll(bytes, limits)).toThrow(expect.objectContaining({ code }));
  expect(performance.now() - started).toBeLessThan(2000);
}

// The engine has no file-system access (lint + architecture test); this also checks nothing lands in the working directory.
let workDir = '';
let previousCwd = '';
beforeAll(() => {
  previousCwd = process.cwd();
  workDir = mkdtempSync(join(tmpdir(), 'ofd-hostile-'));
  process.chdir(workDir);
});
afterAll(() => {
  expect(readdirSync(workDir)).toEqual([]);
  process.chdir(previousCwd);
  rmSync(workDir, { recursive: true, force: true });
});

describe('hostile packages are refused with a typed error, quickly', () => {
  it('accepts the crafted baseline', () => {
    expect(() => readAll(craftZip(minimalOfdEntries()))).not.toThrow();
  });

  it('zip bomb with an honest header: compression ratio limit, nothing inflated', () => {
    const bomb = craftZip([...minimalOfdEntries(), { name: 'Doc_0/Res/bomb.bin', data: new Uint8Array(20 * 1024 * 1024), deflate: true }]);
    expect(bomb.length).toBeLessThan(100_000);
    rejects(bomb, 'OFD_LIMIT_EXCEEDED');
  });

  it('zip bomb with a lying header: inflation stops right after the declared size', () => {
    const bomb = craftZip([...minimalOfdEntries(), { name: 'Doc_0/Res/bomb.bin', data: new Uint8Array(20 * 1024 * 1024), deflate: true, declaredSize: 1000 }]);
    rejects(bomb, 'OFD_MALFORMED');
  });

  it('declared entry and total sizes over the limits', () => {
    const big = craftZip([...minimalOfdEntries(), { name: 'x.bin', data: new Uint8Array(10), declaredSize: 300 * 1024 * 1024, deflate: true }]);
    rejects(big, 'OFD_LIMIT_EXCEEDED');
    const many = craftZip([...minimalOfdEntries(), ...Array.from({ length: 5 }, (_, i) => ({ name: `r${i}.bin`, data: new Uint8Array(4000) }))]);
    rejects(many, 'OFD_LIMIT_EXCEEDED', { limits: { maxTotalBytes: 10_000 } });
    rejects(many, 'OFD_LIMIT_EXCEEDED', { limits: { maxEntries: 5 } });
    rejects(many, 'OFD_LIMIT_EXCEEDED', { limits: { maxPackageBytes: 1000 } });
  });

  it.each(['../evil', 'Doc_0/../../evil', '/etc/passwd', 'C:/evil.exe', '..\\evil', 'a\u0000b.xml'])('entry name %j: OFD_UNSAFE_PATH', (name) => {
    rejects(craftZip([...minimalOfdEntries(), { name, data: enc('x') }]), 'OFD_UNSAFE_PATH');
  });

  it('duplicate entries, also differing only in case, and a file shadowing a directory', () => {
    rejects(craftZip([...minimalOfdEntries(), { name: 'OFD.xml', data: enc('<x/>') }]), 'OFD_DUPLICATE_ENTRY');
    rejects(craftZip([...minimalOfdEntries(), { name: 'doc_0/document.XML', data: enc('<x/>') }]), 'OFD_DUPLICATE_ENTRY');
    rejects(craftZip([...minimalOfdEntries(), { name: 'Doc_0/Pages', data: enc('x') }]), 'OFD_DUPLICATE_ENTRY');
  });

  it('encrypted entries: OFD_UNSUPPORTED', () => {
    rejects(craftZip([...minimalOfdEntries(), { name: 'secret.bin', data: enc('xxxx'), flags: 1 }]), 'OFD_UNSUPPORTED');
  });

  it('missing OFD.xml, missing Document.xml, truncated or non-ZIP input', () => {
    rejects(craftZip(minimalOfdEntries().filter((e) => e.name !== 'OFD.xml')), 'OFD_MISSING_PART');
    rejects(craftZip(minimalOfdEntries().filter((e) => e.name !== 'Doc_0/Document.xml')), 'OFD_MISSING_PART');
    const whole = ofdSample('ofdrw-sign__helloworld.ofd');
    rejects(whole.subarray(0, Math.floor(whole.length / 2)), 'OFD_MALFORMED');
    rejects(whole.subarray(0, whole.length - 30), 'OFD_MALFORMED');
    rejects(enc('PK\u0003\u0004 definitely not a zip'), 'OFD_MALFORMED');
    rejects(new Uint8Array(0), 'OFD_MALFORMED');
  });

  it('XXE with an external entity: OFD_XML_FORBIDDEN', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE ofd:OFD [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>&xxe;</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;
    rejects(craftZip(minimalOfdEntries({ 'OFD.xml': xxe })), 'OFD_XML_FORBIDDEN');
  });

  it('billion laughs: OFD_XML_FORBIDDEN without expanding', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const page = `<?xml version="1.0"?><!DOCTYPE ofd:Page [<!ENTITY l0 "lol">${lol}]><ofd:Page xmlns:ofd="${NS}"><ofd:Content><ofd:Layer ID="2"><ofd:TextObject ID="3" Boundary="0 0 1 1" Font="1" Size="1"><ofd:TextCode>&l9;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`;
    rejects(craftZip(minimalOfdEntries({ 'Doc_0/Pages/Page_0/Content.xml': page })), 'OFD_XML_FORBIDDEN');
  });

  it('10,000-deep nesting in a page: OFD_LIMIT_EXCEEDED', () => {
    const deep = `<ofd:Page xmlns:ofd="${NS}"><ofd:Content><ofd:Layer ID="2">${'<ofd:PageBlock>'.repeat(10_000)}${'</ofd:PageBlock>'.repeat(10_000)}</ofd:Layer></ofd:Content></ofd:Page>`;
    rejects(craftZip(minimalOfdEntries({ 'Doc_0/Pages/Page_0/Content.xml': deep })), 'OFD_LIMIT_EXCEEDED');
  });

  it('ST_Loc escaping the package: OFD_UNSAFE_PATH', () => {
    const ofd = `<ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo/><ofd:DocRoot>../../etc/passwd</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;
    rejects(craftZip(minimalOfdEntries({ 'OFD.xml': ofd })), 'OFD_UNSAFE_PATH');
  });

  it('a ZIP64 end record: OFD_UNSUPPORTED', () => {
    const zip = craftZip(minimalOfdEntries());
    const patched = zip.slice();
    new DataView(patched.buffer).setUint16(patched.length - 22 + 10, 0xffff, true);
    rejects(patched, 'OFD_UNSUPPORTED');
  });
});
