// Our PAdES signatures checked by independent verifiers: poppler pdfsig (with an NSS database trusting
// only our test roots), MuPDF `mutool sign -v`, `qpdf --check`, and the BouncyCastle/PDFBox verifier in
// ../shared/verifiers (the only one that checks SM2). Each has a tamper twin.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyType } from '@openseal/crypto';
import { SeededRandom } from '@openseal/kernel';
import { signPdf } from '@openseal/pades';
import { PdfDict, PdfStream, name, type IncrementalWriter } from '@openseal/pdf';
import { certificatesToPem } from '@openseal/pki';
import { clock, inMemoryTsa, provider, revocationData, sample, sealSigner, testPki } from '../../packages/pades/test/support/pades-test-pki.js';
import { byteInsideRange, flipByte } from '../../packages/pades/test/support/pdf-edits.js';
import { tempDir } from '../support/openssl.js';
import { sharedPath } from '../support/shared.js';

const VERIFIERS = sharedPath('verifiers/run.sh');

function run(cmd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

const tmp = tempDir('openseal-pades-interop-');
const file = (name: string, bytes: Uint8Array): string => {
  const p = tmp.path(name);
  writeFileSync(p, bytes);
  return p;
};

async function sign(keyType: KeyType, input: Uint8Array, extra: Record<string, unknown> = {}): Promise<Uint8Array> {
  const s = await sealSigner(keyType);
  return signPdf(input, { signerCertificate: s.certificate, chain: s.chain, ...extra }, { signer: s.signer, provider, clock, random: new SeededRandom(3) });
}

let nssdb = '';
const roots: Record<string, string> = {};

beforeAll(async () => {
  nssdb = tmp.path('nssdb');
  mkdirSync(nssdb);
  expect(run('certutil', ['-N', '-d', `sql:${nssdb}`, '--empty-password']).code).toBe(0);
  for (const kt of ['RSA', 'EC-P256', 'SM2'] as const) {
    const pki = await testPki(kt);
    roots[kt] = file(`${kt}-root.pem`, new TextEncoder().encode(certificatesToPem([pki.root.certificate])));
    if (kt !== 'SM2') expect(run('certutil', ['-A', '-d', `sql:${nssdb}`, '-n', kt, '-t', 'CT,C,C', '-i', roots[kt] as string]).code).toBe(0);
  }
});
afterAll(() => tmp.cleanup());

/** pdfsig's verdict lines, one entry per signature. */
function pdfsig(path: string): { valid: boolean; trusted: boolean; total: boolean }[] {
  // -no-ocsp: the test PKI's OCSP URL is not reachable; trust comes from the NSS database only.
  const { out } = run('pdfsig', ['-nssdir', `sql:${nssdb}`, '-no-ocsp', path]);
  return out
    .split(/Signature #\d+:/)
    .slice(1)
    .map((block) => ({
      valid: block.includes('Signature is Valid'),
      trusted: block.includes('Certificate is Trusted'),
      total: block.includes('Total document signed'),
    }));
}

function bcVerify(path: string, root: string): { valid: boolean; signatures: { valid: boolean; coversWholeFile: boolean; cmsSignatureValid: boolean }[] } {
  const { out } = run(VERIFIERS, ['pdf', path, root]);
  const json = out.slice(out.indexOf('{'));
  const r = JSON.parse(json) as { overall: string; signatures: { valid: boolean; coversWholeFile: boolean; cmsSignatureValid: boolean }[] };
  return { valid: r.signatures.length > 0 && r.signatures.every((s) => s.valid), signatures: r.signatures };
}

describe.each<KeyType>(['RSA', 'EC-P256'])('%s: pdfsig, mutool and qpdf', (keyType) => {
  it('say the signature is valid, trusted and covers the whole document; the tamper twin is not', async () => {
    const signed = file(`${keyType}.pdf`, await sign(keyType, sample('ofdrw__Test.pdf')));
    expect(pdfsig(signed)).toEqual([{ valid: true, trusted: true, total: true }]);
    const mu = run('mutool', ['sign', '-v', signed]);
    expect(mu.out).toContain('The document is unchanged since signing');
    expect(mu.out).not.toMatch(/Digest error/);
    expect(run('qpdf', ['--check', signed]).code).toBe(0);

    const bytes = await sign(keyType, sample('ofdrw__Test.pdf'));
    const tampered = file(`${keyType}-tampered.pdf`, flipByte(bytes, byteInsideRange(bytes)));
    expect(pdfsig(tampered)[0]?.valid).toBe(false);
    expect(run('mutool', ['sign', '-v', tampered]).out).toMatch(/Digest error|invalid/i);
  });
});

describe('BouncyCastle/PDFBox verifier', () => {
  it.each<KeyType>(['RSA', 'EC-P256', 'SM2'])('accepts %s signatures and rejects the tamper twin', async (keyType) => {
    const bytes = await sign(keyType, sample('pyHanko__minimal.pdf'));
    const r = bcVerify(file(`bc-${keyType}.pdf`, bytes), roots[keyType] as string);
    expect(r.valid).toBe(true);
    expect(r.signatures[0]?.coversWholeFile).toBe(true);
    const t = bcVerify(file(`bc-${keyType}-t.pdf`, flipByte(bytes, byteInsideRange(bytes))), roots[keyType] as string);
    expect(t.signatures[0]?.cmsSignatureValid).toBe(false);
  });

});

describe('riding-seam seal written as one widget plus Stamp strips', () => {
  it('pdfsig, mutool and qpdf see one valid signature', async () => {
    const strips = [0, 1, 2, 3, 4].map((pageIndex) => ({
      pageIndex,
      rect: [500, 400, 540, 440] as const,
      appearance: (writer: IncrementalWriter) =>
        writer.add(new PdfStream(new PdfDict([['Type', name('XObject')], ['Subtype', name('Form')], ['BBox', [0, 0, 40, 40]]]), new TextEncoder().encode('1 0 0 rg 0 0 40 40 re f'))),
    }));
    const path = file('seam.pdf', await sign('RSA', sample('ofdrw__Test.pdf'), { appearance: { widgets: strips }, multiWidget: 'stamps' }));
    expect(pdfsig(path)).toEqual([{ valid: true, trusted: true, total: true }]);
    const mu = run('mutool', ['sign', '-v', path]);
    expect(mu.out).toContain('The document is unchanged since signing');
    expect(mu.out.match(/Verifying signature/g)).toHaveLength(1);
    expect(run('qpdf', ['--check', path]).code).toBe(0);
  });
});

describe('known issues', () => {
  // BouncyCastle 1.72 maps SM3withSM2 (1.2.156.10197.1.501) but not sm2-1 (1.2.156.10197.1.301.1) as a
  // SignerInfo signature algorithm: "Unknown signature type requested: SM3WITH1.2.156.10197.1.301.1".
  it.fails('BC accepts SM2 with GB/T 35275 OIDs (gm: sm2-1 in SignerInfo)', async () => {
    const r = bcVerify(file('bc-sm2-gm.pdf', await sign('SM2', sample('pyHanko__minimal.pdf'), { gm: true })), roots.SM2 as string);
    expect(r.signatures[0]?.cmsSignatureValid).toBe(true);
  });
});

describe('stacked and long-term files', () => {
  it('three stacked signatures (RSA, P-256, SM2): pdfsig validates the first two, BC all three, qpdf is clean', async () => {
    let pdf = sample('derived__xbrl-objstm-xrefstream.pdf');
    for (const kt of ['RSA', 'EC-P256', 'SM2'] as const) pdf = await sign(kt, pdf);
    const path = file('stacked.pdf', pdf);
    const ps = pdfsig(path);
    expect(ps.slice(0, 2).map((s) => s.valid)).toEqual([true, true]);
    expect(ps.map((s) => s.total)).toEqual([false, false, true]);
    for (const [i, kt] of (['RSA', 'EC-P256', 'SM2'] as const).entries()) {
      expect(bcVerify(path, roots[kt] as string).signatures[i]?.cmsSignatureValid).toBe(true);
    }
    expect(run('qpdf', ['--check', path]).code).toBe(0);
  });

  it('B-LTA (signature timestamp, DSS, document timestamp, DSS): pdfsig and qpdf accept it', async () => {
    const s = await sealSigner('RSA');
    const tsa = await inMemoryTsa('RSA');
    const data = await revocationData(s.pki);
    const bytes = await signPdf(
      sample('pyHanko__minimal.pdf'),
      { signerCertificate: s.certificate, chain: s.chain, level: 'B-LTA', validation: { crls: data.crls.slice(0, 1), fetchOcsp: data.ocsp } },
      { signer: s.signer, provider, clock, random: new SeededRandom(4), tsa: tsa.client },
    );
    const path = file('lta.pdf', bytes);
    expect(pdfsig(path)[0]?.valid).toBe(true);
    expect(run('qpdf', ['--check', path]).code).toBe(0);
    expect(bcVerify(path, roots.RSA as string).signatures[0]?.cmsSignatureValid).toBe(true);
  });
});
