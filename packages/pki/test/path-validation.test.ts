import { describe, expect, it } from 'vitest';
import { OID } from '@openseal/asn1';
import type { Signer } from '@openseal/crypto';
import { CodedError, SeededRandom } from '@openseal/kernel';
import { CertificateAuthority } from '../src/ca/index.js';
import { CrlRevocationSource, type RevocationSource } from '../src/revocation/index.js';
import { validateCertificatePath, type PathValidationOptions } from '../src/path/index.js';
import { buildCertificate, computeKeyIdentifier, parseCertificate, type Certificate, type CertificateExtensionsInput } from '../src/x509/index.js';
import { generateTestSigner } from './support/test-crypto.js';
import { T0, clock, makeHierarchy, provider } from './support/test-pki.js';

const DAY = 86_400_000;
const at = (days: number): Date => new Date(T0.getTime() + days * DAY);

const pki = await makeHierarchy('EC-P256');
const root = pki.root.certificate;
const inter = pki.intermediate.certificate;
const interCa = pki.intermediate.ca;
const leaf = pki.endEntities.sealSigner!.certificate;
const base: PathValidationOptions = { trustAnchors: [root], intermediates: [inter], at: at(1), provider };

/** A certificate signed by `issuerSigner` with free-form extensions (for broken-chain cases). */
async function custom(
  subject: string,
  subjectSigner: Signer,
  issuer: Certificate | undefined,
  issuerSigner: Signer,
  extensions: CertificateExtensionsInput,
  validity: [Date, Date] = [T0, at(365)],
): Promise<Certificate> {
  return buildCertificate({
    subject,
    ...(issuer ? { issuer } : {}),
    serialNumber: BigInt(subject.length * 7919 + 1),
    notBefore: validity[0],
    notAfter: validity[1],
    publicKey: subjectSigner.publicKey,
    signer: issuerSigner,
    extensions: { subjectKeyIdentifier: computeKeyIdentifier(subjectSigner.publicKey, provider), ...extensions },
  });
}

const CA_EXT: CertificateExtensionsInput = { basicConstraints: { cA: true }, keyUsage: ['keyCertSign', 'cRLSign'] };
const LEAF_EXT: CertificateExtensionsInput = { basicConstraints: { cA: false }, keyUsage: ['digitalSignature', 'nonRepudiation'] };

