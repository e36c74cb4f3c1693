import { AsnConvert } from '@peculiar/asn1-schema';
import { parseDer } from '@openseal/asn1';
import { signatureDerToRaw } from '@openseal/crypto';
import { concatBytes, equalBytes } from '@openseal/kernel';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SES_Signature,
  createSesSignature,
  finishSesSignature,
  makeSeal,
  parseSesSignature,
  prepareSesSignature,
  verifySesSignature,
  type PrepareSesSignatureInput,
} from '../src/index.js';
import { T1, clock, entity, inMemoryTsa, provider, redPng, type TestPki } from './support/ses-test-pki.js';

const DATA = new TextEncoder().encode('<ofd:Signature>…</ofd:Signature>');
let sealDer: Uint8Array;
let pki: TestPki;
let signer: Awaited<ReturnType<typeof entity>>;

beforeAll(async () => {
  signer = await entity('sealSigner');
  const maker = await entity('sealMaker');
  pki = maker.pki;
  sealDer = await makeSeal(
    {
      esID: 'S001',
      vid: 'OpenSeal',
      type: 1,
      name: '测试章',
      certList: [signer.certificate],
      validStart: T1,
      validEnd: new Date('2026-06-01T00:00:00Z'),
      picture: { type: 'PNG', data: redPng(), widthMm: 40, heightMm: 40 },
    },
    { signer: maker.signer, makerCertificate: maker.certificate, provider, clock },
  );
});

function input(overrides: Partial<PrepareSesSignatureInput> = {}): PrepareSesSignatureInput {
  return {
    seal: sealDer,
    signerCertificate: signer.certificate,
    timeInfo: new Date('2026-01-03T10:00:00.250Z'),
    dataHash: provider.digest('SM3', DATA),
    propertyInfo: '/Doc_0/Signs/Sign_0/Signature.xml',
    ...overrides,
  };
}

const trust = () => ({ trustAnchors: pki.trustAnchors, intermediates: pki.intermediates });

