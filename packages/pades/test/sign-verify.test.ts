import { describe, expect, it } from 'vitest';
import { OID } from '@openseal/asn1';
import { SeededRandom, equalBytes } from '@openseal/kernel';
import type { KeyType } from '@openseal/crypto';
import { PdfDocument, listSignatures } from '@openseal/pdf';
import { parseSignedData } from '@openseal/pki';
import {
  extractSignedRevision,
  finishPdfSignature,
  preparePdfSignature,
  signPdf,
  trimDer,
  verifyPdf,
  type PdfVerificationReport,
} from '../src/index.js';
import { byteInsideRange, flipByte } from './support/pdf-edits.js';
import { clock, provider, sample, sealSigner, T1 } from './support/pades-test-pki.js';

const random = new SeededRandom(42);

async function signWith(keyType: KeyType, input: Uint8Array, extra: Record<string, unknown> = {}): Promise<Uint8Array> {
  const s = await sealSigner(keyType);
  return signPdf(input, { signerCertificate: s.certificate, chain: s.chain, ...extra }, { signer: s.signer, provider, clock, random });
}

async function verifyWithTrust(bytes: Uint8Array, keyType: KeyType, password?: string): Promise<PdfVerificationReport> {
  const s = await sealSigner(keyType);
  return verifyPdf(bytes, { provider, clock, trustAnchors: s.pki.trustAnchors, ...(password ? { password } : {}) });
}

describe.each<KeyType>(['RSA', 'EC-P256', 'SM2'])('PAdES B-B with %s', (keyType) => {
  it('appends one revision, keeps every original byte, and verifies as valid and trusted', async () => {
    const input = sample('pyHanko__minimal.pdf');
    const signed = await signWith(keyType, input, { reason: '审批', location: '北京' });
    expect(equalBytes(signed.subarray(0, input.length), input)).toBe(true);
    const report = await verifyWithTrust(signed, keyType);
    expect(report.valid).toBe(true);
    expect(report.trusted).toBe(true);
    const [sig] = report.signatures;
    expect(sig).toMatchObject({
      index: 0,
      field: 'Signature1',
      kind: 'signature',
      subFilter: 'ETSI.CAdES.detached',
      intact: true,
      signatureValid: true,
      valid: true,
      trusted: true,
      coversWholeDocument: true,
      level: 'B-B',
      reason: '审批',
      location: '北京',
      signedAt: T1.toISOString(),
      signedAtSource: 'M',
      errors: [],
    });
    expect(sig?.signer).toContain('电子印章');
    expect(sig?.algorithm).toBe(keyType === 'SM2' ? 'SM2 with SM3' : keyType === 'RSA' ? 'RSASSA-PKCS1-v1_5 with SHA-256' : 'ECDSA with SHA-256');
    expect(sig?.modifications).toEqual([]);
  });

  it('reports HASH_FAILURE when one byte inside the signed range changes (tamper twin)', async () => {
    const signed = await signWith(keyType, sample('pyHanko__minimal.pdf'));
    const tampered = flipByte(signed, byteInsideRange(signed));
    const report = await verifyWithTrust(tampered, keyType);
    expect(report.valid).toBe(false);
    const sig = report.signatures[0];
    expect(sig?.intact).toBe(false);
    expect(sig?.valid).toBe(false);
    expect(sig?.errors).toContain('CMS_DIGEST_MISMATCH');
    expect(sig?.subIndication).toBe('HASH_FAILURE');
  });
});

describe('CMS content of the signature', () => {
  it('PAdES: content-type, message-digest and signing-certificate-v2, and no signing-time attribute', async () => {
    const signed = await signWith('RSA', sample('pyHanko__minimal.pdf'));
    const [info] = listSignatures(PdfDocument.load(signed));
    const sd = parseSignedData(trimDer(info?.contents as Uint8Array));
    const types = sd.signerInfos[0]?.signedAttributes?.map((a) => a.type).sort();
    expect(types).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    expect(sd.certificates.length).toBe(3); // signer, issuing CA, root
  });

  it('adbe.pkcs7.detached carries the signing-time attribute, used as the signing time', async () => {
    const signed = await signWith('RSA', sample('pyHanko__minimal.pdf'), { subFilter: 'adbe.pkcs7.detached' });
    const [info] = listSignatures(PdfDocument.load(signed));
    const sd = parseSignedData(trimDer(info?.contents as Uint8Array));
    expect(sd.signerInfos[0]?.signedAttributes?.some((a) => a.type === OID.signingTime)).toBe(true);
    const report = await verifyWithTrust(signed, 'RSA');
    expect(report.signatures[0]).toMatchObject({ valid: true, subFilter: 'adbe.pkcs7.detached', signedAtSource: 'signing-time' });
  });

  it('SM2 with GB/T 35275 OIDs (gm) verifies and names the GM content types', async () => {
    const signed = await signWith('SM2', sample('pyHanko__minimal.pdf'), { gm: true });
    const [info] = listSignatures(PdfDocument.load(signed));
    const sd = parseSignedData(trimDer(info?.contents as Uint8Array));
    expect(sd.contentType).toBe(OID.gmSignedData);
    expect(sd.eContentType).toBe(OID.gmData);
    expect(sd.signerInfos[0]?.signatureAlgorithm.oid).toBe(OID.sm2sign);
    const report = await verifyWithTrust(signed, 'SM2');
    expect(report.valid).toBe(true);
    expect(report.trusted).toBe(true);
  });
});

