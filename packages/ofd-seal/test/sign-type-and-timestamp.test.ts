import { OfdDocument, OfdPackage } from '@openseal/ofd';
import { parseSignedData } from '@openseal/pki';
import { makeSeal, parseSesSignature } from '@openseal/ses';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealOfd, signOfd, verifyOfd } from '../src/index.js';
import { inMemoryTsa } from '../../ses/test/support/ses-test-pki.js';
import { T1, buildOfd, clock, entity, fixedClock, provider, redPng, testSeal } from './support/seal-fixtures.js';
import { sesVerifierAvailable, sesVerify } from './support/ses-verify.js';
import { flipXmlText } from './support/tamper.js';

let signer: Awaited<ReturnType<typeof entity>>;
beforeAll(async () => {
  signer = await entity('sealSigner');
});

describe('plain digital signature (Type="Sign", GB/T 35275 SignedData)', () => {
  it('signs with SM2 (sm2-1, GB/T 35275 content types), verifies, and the independent verifier accepts it', async () => {
    const out = await signOfd(buildOfd(1), { signerCertificate: signer.certificate, chain: signer.pki.intermediates }, { signer: signer.signer, provider, clock: fixedClock });
    const pkg = OfdPackage.read(out.bytes);
    const list = OfdDocument.open(pkg).signatures();
    expect(list?.signatures[0]?.entry.type).toBe('Sign');
    expect(list?.signatures[0]?.xml.signedInfo.stampAnnots).toEqual([]);
    const sd = parseSignedData(pkg.bytes('Doc_0/Signs/Sign_0/SignedValue.dat'));
    expect(sd.gm).toBe(true);
    const r = await verifyOfd(out.bytes, { provider, clock: fixedClock, trustAnchors: signer.pki.trustAnchors });
    expect(r.signatures[0]).toMatchObject({ type: 'Sign', valid: true, trusted: true, intact: true, algorithm: 'SM3withSM2', signedAt: '2026-01-03T09:30:00.000Z' });
    if (sesVerifierAvailable()) {
      const bc = sesVerify(out.bytes);
      expect(bc.overall).toBe('VALID');
    }
    const t = await verifyOfd(flipXmlText(out.bytes, 'Doc_0/Pages/Page_0/Content.xml'), { provider, clock: fixedClock });
    expect(t.signatures[0]?.valid).toBe(false);
    const t2 = await verifyOfd(flipXmlText(out.bytes, 'Doc_0/Signs/Sign_0/Signature.xml'), { provider, clock: fixedClock });
    expect(t2.signatures[0]?.valid).toBe(false);
  });

  it('a seal can follow a plain signature, and both stay valid', async () => {
    const first = await signOfd(buildOfd(1), { signerCertificate: signer.certificate }, { signer: signer.signer, provider, clock: fixedClock });
    const second = await sealOfd(first.bytes, { seal: await testSeal(), signerCertificate: signer.certificate, placement: { kind: 'position', pageIndex: 0, x: 100, y: 100 } }, { signer: signer.signer, provider, clock: fixedClock });
    const r = await verifyOfd(second.bytes, { provider, clock: fixedClock });
    expect(r.signatures.map((s) => [s.type, s.valid])).toEqual([
      ['Sign', true],
      ['Seal', true],
    ]);
  });
});

describe('RFC 3161 time-stamps', () => {
  it('SES_Signature.timeStamp over the signature value: level B-T and the signing time from the token', async () => {
    const out = await sealOfd(
      buildOfd(1),
      { seal: await testSeal(), signerCertificate: signer.certificate, placement: { kind: 'position', pageIndex: 0, x: 100, y: 100 } },
      { signer: signer.signer, provider, clock: fixedClock, timestamp: await inMemoryTsa(fixedClock) },
    );
    const ses = parseSesSignature(OfdPackage.read(out.bytes).bytes('Doc_0/Signs/Sign_0/SignedValue.dat'));
    expect(ses.timeStamp).toBeDefined();
    const r = await verifyOfd(out.bytes, { provider, clock: fixedClock });
    expect(r.signatures[0]).toMatchObject({ valid: true, level: 'B-T', signedAtSource: 'timestamp', timestamp: { time: '2026-01-03T09:30:00.000Z', verified: true } });
    if (sesVerifierAvailable()) expect(sesVerify(out.bytes).overall).toBe('VALID');
  });

  it('a CMS signature time-stamp for Type="Sign"', async () => {
    const out = await signOfd(buildOfd(1), { signerCertificate: signer.certificate }, { signer: signer.signer, provider, clock: fixedClock, timestamp: await inMemoryTsa(fixedClock) });
    const r = await verifyOfd(out.bytes, { provider, clock: fixedClock });
    expect(r.signatures[0]).toMatchObject({ valid: true, level: 'B-T', signedAtSource: 'timestamp' });
  });
});

describe('RSA seals', () => {
  it('seals with an RSA seal and signer (sha256WithRSAEncryption, SHA-256 data hash); BouncyCastle agrees', async () => {
    const rsaSigner = await entity('sealSigner', 'RSA');
    const maker = await entity('sealMaker', 'RSA');
    const seal = await makeSeal(
      { esID: 'RSA1', vid: 'OpenSeal', type: 1, name: 'RSA 测试章', certList: [rsaSigner.certificate], validStart: T1, validEnd: new Date('2027-01-01Z'), picture: { type: 'PNG', data: redPng(), widthMm: 42, heightMm: 42 } },
      { signer: maker.signer, makerCertificate: maker.certificate, provider, clock },
    );
    const out = await sealOfd(buildOfd(1), { seal, signerCertificate: rsaSigner.certificate, placement: { kind: 'gbt9704' } }, { signer: rsaSigner.signer, provider, clock: fixedClock });
    const r = await verifyOfd(out.bytes, { provider, clock: fixedClock });
    expect(r.signatures[0]).toMatchObject({ valid: true, algorithm: 'SHA256withRSA' });
    if (sesVerifierAvailable()) expect(sesVerify(out.bytes).overall).toBe('VALID');
  });
});
