import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenSealError } from '@openseal/kernel';
import { OfdPackage, updatePackage } from '@openseal/ofd';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealOfd, verifyOfd } from '../src/index.js';
import { craftZip, minimalOfdEntries } from '../../ofd/test/support/craft-zip.js';
import { buildOfd, entity, fixedClock, provider, testSeal } from './support/seal-fixtures.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const NS = 'http://www.ofdspec.org/2016';

// [name, package, code when sealing (and verifying, unless a 4th code is given: verification reads no page)]
const HOSTILE: ReadonlyArray<[string, () => Uint8Array, string, string?]> = [
  ['zip bomb', () => craftZip([...minimalOfdEntries(), { name: 'Doc_0/Res/bomb.bin', data: new Uint8Array(20 * 1024 * 1024), deflate: true }]), 'OFD_LIMIT_EXCEEDED'],
  ['lying zip header', () => craftZip([...minimalOfdEntries(), { name: 'Doc_0/Res/bomb.bin', data: new Uint8Array(4 * 1024 * 1024), deflate: true, declaredSize: 1000 }]), 'OFD_MALFORMED'],
  ['path traversal', () => craftZip([...minimalOfdEntries(), { name: '../../evil.sh', data: enc('x') }]), 'OFD_UNSAFE_PATH'],
  ['absolute path', () => craftZip([...minimalOfdEntries(), { name: '/etc/cron.d/evil', data: enc('x') }]), 'OFD_UNSAFE_PATH'],
  ['duplicate entry', () => craftZip([...minimalOfdEntries(), { name: 'ofd.XML', data: enc('<x/>') }]), 'OFD_DUPLICATE_ENTRY'],
  ['XXE', () => craftZip(minimalOfdEntries({ 'OFD.xml': `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ofd:OFD xmlns:ofd="${NS}"><ofd:DocBody><ofd:DocInfo><ofd:DocID>&e;</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>` })), 'OFD_XML_FORBIDDEN'],
  ['deep nesting', () => craftZip(minimalOfdEntries({ 'Doc_0/Pages/Page_0/Content.xml': `<ofd:Page xmlns:ofd="${NS}"><ofd:Content><ofd:Layer ID="2">${'<ofd:PageBlock>'.repeat(10_000)}${'</ofd:PageBlock>'.repeat(10_000)}</ofd:Layer></ofd:Content></ofd:Page>` })), 'OFD_LIMIT_EXCEEDED', 'OFD_UNSIGNED'],
  ['missing Document.xml', () => craftZip(minimalOfdEntries().filter((e) => e.name !== 'Doc_0/Document.xml')), 'OFD_MISSING_PART'],
  ['not a zip', () => enc('PK\u0003\u0004 not really'), 'OFD_MALFORMED'],
];

let workDir = '';
let previousCwd = '';
let seal: Uint8Array;
let signer: Awaited<ReturnType<typeof entity>>;
beforeAll(async () => {
  seal = await testSeal();
  signer = await entity('sealSigner');
  previousCwd = process.cwd();
  workDir = mkdtempSync(join(tmpdir(), 'ofd-seal-hostile-'));
  process.chdir(workDir);
});
afterAll(() => {
  expect(readdirSync(workDir)).toEqual([]);
  process.chdir(previousCwd);
  rmSync(workDir, { recursive: true, force: true });
});

describe('hostile packages', () => {
  it.each(HOSTILE)('%s: sealing fails with a typed error and produces nothing; verification reports it', async (_name, make, code, verifyCode) => {
    const bytes = make();
    const started = performance.now();
    const result = sealOfd(bytes, { seal, signerCertificate: signer.certificate, placement: { kind: 'position', pageIndex: 0, x: 10, y: 10 } }, { signer: signer.signer, provider, clock: fixedClock });
    await expect(result).rejects.toBeInstanceOf(OpenSealError);
    await expect(result).rejects.toMatchObject({ code });
    const report = await verifyOfd(bytes, { provider, clock: fixedClock });
    expect(report).toMatchObject({ valid: false, signatures: [], errors: [{ code: verifyCode ?? code }] });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('hostile signature parts are reported per signature, never thrown', async () => {
    const sealed = (await sealOfd(buildOfd(1), { seal, signerCertificate: signer.certificate, placement: { kind: 'position', pageIndex: 0, x: 10, y: 10 } }, { signer: signer.signer, provider, clock: fixedClock })).bytes;
    const pkg = OfdPackage.read(sealed);
    const variants: Record<string, Uint8Array> = {
      'garbage SignedValue.dat': updatePackage(pkg, { put: { 'Doc_0/Signs/Sign_0/SignedValue.dat': new Uint8Array([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0]) } }),
      'list entry escaping the package': updatePackage(pkg, { put: { 'Doc_0/Signs/Signatures.xml': enc(`<ofd:Signatures xmlns:ofd="${NS}"><ofd:Signature ID="s1" BaseLoc="../../../etc/passwd"/></ofd:Signatures>`) } }),
      'list entry to a missing file': updatePackage(pkg, { put: { 'Doc_0/Signs/Signatures.xml': enc(`<ofd:Signatures xmlns:ofd="${NS}"><ofd:Signature ID="s1" BaseLoc="Sign_9/Signature.xml"/></ofd:Signatures>`) } }),
      'Signature.xml with an entity': updatePackage(pkg, { put: { 'Doc_0/Signs/Sign_0/Signature.xml': enc(`<!DOCTYPE x [<!ENTITY a "b">]><ofd:Signature xmlns:ofd="${NS}"/>`) } }),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      const r = await verifyOfd(bytes, { provider, clock: fixedClock });
      expect(r.valid, name).toBe(false);
      expect(r.signatures, name).toHaveLength(1);
      expect(r.signatures[0]?.errors.length, name).toBeGreaterThan(0);
    }
    const missingList = updatePackage(pkg, { remove: ['Doc_0/Signs/Signatures.xml'] });
    expect(await verifyOfd(missingList, { provider, clock: fixedClock })).toMatchObject({ valid: false, errors: [{ code: 'OFD_MISSING_PART' }] });
  });
});