describe('staged signing (prepare → external signer → finish)', () => {
  it('gives the same signature as the one-call API and lets the key live elsewhere', async () => {
    const s = await sealSigner('EC-P256');
    const doc = PdfDocument.load(sample('pyHanko__minimal.pdf'));
    const prepared = preparePdfSignature(doc, { signerCertificate: s.certificate, chain: s.chain, signingTime: T1, signatureAlgorithm: s.signer.algorithm, provider, fieldName: 'Remote' });
    expect(prepared.byteRange[0]).toBe(0);
    expect(prepared.byteRange[2] + prepared.byteRange[3]).toBe(prepared.update.length);
    // The "remote" signer only ever sees the signed attributes.
    const value = await s.signer.sign(prepared.toBeSigned);
    const signed = finishPdfSignature(prepared, value);
    const report = await verifyWithTrust(signed, 'EC-P256');
    expect(report.signatures[0]).toMatchObject({ field: 'Remote', valid: true, trusted: true });
  });

  it('refuses a signer whose key does not match the certificate', async () => {
    const rsa = await sealSigner('RSA');
    const ec = await sealSigner('EC-P256');
    await expect(
      signPdf(sample('pyHanko__minimal.pdf'), { signerCertificate: rsa.certificate }, { signer: ec.signer, provider, clock, random }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('refuses a signer that returns a wrong signature value (fail closed)', async () => {
    const s = await sealSigner('RSA');
    const liar = { ...s.signer, keyType: s.signer.keyType, publicKey: s.signer.publicKey, algorithm: s.signer.algorithm, sign: async (d: Uint8Array) => s.signer.sign(flipByte(d, 5)) };
    await expect(signPdf(sample('pyHanko__minimal.pdf'), { signerCertificate: s.certificate }, { signer: liar, provider, clock, random })).rejects.toMatchObject({
      code: 'PADES_SIGNATURE_INVALID',
    });
  });

  it('refuses to embed a CMS larger than the reserved /Contents', async () => {
    const s = await sealSigner('RSA');
    const doc = PdfDocument.load(sample('pyHanko__minimal.pdf'));
    const prepared = preparePdfSignature(doc, { signerCertificate: s.certificate, signingTime: T1, signatureAlgorithm: s.signer.algorithm, provider, contentsSize: 200 });
    const value = await s.signer.sign(prepared.toBeSigned);
    expect(() => finishPdfSignature(prepared, value)).toThrow(expect.objectContaining({ code: 'PADES_CONTENTS_TOO_SMALL' }));
  });
});

describe('fields', () => {
  it('signs into an existing empty signature field and keeps the form', async () => {
    const input = sample('pyHanko__minimal-with-simple-form.pdf');
    const fields = listSignatures(PdfDocument.load(input));
    expect(fields).toEqual([]);
    const signed = await signWith('RSA', input, { existingField: 'Sig1' });
    const report = await verifyWithTrust(signed, 'RSA');
    expect(report.signatures[0]).toMatchObject({ field: 'Sig1', valid: true });
    const names = PdfDocument.load(signed).latest;
    expect(listSignatures(PdfDocument.load(signed)).map((s) => s.fieldName)).toEqual(['Sig1']);
    expect(names.catalog.has('AcroForm')).toBe(true);
  });

  it('refuses an unknown field, a non-signature field and an already signed one', async () => {
    const input = sample('pyHanko__minimal-with-simple-form.pdf');
    await expect(signWith('RSA', input, { existingField: 'Nope' })).rejects.toMatchObject({ code: 'PADES_FIELD_INVALID' });
    await expect(signWith('RSA', input, { existingField: 'TextField1' })).rejects.toMatchObject({ code: 'PADES_FIELD_INVALID' });
    const once = await signWith('RSA', input, { existingField: 'Sig1' });
    await expect(signWith('RSA', once, { existingField: 'Sig1' })).rejects.toMatchObject({ code: 'PADES_FIELD_INVALID' });
  });
});

describe('encrypted documents', () => {
  it.each(['pyHanko__minimal-aes256.pdf', 'pyHanko__minimal-rc4.pdf'])('%s: asks for the password, then signs with it', async (file) => {
    const input = sample(file);
    await expect(signWith('RSA', input)).rejects.toMatchObject({ code: 'PDF_PASSWORD_REQUIRED' });
    const signed = await signWith('RSA', input, { password: 'usersecret' });
    expect(equalBytes(signed.subarray(0, input.length), input)).toBe(true);
    const without = await verifyWithTrust(signed, 'RSA');
    expect(without.valid).toBe(false);
    expect(without.errors[0]?.code).toBe('PDF_PASSWORD_REQUIRED');
    const report = await verifyWithTrust(signed, 'RSA', 'usersecret');
    expect(report.valid).toBe(true);
    expect(report.encrypted).toBe(true);
    expect(report.signatures[0]?.trusted).toBe(true);
    const tampered = await verifyWithTrust(flipByte(signed, byteInsideRange(signed)), 'RSA', 'usersecret');
    expect(tampered.valid).toBe(false);
  });
});

describe('extractSignedRevision', () => {
  it('returns exactly the bytes the first signature covers, which verify on their own', async () => {
    const once = await signWith('RSA', sample('pyHanko__minimal.pdf'));
    const twice = await signWith('EC-P256', once);
    expect(equalBytes(extractSignedRevision(twice, 0), once)).toBe(true);
    expect(equalBytes(extractSignedRevision(twice, 1), twice)).toBe(true);
    expect(() => extractSignedRevision(twice, 2)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => extractSignedRevision(sample('pyHanko__coverage-anomalies_weird-byterange.pdf'), 0)).toThrow(expect.objectContaining({ code: 'PADES_REVISION_NOT_FOUND' }));
  });
});
