import { OfdDocument, OfdPackage } from '@openseal/ofd';
import { parseSesSignature } from '@openseal/ses';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareOfdSeal, finishOfdSignature, sealOfd, verifyOfd } from '../src/index.js';
import { ofdSample } from './support/ofd-samples.js';
import { buildOfd, entity, fixedClock, provider, testSeal } from './support/seal-fixtures.js';
import { sesVerifierAvailable, sesVerify } from './support/ses-verify.js';
import { addFile, flipByte, flipXmlText } from './support/tamper.js';

let seal: Uint8Array;
let signer: Awaited<ReturnType<typeof entity>>;
const trust = () => ({ trustAnchors: signer.pki.trustAnchors, intermediates: signer.pki.intermediates });

beforeAll(async () => {
  seal = await testSeal();
  signer = await entity('sealSigner');
});

const deps = () => ({ signer: signer.signer, provider, clock: fixedClock });

describe('sealing an OFD (Type="Seal")', () => {
  it('seals helloworld.ofd: Signatures.xml, Signature.xml with SM3 references, StampAnnot at true size, SignedValue.dat, OFD.xml pointer', async () => {
    const input = ofdSample('ofdrw-sign__helloworld.ofd');
    const out = await sealOfd(input, { seal, signerCertificate: signer.certificate, placement: { kind: 'position', pageIndex: 0, x: 40, y: 40 } }, deps());
    const pkg = OfdPackage.read(out.bytes);
    const doc = OfdDocument.open(pkg);
    expect(doc.body.signatures).toBe('/Doc_0/Signs/Signatures.xml');
    const list = doc.signatures();
    expect(list?.signatures).toHaveLength(1);
    const s = list?.signatures[0];
    expect(s?.entry).toMatchObject({ id: 's001', type: 'Seal', baseLoc: '/Doc_0/Signs/Sign_0/Signature.xml' });
    expect(list?.xml.maxSignId).toBe('s002');
    expect(s?.xml.signedInfo.signatureMethod).toBe('1.2.156.10197.1.501');
    expect(s?.xml.signedInfo.checkMethod).toBe('1.2.156.10197.1.401');
    expect(s?.xml.signedInfo.signatureDateTime).toBe('20260103093000Z');
    expect(s?.xml.signedInfo.stampAnnots).toEqual([{ id: 's002', pageRef: doc.pages[0]?.id, boundary: { x: 40, y: 40, width: 40, height: 40 } }]);
    expect(s?.xml.signedInfo.sealBaseLoc).toBe('/Doc_0/Signs/Sign_0/Seal.esl');
    const refs = s?.references.map((r) => r.path).sort();
    expect(refs).toEqual([...pkg.paths].filter((p) => !['Doc_0/Signs/Signatures.xml', 'Doc_0/Signs/Sign_0/Signature.xml', 'Doc_0/Signs/Sign_0/SignedValue.dat'].includes(p)).sort());
    expect(refs).toContain('OFD.xml');
    expect(refs).toContain('Doc_0/Signs/Sign_0/Seal.esl');
    const ses = parseSesSignature(pkg.bytes('Doc_0/Signs/Sign_0/SignedValue.dat'));
    expect(ses.propertyInfo).toBe('/Doc_0/Signs/Sign_0/Signature.xml');
    expect(ses.dataHash).toEqual(provider.digest('SM3', pkg.bytes('Doc_0/Signs/Sign_0/Signature.xml')));
    // every other entry is byte-identical
    const before = OfdPackage.read(input);
    for (const p of before.paths) if (p !== 'OFD.xml') expect(pkg.bytes(p)).toEqual(before.bytes(p));

    const report = await verifyOfd(out.bytes, { provider, clock: fixedClock, ...trust() });
    expect(report.valid).toBe(true);
    expect(report.signatures[0]).toMatchObject({ kind: 'signature', type: 'Seal', signatureValid: true, trust: { status: 'trusted' }, algorithm: 'SM3withSM2', field: 's001', valid: true, trusted: true, intact: true, coversWholeDocument: true, modifications: [], errors: [], indication: 'TOTAL_PASSED', level: 'B-B', signedAt: '2026-01-03T09:30:00.000Z' });
    expect(report.signatures[0]?.seal).toMatchObject({ name: '某某市人民政府办公室', type: 1, esId: '11010800000001', makerSignatureValid: true });
  });

  it.runIf(sesVerifierAvailable())('is accepted by the independent SES verifier (BouncyCastle)', async () => {
    const out = await sealOfd(ofdSample('ofdrw-sign__helloworld.ofd'), { seal, signerCertificate: signer.certificate, placement: { kind: 'position', pageIndex: 0, x: 40, y: 40 } }, deps());
    const r = sesVerify(out.bytes);
    expect(r.overall).toBe('VALID');
    expect(r.signatures[0]).toMatchObject({ valid: true, problems: [], sealMakerSignedOver: 'SES_SealInfo', signerCertInSealCertList: true, sealEslMatchesEmbedded: true, dataHashMatchesSignatureXml: true });
  });

  it('stages prepare → external sign → finish, so a token or remote agent can hold the key', async () => {
    const prepared = await prepareOfdSeal({ document: buildOfd(3), seal, signerCertificate: signer.certificate, signingTime: fixedClock.now(), placement: { kind: 'keyword', keyword: '某某市人民政府办公室' } }, { provider });
    expect(prepared.toBeSigned[0]).toBe(0x30);
    const value = await signer.signer.sign(prepared.toBeSigned);
    const bytes = await finishOfdSignature(prepared, value, { provider });
    expect((await verifyOfd(bytes, { provider, clock: fixedClock })).valid).toBe(true);
    await expect(finishOfdSignature(prepared, new Uint8Array(64).fill(1), { provider })).rejects.toMatchObject({ code: 'OFD_SEAL_SIGNING_FAILED' });
  });
});