describe('SES_Signature v4: prepare → sign → finish → verify', () => {
  it('signs TBS_Sign with SM2 (standard ID, DER r,s) and verifies every GB/T 38540 §7.3 check', async () => {
    const prepared = await prepareSesSignature(input(), { provider });
    const value = await signer.signer.sign(prepared.toBeSigned);
    const der = finishSesSignature(prepared, value);
    const sig = parseSesSignature(der);
    expect(sig.version).toBe(4);
    expect(sig.tbsVersion).toBe(4);
    expect(sig.timeInfo.date).toEqual(new Date('2026-01-03T10:00:00Z'));
    expect(equalBytes(sig.seal.der, sealDer)).toBe(true);
    expect(equalBytes(sig.toSignDer, prepared.toBeSigned)).toBe(true);
    expect(sig.signature[0]).toBe(0x30);
    const v = await verifySesSignature(der, { provider, data: DATA, ...trust() });
    expect(v.checks.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(v).toMatchObject({ valid: true, trusted: true, intact: true, indication: 'TOTAL_PASSED', signatureEncoding: 'der', signingTimeSource: 'timeInfo' });
    expect(v.seal?.makerSignedOver).toBe('SES_SealInfo');
  });

  it('is DER that the standard-named SES_Signature class reads and re-encodes identically', async () => {
    const der = await createSesSignature(input({ extDatas: [{ extnId: '1.2.3', critical: true, value: new Uint8Array([7]) }] }), { signer: signer.signer, provider });
    const s = parseDer(der, SES_Signature);
    expect(s.toSign.extDatas?.[0]?.critical).toBe(true);
    expect(equalBytes(new Uint8Array(AsnConvert.serialize(s)), der)).toBe(true);
    expect(parseSesSignature(der).extDatas[0]?.extnId).toBe('1.2.3');
  });

  it('without trust anchors the signature is valid but not trusted (INDETERMINATE)', async () => {
    const der = await createSesSignature(input(), { signer: signer.signer, provider });
    const v = await verifySesSignature(der, { provider, data: DATA });
    expect(v).toMatchObject({ valid: true, trusted: false, indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
  });

  it('a flipped byte inside TBS_Sign fails the signature value (tamper twin)', async () => {
    const der = await createSesSignature(input(), { signer: signer.signer, provider });
    const tampered = der.slice();
    const at = Buffer.from(der).indexOf('/Doc_0/Signs/Sign_0'); // propertyInfo, inside TBS_Sign
    expect(at).toBeGreaterThan(0);
    tampered[at + 3] = (tampered[at + 3] as number) ^ 0x01;
    const v = await verifySesSignature(tampered, { provider, data: DATA });
    expect(v.valid).toBe(false);
    expect(v.intact).toBe(false);
  });

  it('a different original gives HASH_FAILURE', async () => {
    const der = await createSesSignature(input(), { signer: signer.signer, provider });
    const v = await verifySesSignature(der, { provider, data: concatBytes(DATA, new Uint8Array([0x20])) });
    expect(v).toMatchObject({ valid: false, intact: false, indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE' });
  });

  it('accepts a raw r‖s value on reading (noted) but always writes DER', async () => {
    const prepared = await prepareSesSignature(input(), { provider });
    const value = await signer.signer.sign(prepared.toBeSigned);
    const raw = signatureDerToRaw(value, 32);
    const der = finishSesSignature(prepared, raw);
    expect(parseSesSignature(der).signature[0]).toBe(0x30);
    // Assemble a raw r‖s SES_Signature by hand, as some vendors do.
    const sig = parseSesSignature(der);
    const rawDer = der.slice(0, der.length - sig.signature.length - 3);
    const withRaw = new Uint8Array([...rawDer, 0x03, 65, 0, ...raw]);
    const fixed = new Uint8Array([0x30, 0x82, (withRaw.length - 4) >> 8, (withRaw.length - 4) & 0xff, ...withRaw.subarray(4)]);
    const v = await verifySesSignature(fixed, { provider, data: DATA });
    expect(v.valid).toBe(true);
    expect(v.signatureEncoding).toBe('raw');
  });

  it('refuses to sign when the signer is not in the seal certificate list', async () => {
    const other = await entity('personSigner');
    await expect(prepareSesSignature(input({ signerCertificate: other.certificate }), { provider })).rejects.toMatchObject({ code: 'SEAL_SIGNER_NOT_AUTHORISED' });
  });

  it('refuses to sign outside the seal validity period', async () => {
    await expect(prepareSesSignature(input({ timeInfo: new Date('2026-07-01T00:00:00Z') }), { provider })).rejects.toMatchObject({ code: 'SEAL_NOT_VALID' });
  });

  it('judged at a time after the seal expired, the seal validity check fails', async () => {
    const der = await createSesSignature(input(), { signer: signer.signer, provider });
    const v = await verifySesSignature(der, { provider, data: DATA, at: new Date('2026-07-01T00:00:00Z') });
    expect(v.valid).toBe(false);
    expect(v.checks.find((c) => c.code === 'SEAL_VALIDITY')?.status).toBe('failed');
  });

  it('reports a signer certificate not in the seal list (a signature made with another seal swapped in)', async () => {
    const other = await entity('personSigner');
    const maker = await entity('sealMaker');
    const foreignSeal = await makeSeal(
      { esID: 'S002', vid: 'X', type: 2, name: '张三', certList: [other.certificate], validStart: T1, validEnd: new Date('2026-06-01T00:00:00Z'), picture: { type: 'PNG', data: redPng(), widthMm: 20, heightMm: 20 } },
      { signer: maker.signer, makerCertificate: maker.certificate, provider, clock },
    );
    // Build the TBS by hand: prepareSesSignature would refuse this combination.
    const prepared = await prepareSesSignature(input(), { provider });
    const tbs = prepared.toBeSigned;
    const swapped = concatBytes(tbs.subarray(0, 4 + 3), foreignSeal, tbs.subarray(4 + 3 + sealDer.length));
    const body = swapped.subarray(4);
    const header = new Uint8Array([0x30, 0x82, body.length >> 8, body.length & 0xff]);
    const tbs2 = concatBytes(header, body);
    const value = await signer.signer.sign(tbs2);
    const der = finishSesSignature({ ...prepared, toBeSigned: tbs2 }, value);
    const v = await verifySesSignature(der, { provider, data: DATA });
    expect(v.checks.find((c) => c.code === 'SES_SIGNATURE_VALUE')?.status).toBe('passed');
    expect(v.checks.find((c) => c.code === 'SES_SIGNER_IN_SEAL_CERT_LIST')?.status).toBe('failed');
    expect(v.valid).toBe(false);
  });

  it('with an RFC 3161 time-stamp over the signature value, the signing time comes from the token', async () => {
    const der = await createSesSignature(input(), { signer: signer.signer, provider, timestamp: await inMemoryTsa() });
    const sig = parseSesSignature(der);
    expect(sig.timeStamp?.length).toBeGreaterThan(100);
    const v = await verifySesSignature(der, { provider, data: DATA });
    expect(v.checks.find((c) => c.code === 'SES_TIMESTAMP')?.status).toBe('passed');
    expect(v.signingTimeSource).toBe('timestamp');
    expect(v.signingTime).toEqual(T1);
    expect(v.valid).toBe(true);
    // a time-stamp over another value does not count
    const tsa = await inMemoryTsa();
    const prepared = await prepareSesSignature(input(), { provider });
    const value = await signer.signer.sign(prepared.toBeSigned);
    const wrong = finishSesSignature(prepared, value, { timeStamp: await tsa(new Uint8Array([1, 2, 3])) });
    const w = await verifySesSignature(wrong, { provider, data: DATA });
    expect(w.checks.find((c) => c.code === 'SES_TIMESTAMP')?.status).toBe('failed');
    expect(w.valid).toBe(false);
  });

  it('never throws on hostile input', async () => {
    const inputs = [new Uint8Array(0), new Uint8Array([0x30, 0x80]), new Uint8Array(50).fill(0x30), new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff])];
    const deep = new Uint8Array(400);
    for (let i = 0; i < 200; i++) deep.set([0x30, 0x80 > 398 - 2 * i ? 0 : 398 - 2 * i - 2 > 127 ? 0x7f : 398 - 2 * i - 2], 2 * i);
    inputs.push(deep);
    for (const bytes of inputs) {
      const v = await verifySesSignature(bytes, { provider });
      expect(v.valid).toBe(false);
      expect(v.checks[0]).toMatchObject({ code: 'SES_FORMAT', status: 'failed' });
    }
  });
});

describe('revocation (GB/T 38540 §7.3 d)', () => {
  it('a signer certificate revoked before the signing time makes the signature invalid; with a clean CRL it is trusted', async () => {
    const { CrlRevocationSource } = await import('@openseal/pki');
    const der = await createSesSignature(input(), { signer: signer.signer, provider });
    const revokedCrl = await pki.intermediate.ca.issueCrl({ crlNumber: 2, revoked: [{ serialNumber: signer.certificate.serialNumber, revokedAt: T1 }], thisUpdate: new Date('2026-01-04T00:00:00Z') });
    const cleanCrl = await pki.intermediate.ca.issueCrl({ crlNumber: 3, revoked: [], thisUpdate: new Date('2026-01-03T00:00:00Z') });
    const rootCrl = await pki.root.ca.issueCrl({ crlNumber: 1, revoked: [], thisUpdate: new Date('2026-01-03T00:00:00Z') });
    const revoked = await verifySesSignature(der, { provider, data: DATA, ...trust(), revocation: new CrlRevocationSource([revokedCrl, rootCrl], provider) });
    expect(revoked.valid).toBe(false);
    expect(revoked.checks.find((c) => c.code === 'SES_SIGNER_CERT_PATH')).toMatchObject({ status: 'failed', subIndication: 'REVOKED' });
    const clean = await verifySesSignature(der, { provider, data: DATA, ...trust(), revocation: new CrlRevocationSource([cleanCrl, rootCrl], provider) });
    expect(clean).toMatchObject({ valid: true, trusted: true });
  });

  it('refuses to sign with a certificate that does not validate, when trust anchors are given', async () => {
    const { CrlRevocationSource } = await import('@openseal/pki');
    const revokedCrl = await pki.intermediate.ca.issueCrl({ crlNumber: 4, revoked: [{ serialNumber: signer.certificate.serialNumber, revokedAt: T1 }], thisUpdate: new Date('2026-01-04T00:00:00Z') });
    const rootCrl = await pki.root.ca.issueCrl({ crlNumber: 2, revoked: [], thisUpdate: new Date('2026-01-03T00:00:00Z') });
    await expect(prepareSesSignature(input({ trust: { ...trust(), revocation: new CrlRevocationSource([revokedCrl, rootCrl], provider) } }), { provider })).rejects.toMatchObject({ code: 'SEAL_INVALID_INPUT' });
    await expect(prepareSesSignature(input({ trust: trust() }), { provider })).resolves.toBeDefined();
  });
});
