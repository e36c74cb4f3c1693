import { OfdDocument, OfdPackage } from '@openseal/ofd';
import { beforeAll, describe, expect, it } from 'vitest';
import { OfdSealLockedError, sealOfd, verifyOfd } from '../src/index.js';
import { ofdSample } from './support/ofd-samples.js';
import { buildOfd, entity, fixedClock, provider, testSeal } from './support/seal-fixtures.js';
import { sesVerifierAvailable, sesVerify } from './support/ses-verify.js';
import { flipXmlText } from './support/tamper.js';

let seal: Uint8Array;
let signer: Awaited<ReturnType<typeof entity>>;
beforeAll(async () => {
  seal = await testSeal();
  signer = await entity('sealSigner');
});
const deps = () => ({ signer: signer.signer, provider, clock: fixedClock });
const at = (pageIndex: number, x: number, y: number) => ({ seal, signerCertificate: signer.certificate, placement: { kind: 'position' as const, pageIndex, x, y } });

describe('stacked seals', () => {
  it('three seals in a row: every one stays valid; each later one protects the earlier ones\' files', async () => {
    let doc = buildOfd(2);
    for (let i = 0; i < 3; i++) doc = (await sealOfd(doc, at(0, 20 + 50 * i, 100), deps())).bytes;
    const r = await verifyOfd(doc, { provider, clock: fixedClock, trustAnchors: signer.pki.trustAnchors, intermediates: signer.pki.intermediates });
    expect(r.valid).toBe(true);
    expect(r.signatures.map((s) => [s.field, s.valid, s.trusted, s.coversWholeDocument, s.modifications.length])).toEqual([
      ['s001', true, true, true, 0],
      ['s003', true, true, true, 0],
      ['s005', true, true, true, 0],
    ]);
    const list = OfdDocument.read(doc).signatures();
    expect(list?.xml.maxSignId).toBe('s006');
    expect(list?.signatures.map((s) => s.path)).toEqual(['Doc_0/Signs/Sign_0/Signature.xml', 'Doc_0/Signs/Sign_1/Signature.xml', 'Doc_0/Signs/Sign_2/Signature.xml']);
    const third = list?.signatures[2]?.references.map((x) => x.path) ?? [];
    expect(third).toEqual(expect.arrayContaining(['Doc_0/Signs/Sign_0/Signature.xml', 'Doc_0/Signs/Sign_0/SignedValue.dat', 'Doc_0/Signs/Sign_1/Seal.esl', 'Doc_0/Signs/Sign_1/SignedValue.dat']));
    expect(third).not.toContain('Doc_0/Signs/Signatures.xml');
    if (sesVerifierAvailable()) expect(sesVerify(doc).overall).toBe('VALID');
  });

  it('a change after the second seal breaks both, and both name the file', async () => {
    let doc = buildOfd(1);
    doc = (await sealOfd(doc, at(0, 20, 100), deps())).bytes;
    doc = (await sealOfd(doc, at(0, 80, 100), deps())).bytes;
    const r = await verifyOfd(flipXmlText(doc, 'Doc_0/Pages/Page_0/Content.xml'), { provider, clock: fixedClock });
    expect(r.signatures.map((s) => s.valid)).toEqual([false, false]);
    for (const s of r.signatures) expect(s.modifications).toMatchObject([{ path: 'Doc_0/Pages/Page_0/Content.xml', change: 'changed' }]);
  });

  it('tampering with the first seal\'s SignedValue.dat breaks it and the second seal, which protects it', async () => {
    let doc = buildOfd(1);
    doc = (await sealOfd(doc, at(0, 20, 100), deps())).bytes;
    doc = (await sealOfd(doc, at(0, 80, 100), deps())).bytes;
    const pkg = OfdPackage.read(doc);
    const sv = pkg.bytes('Doc_0/Signs/Sign_0/SignedValue.dat').slice();
    sv[sv.length - 5] = (sv[sv.length - 5] as number) ^ 1;
    const { updatePackage } = await import('@openseal/ofd');
    const r = await verifyOfd(updatePackage(pkg, { put: { 'Doc_0/Signs/Sign_0/SignedValue.dat': sv } }), { provider, clock: fixedClock });
    expect(r.signatures.map((s) => s.valid)).toEqual([false, false]);
    expect(r.signatures[1]?.modifications).toMatchObject([{ path: 'Doc_0/Signs/Sign_0/SignedValue.dat', change: 'changed' }]);
  });

  it('adds our seal to a real tax e-invoice without breaking the tax authority seal', async () => {
    const out = await sealOfd(ofdSample('ofdrw-converter__1.ofd'), at(0, 150, 10), deps());
    const r = await verifyOfd(out.bytes, { provider, clock: fixedClock });
    expect(r.signatures.map((s) => [s.field, s.valid])).toEqual([
      ['2', true],
      ['s003', true],
    ]);
    expect(out.signaturePath).toBe('Doc_0/Signs/Sign_1/Signature.xml');
    if (sesVerifierAvailable()) expect(sesVerify(out.bytes).overall).toBe('VALID');
  });

  it('refuses to add a seal when an earlier signature protects Signatures.xml (the h.ofd failure mode)', async () => {
    const input = ofdSample('ofdrw-sign__allprotected.ofd');
    await expect(sealOfd(input, at(0, 20, 20), deps())).rejects.toBeInstanceOf(OfdSealLockedError);
    await expect(sealOfd(input, at(0, 20, 20), deps())).rejects.toMatchObject({ code: 'OFD_SEAL_LOCKED', signatureId: '001' });
  });
});
