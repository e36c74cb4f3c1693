// `openseal sign` / `openseal verify` with keys made by OpenSSL (../shared/acceptance/pki.sh: RSA, P-256
// and SM2 PEM keys, PKCS#12 files), checked by pdfsig, and a visibly sealed page rendered by pdftoppm
// with the red seal inside the requested box.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfDocument, getPage, listSignatures } from '@openseal/pdf';
import { runCli } from '../../apps/cli/test/run-cli.js';
import { cjkFont } from '../../packages/pades/test/support/cjk-font.js';
import { makeOfficialDocument } from '../../packages/pades/test/support/official-document.js';
import { flipByte, byteInsideRange } from '../../packages/pades/test/support/pdf-edits.js';
import { tempDir } from '../support/openssl.js';
import { sharedPath } from '../support/shared.js';

const SAMPLES = sharedPath('samples/pdf');
const tmp = tempDir('openseal-pades-cli-');
let pki = '';

beforeAll(() => {
  pki = tmp.path('pki');
  const r = spawnSync(sharedPath('acceptance/pki.sh'), [pki], { encoding: 'utf8' });
  expect(r.status).toBe(0);
}, 120_000);
afterAll(() => tmp.cleanup());

// These OpenSSL certificates name no OCSP responder; poppler 22.12 then validates only with OCSP left on.
const pdfsig = (file: string): string => spawnSync('pdfsig', ['-nssdir', `sql:${pki}/nssdb`, file], { encoding: 'utf8' }).stdout;

/** Reads a binary PPM (P6) as written by pdftoppm. */
function readPpm(file: string): { width: number; height: number; rgb: Uint8Array } {
  const data = readFileSync(file);
  const header = data.subarray(0, 64).toString('latin1').split(/\s+/);
  const [magic, w, h, max] = header;
  if (magic !== 'P6' || max !== '255') throw new Error('not an 8-bit P6 file');
  const width = Number(w);
  const height = Number(h);
  const offset = data.length - width * height * 3;
  return { width, height, rgb: new Uint8Array(data.subarray(offset)) };
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Red pixels of `img` inside the box, and pixels outside it that differ from `before`. */
function compare(img: { width: number; rgb: Uint8Array }, before: { rgb: Uint8Array }, box: Box): { redInside: number; changedOutside: number } {
  let redInside = 0;
  let changedOutside = 0;
  const height = img.rgb.length / 3 / img.width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 3;
      const [r, g, b] = [img.rgb[i] as number, img.rgb[i + 1] as number, img.rgb[i + 2] as number];
      if (x >= box.x1 && x < box.x2 && y >= box.y1 && y < box.y2) {
        if (r > 150 && g < 90 && b < 90) redInside++;
      } else if (r !== before.rgb[i] || g !== before.rgb[i + 1] || b !== before.rgb[i + 2]) changedOutside++;
    }
  }
  return { redInside, changedOutside };
}

