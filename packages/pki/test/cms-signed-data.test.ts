import { beforeAll, describe, expect, it } from 'vitest';
import { OID } from '@openseal/asn1';
import type { KeyType } from '@openseal/crypto';
import { FixedClock, utf8 } from '@openseal/kernel';
import {
  finishSignedData,
  parseSignedData,
  prepareSignedData,
  signCms,
  signingCertificateV2Attribute,
  verifySignedData,
  type CmsVerification,
} from '../src/cms/index.js';
import { clock, makeTestPki, provider, type CmsTestPki } from './support/cms-test-pki.js';

const content = utf8('OpenSeal CMS test content — 电子印章');
const KEY_TYPES: readonly KeyType[] = ['RSA', 'EC-P256', 'SM2'];
const pkis = new Map<KeyType, CmsTestPki>();

beforeAll(async () => {
  for (const k of KEY_TYPES) pkis.set(k, await makeTestPki(k));
});

function pki(k: KeyType): CmsTestPki {
  return pkis.get(k) as CmsTestPki;
}

function signer(k: KeyType) {
  const e = pki(k).endEntities.sealSigner;
  if (!e) throw new Error('no sealSigner');
  return e;
}

function failedCodes(r: CmsVerification): string[] {
  return r.signers.flatMap((s) => s.checks.filter((c) => c.status === 'failed').map((c) => c.code));
}

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] as number) ^ 0x01;
  return out;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe.each(KEY_TYPES)('CMS SignedData with %s', (keyType) => {
  const trust = () => ({ provider, trustAnchors: pki(keyType).trustAnchors, clock });

  it('signs encapsulated content that verifies TOTAL_PASSED against the root', async () => {
    const e = signer(keyType);
    const der = await signCms({ content, signer: e.key.signer, signerCertificate: e.certificate, certificates: e.chain, provider });
    const r = await verifySignedData(der, trust());
    expect(failedCodes(r)).toEqual([]);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signers[0]?.intact).toBe(true);
    expect(r.encapsulatedContent).toEqual(content);
    expect(r.signers[0]?.signerCertificate?.equals(e.certificate)).toBe(true);
    expect(r.signers[0]?.validationTimeSource).toBe('clock');
  });

  it('reports HASH_FAILURE when one byte of the encapsulated content changes', async () => {
    const e = signer(keyType);
    const der = await signCms({ content, signer: e.key.signer, signerCertificate: e.certificate, certificates: e.chain, provider });
    const tampered = flip(der, indexOf(der, content) + 3);
    const r = await verifySignedData(tampered, trust());
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.subIndication).toBe('HASH_FAILURE');
    expect(failedCodes(r)).toContain('CMS_DIGEST_MISMATCH');
  });

  it('verifies a detached signature over the data or a digest, and fails on other data', async () => {
    const e = signer(keyType);
    const der = await signCms({ detached: { data: content }, signer: e.key.signer, signerCertificate: e.certificate, certificates: e.chain, provider });
    expect(parseSignedData(der).eContent).toBeUndefined();
    expect((await verifySignedData(der, { ...trust(), detachedContent: content })).indication).toBe('TOTAL_PASSED');
    const alg = keyType === 'SM2' ? 'SM3' : 'SHA-256';
    const digest = provider.digest(alg, content);
    expect((await verifySignedData(der, { ...trust(), detachedContent: { digest, digestAlgorithm: alg } })).indication).toBe('TOTAL_PASSED');
    const other = await verifySignedData(der, { ...trust(), detachedContent: flip(content, 0) });
    expect(other.subIndication).toBe('HASH_FAILURE');
    const missing = await verifySignedData(der, trust());
    expect(missing.indication).toBe('INDETERMINATE');
    expect(missing.subIndication).toBe('SIGNED_DATA_NOT_FOUND');
  });

  it('reports SIG_CRYPTO_FAILURE when the signature value changes', async () => {
    const e = signer(keyType);
    const der = await signCms({ detached: { data: content }, signer: e.key.signer, signerCertificate: e.certificate, provider });
    const sig = parseSignedData(der).signerInfos[0]?.signature as Uint8Array;
    const tampered = flip(der, indexOf(der, sig) + sig.length - 5);
    const r = await verifySignedData(tampered, { ...trust(), detachedContent: content });
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });

  it('signs in two stages: prepare, sign the attributes elsewhere, finish', async () => {
    const e = signer(keyType);
    const alg = e.key.signer.algorithm;
    const prepared = prepareSignedData({
      detached: { digest: provider.digest(alg.hash, content) },
      digestAlgorithm: alg.hash,
      signatureAlgorithm: alg,
      signerCertificate: e.certificate,
      certificates: e.chain,
      provider,
    });
    expect(prepared.toBeSigned[0]).toBe(0x31); // DER SET OF, not the [0] IMPLICIT form
    const value = await e.key.signer.sign(prepared.toBeSigned, alg);
    const der = finishSignedData(prepared, value);
    const r = await verifySignedData(der, { ...trust(), detachedContent: content });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signers[0]?.signingTime).toBeUndefined();
  });
});