describe('validateCertificatePath', () => {
  it('accepts a valid chain and reports every check', async () => {
    const r = await validateCertificatePath(leaf, base);
    expect(r.status).toBe('VALID');
    expect(r.reasons).toEqual([]);
    expect(r.chain.map((c) => c.subject.commonName)).toEqual([leaf.subject.commonName, inter.subject.commonName, root.subject.commonName]);
    const codes = r.checks.map((c) => `${c.code}:${c.status}`);
    expect(codes).toContain('PATH_ANCHOR:passed');
    expect(codes.filter((c) => c === 'CERT_SIGNATURE:passed')).toHaveLength(2);
    expect(codes.filter((c) => c === 'CERT_VALIDITY:passed')).toHaveLength(3);
    expect(codes).toContain('PATH_LENGTH:passed');
    expect(codes.filter((c) => c === 'REVOCATION:skipped')).toHaveLength(2);
  });

  it('reports CERT_SIGNATURE_INVALID when one byte of the leaf TBS changes (tamper twin)', async () => {
    const der = leaf.der.slice();
    const cn = new TextEncoder().encode('电子印章');
    const i = der.findIndex((_, k) => cn.every((b, j) => der[k + j] === b));
    der[i + 2] = (der[i + 2] as number) ^ 0x01;
    const r = await validateCertificatePath(der, base);
    expect(r.status).toBe('INVALID');
    expect(r.reasons).toEqual(['CERT_SIGNATURE_INVALID']);
    expect(r.checks.find((c) => c.code === 'CERT_SIGNATURE_INVALID')?.certificate).toBe(parseCertificate(der).subject.toString());
  });

  it('reports CERT_EXPIRED for an expired leaf and VALID when validated at a past time', async () => {
    const short = await interCa.issue({ profile: 'sealSigner', subject: 'CN=short,O=测试', publicKey: generateTestSigner('EC-P256').publicKey, validityDays: 30 });
    const later = await validateCertificatePath(short, { ...base, at: at(60) });
    expect(later.status).toBe('INVALID');
    expect(later.reasons).toEqual(['CERT_EXPIRED']);
    expect(later.checks.find((c) => c.code === 'CERT_EXPIRED')?.details).toMatchObject({ notAfter: short.notAfter.toISOString() });
    expect((await validateCertificatePath(short, { ...base, at: at(29) })).status).toBe('VALID');
  });

  it('reports CERT_NOT_YET_VALID before notBefore', async () => {
    const future = await interCa.issue({ profile: 'sealSigner', subject: 'CN=future', publicKey: generateTestSigner('EC-P256').publicKey, notBefore: at(10) });
    const r = await validateCertificatePath(future, { ...base, at: at(5) });
    expect(r.status).toBe('INVALID');
    expect(r.reasons).toEqual(['CERT_NOT_YET_VALID']);
  });

  it('reports CERT_NOT_CA when an issuer lacks basicConstraints cA, and KEY_USAGE_MISSING without keyCertSign', async () => {
    const rootSigner = pki.root.key.signer;
    const badKey = generateTestSigner('EC-P256');
    const notCa = await custom('CN=Not A CA', badKey, root, rootSigner, { basicConstraints: { cA: false }, keyUsage: ['keyCertSign'] });
    const noSign = await custom('CN=No KeyCertSign', badKey, root, rootSigner, { basicConstraints: { cA: true }, keyUsage: ['digitalSignature'] });
    for (const [issuer, code] of [[notCa, 'CERT_NOT_CA'], [noSign, 'KEY_USAGE_MISSING']] as const) {
      const child = await custom('CN=child', generateTestSigner('EC-P256'), issuer, badKey, LEAF_EXT);
      const r = await validateCertificatePath(child, { ...base, intermediates: [issuer] });
      expect(r.status).toBe('INVALID');
      expect(r.reasons).toEqual([code]);
      expect(r.checks.find((c) => c.code === code)?.certificate).toBe(issuer.subject.toString());
    }
  });

  it('reports PATH_LENGTH_EXCEEDED below an intermediate with pathLen 0', async () => {
    const subKey = generateTestSigner('EC-P256');
    const sub = await custom('CN=Sub CA', subKey, inter, pki.intermediate.key.signer, CA_EXT);
    const child = await custom('CN=child of sub', generateTestSigner('EC-P256'), sub, subKey, LEAF_EXT);
    const r = await validateCertificatePath(child, { ...base, intermediates: [inter, sub] });
    expect(r.status).toBe('INVALID');
    expect(r.reasons).toEqual(['PATH_LENGTH_EXCEEDED']);
    expect(r.checks.find((c) => c.code === 'PATH_LENGTH_EXCEEDED')).toMatchObject({ certificate: inter.subject.toString(), details: { pathLenConstraint: 0, intermediatesBelow: 1 } });
  });

  it('is INDETERMINATE with PATH_NO_ANCHOR when no trust anchor is reachable', async () => {
    const other = await makeHierarchy('EC-P256', { organization: 'Other Org' }, 99);
    const r = await validateCertificatePath(leaf, { ...base, trustAnchors: other.trustAnchors });
    expect(r.status).toBe('INDETERMINATE');
    expect(r.reasons).toEqual(['PATH_NO_ANCHOR']);
    expect(r.chain).toEqual([leaf, inter]);
    const withRootInPool = await validateCertificatePath(leaf, { ...base, trustAnchors: other.trustAnchors, intermediates: [inter, root] });
    expect(withRootInPool.chain).toHaveLength(3);
    expect(withRootInPool.status).toBe('INDETERMINATE');
  });

  it('still reports INVALID for a broken link in a chain without an anchor', async () => {
    const der = leaf.der.slice();
    der[der.length - 5] = (der[der.length - 5] as number) ^ 0xff; // inside the signature value
    const r = await validateCertificatePath(der, { ...base, trustAnchors: [] });
    expect(r.status).toBe('INVALID');
    expect(r.reasons).toEqual(expect.arrayContaining(['PATH_NO_ANCHOR', 'CERT_SIGNATURE_INVALID']));
  });

  it('accepts a trust anchor as its own chain', async () => {
    const r = await validateCertificatePath(root, base);
    expect(r.status).toBe('VALID');
    expect(r.chain).toEqual([root]);
  });

  it('reports EXT_KEY_USAGE_MISSING and KEY_USAGE_MISSING for leaf requirements', async () => {
    const r = await validateCertificatePath(leaf, { ...base, requiredExtKeyUsage: [OID.kpTimeStamping], requiredKeyUsage: ['keyEncipherment'] });
    expect(r.status).toBe('INVALID');
    expect(r.reasons).toEqual(['KEY_USAGE_MISSING', 'EXT_KEY_USAGE_MISSING']);
    expect(r.checks.find((c) => c.code === 'EXT_KEY_USAGE_MISSING')?.details).toMatchObject({ missing: [OID.kpTimeStamping] });
    const ok = await validateCertificatePath(leaf, { ...base, requiredExtKeyUsage: [OID.documentSigning], requiredKeyUsage: ['nonRepudiation'] });
    expect(ok.status).toBe('VALID');
  });

  it('reports UNKNOWN_CRITICAL_EXTENSION', async () => {
    const odd = await interCa.issue({
      profile: 'sealSigner',
      subject: 'CN=odd',
      publicKey: generateTestSigner('EC-P256').publicKey,
      extraExtensions: [{ oid: '1.2.156.9999.1', critical: true, value: Uint8Array.of(0x05, 0x00) }],
    });
    const r = await validateCertificatePath(odd, base);
    expect(r.reasons).toEqual(['UNKNOWN_CRITICAL_EXTENSION']);
    expect(r.checks.find((c) => c.code === 'UNKNOWN_CRITICAL_EXTENSION')?.details).toEqual({ extensions: ['1.2.156.9999.1'] });
  });

  it('returns INVALID with CERT_MALFORMED for unreadable bytes, never throwing', async () => {
    for (const bad of [new Uint8Array(0), Uint8Array.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff), leaf.der.subarray(0, 100), 'not a certificate']) {
      const r = await validateCertificatePath(bad, base);
      expect(r.status).toBe('INVALID');
      expect(r.reasons).toEqual(['CERT_MALFORMED']);
    }
  });

  it('is INDETERMINATE when a signature algorithm is not supported', async () => {
    const hex = Buffer.from(leaf.der).toString('hex').replaceAll('2a8648ce3d040302', '2a8648ce3d04037f');
    const r = await validateCertificatePath(Uint8Array.from(Buffer.from(hex, 'hex')), base);
    expect(r.status).toBe('INDETERMINATE');
    expect(r.reasons).toEqual(['CERT_SIGNATURE_UNSUPPORTED']);
  });

  it('builds around a wrong same-name issuer (AKI/SKI) and an expired one', async () => {
    const impostorKey = generateTestSigner('EC-P256');
    const impostor = await custom(inter.subject.toString(), impostorKey, root, pki.root.key.signer, CA_EXT);
    const expiredTwin = await custom(inter.subject.toString(), pki.intermediate.key.signer, root, pki.root.key.signer, CA_EXT, [at(-400), at(-1)]);
    const r = await validateCertificatePath(leaf, { ...base, intermediates: [impostor, expiredTwin, inter] });
    expect(r.status).toBe('VALID');
    expect(r.chain[1]?.equals(inter)).toBe(true);
    const onlyExpired = await validateCertificatePath(leaf, { ...base, intermediates: [impostor, expiredTwin] });
    expect(onlyExpired.status).toBe('INVALID');
    expect(onlyExpired.reasons).toEqual(['CERT_EXPIRED']);
  });

  it('terminates on cross-certified loops', async () => {
    const aKey = generateTestSigner('EC-P256');
    const bKey = generateTestSigner('EC-P256');
    const aBySelf = await custom('CN=A', aKey, undefined, aKey, CA_EXT);
    const bByA = await custom('CN=B', bKey, aBySelf, aKey, CA_EXT);
    const aByB = await custom('CN=A', aKey, bByA, bKey, CA_EXT);
    const child = await custom('CN=child', generateTestSigner('EC-P256'), bByA, bKey, LEAF_EXT);
    const r = await validateCertificatePath(child, { ...base, trustAnchors: [root], intermediates: [bByA, aByB] });
    expect(r.status).toBe('INDETERMINATE');
    expect(r.reasons).toEqual(['PATH_NO_ANCHOR']);
    const anchored = await validateCertificatePath(child, { ...base, trustAnchors: [aBySelf], intermediates: [bByA, aByB] });
    expect(anchored.status).toBe('VALID');
  });
});