describe('tamper twins: one flipped byte makes the seal invalid and names the file', () => {
  let sealed: Uint8Array;
  beforeAll(async () => {
    sealed = (await sealOfd(buildOfd(2), { seal, signerCertificate: signer.certificate, placement: { kind: 'position', pageIndex: 1, x: 120, y: 200 } }, deps())).bytes;
  });
  const verify = (b: Uint8Array) => verifyOfd(b, { provider, clock: fixedClock });

  it('the untouched document verifies', async () => {
    expect((await verify(sealed)).valid).toBe(true);
  });

  it('a protected page: HASH_FAILURE naming Content.xml', async () => {
    const r = await verify(flipXmlText(sealed, 'Doc_0/Pages/Page_0/Content.xml'));
    expect(r.valid).toBe(false);
    expect(r.signatures[0]).toMatchObject({ valid: false, intact: false, subIndication: 'HASH_FAILURE', modifications: [{ path: 'Doc_0/Pages/Page_0/Content.xml', change: 'changed' }] });
    expect(r.signatures[0]?.errors).toEqual(['OFD_REFERENCES']);
    expect(r.signatures[0]?.messages[0]?.message).toContain('Doc_0/Pages/Page_0/Content.xml');
  });

  it('Doc_0/Signs/Sign_0/SignedValue.dat: the signature value no longer verifies', async () => {
    const sv = OfdPackage.read(sealed).bytes('Doc_0/Signs/Sign_0/SignedValue.dat');
    const r = await verify(flipByte(sealed, 'Doc_0/Signs/Sign_0/SignedValue.dat', () => sv.length - 10));
    expect(r.signatures[0]?.valid).toBe(false);
    expect(r.signatures[0]?.checks.find((c) => c.code === 'SES_SIGNATURE_VALUE')?.status).toBe('failed');
  });

  it('Doc_0/Signs/Sign_0/Signature.xml: the data hash no longer matches', async () => {
    const r = await verify(flipXmlText(sealed, 'Doc_0/Signs/Sign_0/Signature.xml'));
    expect(r.signatures[0]?.valid).toBe(false);
    expect(r.signatures[0]?.checks.find((c) => c.code === 'SES_DATA_HASH')?.status).toBe('failed');
  });

  it('Doc_0/Signs/Sign_0/Seal.esl: protected, and it differs from the seal that was used', async () => {
    const r = await verify(flipByte(sealed, 'Doc_0/Signs/Sign_0/Seal.esl'));
    expect(r.signatures[0]?.valid).toBe(false);
    expect(r.signatures[0]?.modifications).toMatchObject([{ path: 'Doc_0/Signs/Sign_0/Seal.esl', change: 'changed' }]);
    expect(r.signatures[0]?.checks.find((c) => c.code === 'OFD_SEAL_FILE')?.status).toBe('failed');
  });

  it.runIf(sesVerifierAvailable())('the independent verifier agrees on the tampered page', async () => {
    const r = sesVerify(flipXmlText(sealed, 'Doc_0/Pages/Page_0/Content.xml'));
    expect(r.overall).toBe('INVALID');
    expect(r.signatures[0]?.badRefs).toEqual(['/Doc_0/Pages/Page_0/Content.xml']);
  });

  it('a file added after sealing stays valid but is named and the seal no longer covers the whole document', async () => {
    const r = await verify(addFile(sealed, 'Doc_0/Res/added.png', new Uint8Array([1, 2, 3])));
    expect(r.signatures[0]).toMatchObject({ valid: true, coversWholeDocument: false, modifications: [{ path: 'Doc_0/Res/added.png', change: 'added' }] });
    expect(r.signatures[0]?.warnings).toContain('OFD_FILE_ADDED');
  });
});

describe('lenient locations (producers write ST_Loc both relative and from the root)', () => {
  it('a list entry "Doc_0/Signs/Sign_0/Signature.xml" inside Doc_0/Signs/Signatures.xml still finds its signature', async () => {
    const sealed = (await sealOfd(buildOfd(1), { seal, signerCertificate: signer.certificate, placement: { kind: 'position', pageIndex: 0, x: 10, y: 10 } }, deps())).bytes;
    const pkg = OfdPackage.read(sealed);
    const list = new TextDecoder().decode(pkg.bytes('Doc_0/Signs/Signatures.xml')).replace('BaseLoc="/Doc_0/', 'BaseLoc="Doc_0/');
    const { updatePackage } = await import('@openseal/ofd');
    const r = await verifyOfd(updatePackage(pkg, { put: { 'Doc_0/Signs/Signatures.xml': new TextEncoder().encode(list) } }), { provider, clock: fixedClock });
    expect(r.signatures[0]).toMatchObject({ valid: true, path: 'Doc_0/Signs/Sign_0/Signature.xml' });
  });
});