function render(pdf: string, prefix: string): { width: number; height: number; rgb: Uint8Array } {
  expect(spawnSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', pdf, tmp.path(prefix)]).status).toBe(0);
  return readPpm(tmp.path(`${prefix}-1.ppm`));
}

describe('openseal sign / verify with OpenSSL-made keys', () => {
  it('signs visibly with an RSA PEM key; pdfsig trusts it; the seal renders red where it was asked for', async () => {
    const out = tmp.path('rsa.pdf');
    const input = `${SAMPLES}/ofdrw__Test.pdf`;
    const r = await runCli(['sign', input, '-o', out, '--key', `${pki}/rsa.key`, '--cert', `${pki}/rsa.pem`, '--chain', `${pki}/root.pem`, '--page', '1', '--x', '120', '--y', '200', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ level: 'B-B', visible: true });
    expect(pdfsig(out)).toMatch(/Signature is Valid[\s\S]*Certificate is Trusted/);
    const v = await runCli(['verify', out, '--trust', `${pki}/root.pem`, '--require-trust', '--json']);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ valid: true, trusted: true, signatures: [{ valid: true, trusted: true, coversWholeDocument: true }] });

    // 72 dpi: 1 px = 1 pt. The seal's top-left is 120 mm from the left and 200 mm from the top, 42 mm wide.
    const before = render(input, 'before');
    const after = render(out, 'after');
    const pt = (mm: number): number => Math.round((mm * 72) / 25.4);
    const box = { x1: pt(120) - 2, y1: pt(200) - 2, x2: pt(120 + 42) + 2, y2: pt(200 + 42) + 2 };
    const { redInside, changedOutside } = compare(after, before, box);
    expect(redInside).toBeGreaterThan(1000);
    expect(changedOutside).toBe(0);
  });

  it('stacks a P-256 signature (PKCS#12 key) on it; both stay valid; a flipped byte makes verify fail', async () => {
    const once = tmp.path('rsa.pdf');
    const twice = tmp.path('twice.pdf');
    const r = await runCli(['sign', once, '-o', twice, '--key', `${pki}/ec.p12`, '--passphrase', 'test', '--page', '2', '--x', '120', '--y', '200']);
    expect(r.code, r.stderr).toBe(0);
    expect(pdfsig(twice).match(/Signature is Valid/g)).toHaveLength(2);
    const v = await runCli(['verify', twice, '--trust', `${pki}/root.pem`]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/VALID — 2 signature/);
    const bytes = readFileSync(twice);
    const tampered = tmp.path('tampered.pdf');
    spawnSync('cp', [twice, tampered]);
    const t = flipByte(new Uint8Array(bytes), byteInsideRange(new Uint8Array(bytes)));
    spawnSync('dd', [`of=${tampered}`, 'conv=notrunc'], { input: t });
    const bad = await runCli(['verify', tampered, '--trust', `${pki}/root.pem`, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).valid).toBe(false);
  });

  it('signs with an SM2 PEM key (invisible); verify succeeds; --require-trust without anchors fails', async () => {
    const out = tmp.path('sm2.pdf');
    expect((await runCli(['sign', `${SAMPLES}/pyHanko__minimal.pdf`, '-o', out, '--key', `${pki}/sm2.key`, '--cert', `${pki}/sm2.pem`, '--chain', `${pki}/sm2root.pem`])).code).toBe(0);
    expect((await runCli(['verify', out, '--trust', `${pki}/sm2root.pem`, '--require-trust'])).code).toBe(0);
    const untrusted = await runCli(['verify', out, '--require-trust']);
    expect(untrusted.code).toBe(1);
    expect((await runCli(['verify', out])).code).toBe(0);
  });

  it('certifies with --certify 1; a second sign is refused with PADES_DOCMDP_FORBIDS', async () => {
    const out = tmp.path('certified.pdf');
    expect((await runCli(['sign', `${SAMPLES}/pyHanko__minimal.pdf`, '-o', out, '--key', `${pki}/rsa.key`, '--cert', `${pki}/rsa.pem`, '--certify', '1', '--reason', '定稿'])).code).toBe(0);
    const again = await runCli(['sign', out, '-o', tmp.path('x.pdf'), '--key', `${pki}/rsa.key`, '--cert', `${pki}/rsa.pem`]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('PADES_DOCMDP_FORBIDS');
  });

  it('an encrypted PDF needs --password to be signed and verified', async () => {
    const input = `${SAMPLES}/pyHanko__minimal-aes256.pdf`;
    const out = tmp.path('aes.pdf');
    const no = await runCli(['sign', input, '-o', out, '--key', `${pki}/rsa.key`, '--cert', `${pki}/rsa.pem`]);
    expect(no.code).toBe(1);
    expect(no.stderr).toContain('PDF_PASSWORD_REQUIRED');
    expect((await runCli(['sign', input, '-o', out, '--key', `${pki}/rsa.key`, '--cert', `${pki}/rsa.pem`, '--password', 'usersecret'])).code).toBe(0);
    expect((await runCli(['verify', out, '--password', 'usersecret', '--trust', `${pki}/root.pem`])).code).toBe(0);
    expect((await runCli(['verify', out])).code).toBe(1);
  });

  it('--seam: one signature split over all five pages; pdfsig sees one valid signature', async () => {
    const out = tmp.path('seam.pdf');
    const r = await runCli(['sign', `${SAMPLES}/ofdrw__Test.pdf`, '-o', out, '--key', `${pki}/rsa.key`, '--cert', `${pki}/rsa.pem`, '--seam']);
    expect(r.code, r.stderr).toBe(0);
    expect(pdfsig(out).match(/Signature is Valid/g)).toHaveLength(1);
    const doc = PdfDocument.load(new Uint8Array(readFileSync(out)));
    const stamps = [0, 1, 2, 3, 4].map((p) => (doc.latest.resolve(getPage(doc.latest, p).dict.get('Annots')) as unknown[] | undefined)?.length ?? 0);
    expect(stamps).toEqual([1, 1, 1, 1, 1]);
    expect((await runCli(['verify', out, '--trust', `${pki}/root.pem`, '--require-trust'])).code).toBe(0);
  });

  it('--keyword: the seal goes where the text is found', async () => {
    const out = tmp.path('keyword.pdf');
    const r = await runCli(['sign', `${SAMPLES}/ofdrw__Test.pdf`, '-o', out, '--key', `${pki}/rsa.key`, '--cert', `${pki}/rsa.pem`, '--keyword', '测试', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ visible: true });
    const missing = await runCli(['sign', `${SAMPLES}/ofdrw__Test.pdf`, '-o', tmp.path('nope.pdf'), '--key', `${pki}/rsa.key`, '--cert', `${pki}/rsa.pem`, '--keyword', '不存在的文字']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('SEAL_TEXT_NOT_FOUND');
  });

  it('--gbt9704: on a generated 公文 the seal lands on the last page, over the date', async () => {
    const { pdf, layout } = makeOfficialDocument({ font: cjkFont().font, pages: 2 });
    const input = tmp.path('gongwen.pdf');
    writeFileSync(input, pdf);
    const out = tmp.path('gongwen-sealed.pdf');
    const r = await runCli(['sign', input, '-o', out, '--key', `${pki}/sm2.key`, '--cert', `${pki}/sm2.pem`, '--gbt9704']);
    expect(r.code, r.stderr).toBe(0);
    const doc = PdfDocument.load(new Uint8Array(readFileSync(out)));
    const widget = listSignatures(doc)[0]?.field.widgets[0];
    expect(widget?.pageIndex).toBe(1);
    // The widget /Rect (points, origin bottom-left of the A4 page) holds the centre of the date line.
    const [x1, y1, x2, y2] = (widget?.dict.get('Rect') as number[]).map((v) => (v * 25.4) / 72);
    const cx = layout.date.x + layout.date.width / 2;
    const cy = 297 - (layout.date.y + layout.date.height / 2);
    expect(cx).toBeGreaterThan(x1 as number);
    expect(cx).toBeLessThan(x2 as number);
    expect(cy).toBeGreaterThan(y1 as number);
    expect(cy).toBeLessThan(y2 as number);
    expect((await runCli(['verify', out, '--trust', `${pki}/sm2root.pem`, '--require-trust'])).code).toBe(0);
  });

  it('flags the weird-byterange sample and refuses a non-PDF, non-OFD file', async () => {
    const weird = await runCli(['verify', `${SAMPLES}/pyHanko__coverage-anomalies_weird-byterange.pdf`]);
    expect(weird.code).toBe(1);
    expect(weird.stdout).toContain('GAP_NOT_CONTENTS');
    const notPdf = await runCli(['verify', `${pki}/root.pem`]);
    expect(notPdf.code).toBe(2);
  });
});
