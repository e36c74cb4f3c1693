import { FixedClock } from '@openseal/kernel';
import { describe, expect, it } from 'vitest';
import { verifyOfd } from '../src/index.js';
import { ofdSample, type OfdSampleName } from './support/ofd-samples.js';
import { provider } from './support/seal-fixtures.js';

const clock = new FixedClock('2026-11-26T00:00:00Z');
const verify = (name: OfdSampleName) => verifyOfd(ofdSample(name), { provider, clock });
const check = (s: { checks: readonly { code: string; status: string }[] } | undefined, code: string) => s?.checks.find((c) => c.code === code)?.status;

// No trust anchors exist for these files: "valid" = integrity, signature, seal and time checks pass,
// trust stays unknown (MANIFEST.md); with --require-trust they would not pass.
describe('MANIFEST.md verdicts of the third-party OFDs', () => {
  it('1.ofd (tax e-invoice, GOMAIN v4 seal, no <Seal>): valid, untrusted', async () => {
    const r = await verify('ofdrw-converter__1.ofd');
    expect(r.valid).toBe(true);
    expect(r.trusted).toBe(false);
    expect(r.signatures).toHaveLength(1);
    expect(r.signatures[0]).toMatchObject({ valid: true, trusted: false, intact: true, coversWholeDocument: true, protectedFiles: 13, indication: 'INDETERMINATE', signedAt: '2020-07-23T13:09:07.000Z' });
    expect(r.signatures[0]?.seal).toMatchObject({ name: '国家税务总局浙江省税务局', type: 3, esId: '33010600000001', vid: 'GOMAIN', makerSignedOver: 'SES_SealInfo', picture: { type: 'ofd', widthMm: 30, heightMm: 20 } });
    expect(r.signatures[0]?.signer).toContain('浙江省税务监制章电子证书');
    expect(r.signatures[0]).toMatchObject({ signatureValid: true, trust: { status: 'unknown' }, level: 'B-B', algorithm: 'SM3withSM2', errors: [], warnings: [] });
    const strict = await verifyOfd(ofdSample('ofdrw-converter__1.ofd'), { provider, clock, requireTrust: true });
    expect(strict.valid).toBe(false);
  });

  it('999.ofd (KingGrid, relative BaseLoc): valid; OFD.xml is reported as not protected', async () => {
    const r = await verify('ofdrw-converter__999.ofd');
    expect(r.valid).toBe(true);
    expect(r.signatures[0]).toMatchObject({ valid: true, protectedFiles: 20, coversWholeDocument: false, modifications: [{ path: 'OFD.xml', change: 'unprotected' }] });
    expect(r.signatures[0]?.stampAnnots[0]?.pageIndex).toBe(0);
  });

  it('V4RideRight.ofd (riding seam over 5 pages): valid, one StampAnnot per page with 8 mm clips', async () => {
    const r = await verify('ofdrw-converter__V4RideRight.ofd');
    expect(r.valid).toBe(true);
    expect(r.signatures[0]?.stampAnnots.map((a) => a.clip)).toEqual(['0 0 8 40', '8 0 8 40', '16 0 8 40', '24 0 8 40', '32 0 8 40']);
  });

  it('h.ofd: #1 invalid because #2 changed the Signatures.xml it protected; #2 valid', async () => {
    const r = await verify('ofdrw-converter__h.ofd');
    expect(r.valid).toBe(false);
    expect(r.signatures.map((s) => s.valid)).toEqual([false, true]);
    expect(r.signatures[0]?.modifications).toMatchObject([{ path: 'Doc_0/Signs/Signatures.xml', change: 'changed' }]);
    expect(r.signatures[0]?.subIndication).toBe('HASH_FAILURE');
    expect(check(r.signatures[0], 'SES_SIGNATURE_VALUE')).toBe('passed');
  });

  it('n.ofd (dms360, SES v1, changed after sealing): invalid; references and data hash fail; maker signature valid under the v1 rule', async () => {
    const r = await verify('ofdrw-converter__n.ofd');
    const s = r.signatures[0];
    expect(r.valid).toBe(false);
    expect(s?.valid).toBe(false);
    expect(check(s, 'OFD_REFERENCES')).toBe('failed');
    expect(check(s, 'SES_DATA_HASH')).toBe('failed');
    expect(check(s, 'SEAL_MAKER_SIGNATURE')).toBe('passed');
    expect(s?.seal).toMatchObject({ version: 1, makerSignedOver: 'SEQUENCE{SealInfo,cert,alg}', name: '某某省人力资源和社会测试章' });
    expect(s?.modifications.map((m) => m.path)).toContain('Doc_0/Pages/Page_1/Content.xml');
  });

  it('zsbk.ofd: both seals invalid, naming the altered page contents', async () => {
    const r = await verify('ofdrw-converter__zsbk.ofd');
    expect(r.signatures.map((s) => s.valid)).toEqual([false, false]);
    for (const s of r.signatures) {
      expect(s.modifications.filter((m) => m.change === 'changed').map((m) => m.path).sort()).toEqual(['Doc_0/Pages/Page_0/Content.xml', 'Doc_0/Pages/Page_1/Content.xml']);
      expect(check(s, 'SES_SIGNATURE_VALUE')).toBe('passed');
    }
  });

  it('SESV4SignDoc.ofd: integrity and signature pass, but it was sealed outside the seal and certificate validity', async () => {
    const r = await verify('ofdrw-reader__SESV4SignDoc.ofd');
    const s = r.signatures[0];
    expect(r.valid).toBe(false);
    expect(s?.intact).toBe(true);
    expect(check(s, 'SEAL_VALIDITY')).toBe('failed');
    expect(check(s, 'SES_SIGNER_CERT_VALIDITY')).toBe('failed');
  });

  it('allprotected.ofd (Signatures.xml protected, single seal): valid', async () => {
    const r = await verify('ofdrw-sign__allprotected.ofd');
    expect(r.valid).toBe(true);
    expect(r.signatures[0]?.coversWholeDocument).toBe(true);
  });

  it('DigitalSign.ofd (Type="Sign", bare r,s): references intact, the signature cannot be verified', async () => {
    const r = await verify('ofdrw-sign__DigitalSign.ofd');
    const s = r.signatures[0];
    expect(r.valid).toBe(false);
    expect(s?.type).toBe('Sign');
    expect(check(s, 'OFD_REFERENCES')).toBe('passed');
    expect(s?.modifications).toMatchObject([]);
    expect(s).toMatchObject({ valid: false, indication: 'INDETERMINATE', subIndication: 'NO_SIGNING_CERTIFICATE_FOUND' });
  });

  it('unsigned documents are reported, not thrown', async () => {
    for (const n of ['ofdrw-converter__z.ofd', 'ofdrw-sign__helloworld.ofd'] as const) {
      const r = await verify(n);
      expect(r).toMatchObject({ valid: false, signatures: [], errors: [{ code: 'OFD_UNSIGNED' }] });
    }
  });
});