describe('CMS signed attributes and identifiers', () => {
  it('adds signing-time only when asked, and reports it', async () => {
    const e = signer('EC-P256');
    const at = new Date('2026-01-01T08:00:00Z');
    const der = await signCms({ content, signer: e.key.signer, signerCertificate: e.certificate, certificates: e.chain, signedAttributes: { signingTime: at }, provider });
    const attrs = parseSignedData(der).signerInfos[0]?.signedAttributes?.map((a) => a.type);
    expect(attrs).toContain(OID.signingTime);
    const r = await verifySignedData(der, { provider, trustAnchors: pki('EC-P256').trustAnchors });
    expect(r.signers[0]?.signingTime).toEqual(at);
    expect(r.signers[0]?.validationTimeSource).toBe('signing-time');
    expect(r.indication).toBe('TOTAL_PASSED');
  });

  it('identifies the signer by subjectKeyIdentifier (SignerInfo v3)', async () => {
    const e = signer('EC-P256');
    const der = await signCms({ content, signer: e.key.signer, signerCertificate: e.certificate, certificates: e.chain, signerIdentifier: 'subjectKeyIdentifier', provider });
    const si = parseSignedData(der).signerInfos[0];
    expect(si?.version).toBe(3);
    expect(si && 'subjectKeyIdentifier' in si.sid).toBe(true);
    expect((await verifySignedData(der, { provider, trustAnchors: pki('EC-P256').trustAnchors, clock })).indication).toBe('TOTAL_PASSED');
  });

  it('uses GB/T 35275 OIDs with gm: true and SM2 sm2-1 as signature algorithm', async () => {
    const e = signer('SM2');
    const der = await signCms({ content, signer: e.key.signer, signerCertificate: e.certificate, certificates: e.chain, gm: true, provider });
    const sd = parseSignedData(der);
    expect(sd.contentType).toBe(OID.gmSignedData);
    expect(sd.eContentType).toBe(OID.gmData);
    expect(sd.version).toBe(1);
    expect(sd.signerInfos[0]?.signatureAlgorithm.oid).toBe(OID.sm2sign);
    expect(sd.signerInfos[0]?.digestAlgorithm.oid).toBe(OID.sm3);
    const r = await verifySignedData(der, { provider, trustAnchors: pki('SM2').trustAnchors, clock });
    expect(r.gm).toBe(true);
    expect(r.indication).toBe('TOTAL_PASSED');
  });

  it('writes SM3withSM2 (1.2.156.10197.1.501) without gm', async () => {
    const e = signer('SM2');
    const der = await signCms({ content, signer: e.key.signer, signerCertificate: e.certificate, provider });
    expect(parseSignedData(der).signerInfos[0]?.signatureAlgorithm.oid).toBe(OID.sm3WithSM2Encryption);
    expect(parseSignedData(der).contentType).toBe(OID.signedData);
  });

  it('reports NO_SIGNING_CERTIFICATE_FOUND when signing-certificate-v2 names another certificate', async () => {
    const e = signer('EC-P256');
    const other = pki('EC-P256').endEntities.personSigner?.certificate;
    if (!other) throw new Error('no personSigner');
    const der = await signCms({
      content,
      signer: e.key.signer,
      signerCertificate: e.certificate,
      certificates: e.chain,
      signedAttributes: { signingCertificateV2: false, extra: [signingCertificateV2Attribute(other, 'SHA-256', provider)] },
      provider,
    });
    const r = await verifySignedData(der, { provider, trustAnchors: pki('EC-P256').trustAnchors, clock });
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
    expect(failedCodes(r)).toEqual(['CMS_SIGNING_CERT_MISMATCH']);
  });

  it('reports a missing signer certificate, untrusted chains and malformed DER without throwing', async () => {
    const e = signer('EC-P256');
    const der = await signCms({ content, signer: e.key.signer, signerCertificate: e.certificate, embedCertificates: false, provider });
    const missing = await verifySignedData(der, { provider });
    expect(missing.subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
    const given = await verifySignedData(der, { provider, certificates: [e.certificate] });
    expect(given.indication).toBe('INDETERMINATE');
    expect(given.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    expect(given.signers[0]?.intact).toBe(true);
    const wrongRoot = await verifySignedData(der, { provider, certificates: [e.certificate], trustAnchors: pki('RSA').trustAnchors, clock });
    expect(wrongRoot.indication).toBe('INDETERMINATE');
    expect(wrongRoot.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND');
    const broken = await verifySignedData(der.subarray(0, der.length - 10), { provider });
    expect(broken.indication).toBe('TOTAL_FAILED');
    expect(broken.checks[0]?.code).toBe('CMS_MALFORMED');
  });

  it('validates the chain at the validation time: an expired signer is OUT_OF_BOUNDS_NO_POE', async () => {
    const e = signer('EC-P256');
    const der = await signCms({ content, signer: e.key.signer, signerCertificate: e.certificate, certificates: e.chain, provider });
    const late = new FixedClock(new Date('2040-01-01T00:00:00Z'));
    const r = await verifySignedData(der, { provider, trustAnchors: pki('EC-P256').trustAnchors, clock: late });
    expect(r.indication).toBe('INDETERMINATE');
    expect(r.subIndication).toBe('OUT_OF_BOUNDS_NO_POE');
  });

  it('signs with RSASSA-PSS (parameters in SignerInfo.signatureAlgorithm)', async () => {
    const e = signer('RSA');
    const der = await signCms({
      content,
      signer: e.key.signer,
      signatureAlgorithm: { name: 'RSA-PSS', hash: 'SHA-256' },
      signerCertificate: e.certificate,
      certificates: e.chain,
      provider,
    });
    expect(parseSignedData(der).signerInfos[0]?.signatureAlgorithm.oid).toBe(OID.rsassaPss);
    const r = await verifySignedData(der, { provider, trustAnchors: pki('RSA').trustAnchors, clock });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signers[0]?.signatureAlgorithm).toEqual({ name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 });
  });

  it('reports FORMAT_FAILURE when the content-type attribute differs from eContentType', async () => {
    const e = signer('EC-P256');
    const alg = e.key.signer.algorithm;
    const prepared = prepareSignedData({
      content,
      digestAlgorithm: alg.hash,
      signatureAlgorithm: alg,
      signerCertificate: e.certificate,
      certificates: e.chain,
      signedAttributes: { contentType: OID.tstInfo },
      provider,
    });
    const der = finishSignedData({ ...prepared, contentType: OID.data }, await e.key.signer.sign(prepared.toBeSigned, alg));
    const r = await verifySignedData(der, { provider, trustAnchors: pki('EC-P256').trustAnchors, clock });
    expect(failedCodes(r)).toEqual(['CMS_CONTENT_TYPE_MISMATCH']);
    expect(r.subIndication).toBe('FORMAT_FAILURE');
    expect(r.signers[0]?.intact).toBe(false);
  });

  it('refuses a signer whose key is not the certificate key', async () => {
    const e = signer('EC-P256');
    const other = pki('EC-P256').endEntities.personSigner;
    if (!other) throw new Error('no personSigner');
    await expect(signCms({ content, signer: other.key.signer, signerCertificate: e.certificate, provider })).rejects.toMatchObject({ code: 'CMS_SIGNING_FAILED' });
  });
});