describe('validateCertificatePath with revocation', async () => {
  const revokedLeaf = await interCa.issue({ profile: 'sealSigner', subject: 'CN=revoked', publicKey: generateTestSigner('EC-P256').publicKey });
  const interCrl = await interCa.issueCrl({
    crlNumber: 2,
    thisUpdate: at(6),
    nextUpdate: at(13),
    revoked: [{ serialNumber: revokedLeaf.serialNumber, revokedAt: at(5), reason: 'keyCompromise' }],
  });
  const rootCrl = await pki.root.ca.issueCrl({ crlNumber: 1, thisUpdate: at(0), nextUpdate: at(30), revoked: [] });
  const revocation = new CrlRevocationSource([interCrl, rootCrl], provider);

  it('reports CERT_REVOKED for a certificate revoked before the validation time', async () => {
    const r = await validateCertificatePath(revokedLeaf, { ...base, at: at(8), revocation });
    expect(r.status).toBe('INVALID');
    expect(r.reasons).toEqual(['CERT_REVOKED']);
    expect(r.checks.find((c) => c.code === 'CERT_REVOKED')?.details).toEqual({ source: 'crl', revokedAt: at(5).toISOString(), reason: 'keyCompromise' });
  });

  it('accepts the same certificate at a time before its revocation, using the later CRL', async () => {
    const r = await validateCertificatePath(revokedLeaf, { ...base, at: at(3), revocation });
    expect(r.status).toBe('VALID');
    expect(r.checks.filter((c) => c.code === 'REVOCATION' && c.status === 'passed')).toHaveLength(2);
  });

  it('accepts a certificate not on the CRL', async () => {
    const r = await validateCertificatePath(leaf, { ...base, at: at(8), revocation });
    expect(r.status).toBe('VALID');
  });

  it('is INDETERMINATE with REVOCATION_UNKNOWN when the CRL has expired, unless revocation is soft', async () => {
    const r = await validateCertificatePath(leaf, { ...base, at: at(20), revocation });
    expect(r.status).toBe('INDETERMINATE');
    expect(r.reasons).toEqual(['REVOCATION_UNKNOWN']);
    expect(r.checks.find((c) => c.code === 'REVOCATION_UNKNOWN')?.certificate).toBe(leaf.subject.toString());
    const soft = await validateCertificatePath(leaf, { ...base, at: at(20), revocation, revocationMode: 'soft' });
    expect(soft.status).toBe('VALID');
    expect(soft.checks.find((c) => c.status === 'skipped' && c.code === 'REVOCATION')?.details).toMatchObject({ mode: 'soft' });
  });

  it('turns a failing revocation source into REVOCATION_UNKNOWN', async () => {
    const broken: RevocationSource = { check: async () => Promise.reject(new CodedError('OCSP_UNAVAILABLE', 'responder down')) };
    const r = await validateCertificatePath(leaf, { ...base, revocation: broken });
    expect(r.status).toBe('INDETERMINATE');
    expect(r.reasons).toEqual(['REVOCATION_UNKNOWN']);
  });

  it('skips revocation for an OCSP responder certificate with ocsp-nocheck', async () => {
    const ocsp = pki.endEntities.ocspResponder!.certificate;
    const r = await validateCertificatePath(ocsp, { ...base, at: at(8), revocation, requiredExtKeyUsage: [OID.kpOCSPSigning] });
    expect(r.status).toBe('VALID');
    expect(r.checks.find((c) => c.certificate === ocsp.subject.toString() && c.code === 'REVOCATION')?.details).toEqual({ reason: 'ocsp-nocheck' });
  });

  it('keeps CertificateAuthority state independent of validation (sanity)', () => {
    expect(new CertificateAuthority({ certificate: inter, signer: pki.intermediate.key.signer, random: new SeededRandom(1), clock, provider }).chain).toHaveLength(1);
  });
});
