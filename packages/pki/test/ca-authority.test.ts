import { describe, expect, it } from 'vitest';
import { OID } from '@openseal/asn1';
import type { KeyType } from '@openseal/crypto';
import { FixedClock, SeededRandom, type RandomSource } from '@openseal/kernel';
import { CertificateAuthority, CERTIFICATE_PROFILES, randomSerialNumber } from '../src/ca/index.js';
import { validateCertificatePath } from '../src/path/index.js';
import { computeKeyIdentifier } from '../src/x509/index.js';
import { generateTestSigner } from './support/test-crypto.js';
import { T0, clock, makeHierarchy, provider, testKeyFactory } from './support/test-pki.js';

const URLS = { crl: ['http://ca.example.cn/issuing.crl'], ocsp: ['http://ca.example.cn/ocsp'], caIssuers: ['http://ca.example.cn/issuing.cer'] };

class FixedBytes implements RandomSource {
  constructor(private readonly queue: number[][]) {}
  bytes(length: number): Uint8Array {
    const next = this.queue.shift() ?? [];
    return Uint8Array.from({ length }, (_, i) => next[i] ?? 0x11);
  }
}

describe.each<KeyType>(['SM2', 'RSA', 'EC-P256', 'EC-P384'])('createPkiHierarchy (%s)', (keyType) => {
  it('issues root → intermediate → every end-entity profile, all valid for their purpose', async () => {
    const pki = await makeHierarchy(keyType, { urls: { root: { crl: ['http://ca.example.cn/root.crl'] }, intermediate: URLS } });
    const root = pki.root.certificate;
    const inter = pki.intermediate.certificate;
    expect(root.isSelfIssued).toBe(true);
    expect(root.extensions.basicConstraints).toEqual({ cA: true, critical: true });
    expect(root.subjectKeyIdentifier).toEqual(computeKeyIdentifier(root.publicKey, provider));
    expect(inter.extensions.basicConstraints).toEqual({ cA: true, pathLenConstraint: 0, critical: true });
    expect(inter.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
    expect(inter.authorityKeyIdentifier).toEqual(root.subjectKeyIdentifier);
    expect(inter.extensions.crlDistributionPoints?.[0]?.uris).toEqual(['http://ca.example.cn/root.crl']);
    expect(Object.keys(pki.endEntities)).toEqual(['sealSigner', 'personSigner', 'sealMaker', 'tsa', 'ocspResponder']);
    const purposes: Record<string, string[]> = { sealSigner: [OID.documentSigning], personSigner: [OID.kpEmailProtection], sealMaker: [], tsa: [OID.kpTimeStamping], ocspResponder: [OID.kpOCSPSigning] };
    for (const [id, ee] of Object.entries(pki.endEntities)) {
      const c = ee.certificate;
      expect(c.keyType).toBe(keyType);
      expect(c.authorityKeyIdentifier).toEqual(inter.subjectKeyIdentifier);
      expect(c.subjectKeyIdentifier).toEqual(computeKeyIdentifier(c.publicKey, provider));
      expect(c.extensions.basicConstraints?.cA).toBe(false);
      expect(c.extensions.crlDistributionPoints?.[0]?.uris).toEqual(URLS.crl);
      expect(c.extensions.authorityInfoAccess?.caIssuers).toEqual(URLS.caIssuers);
      expect(ee.chain.map((x) => x.serialNumber)).toEqual([c.serialNumber, inter.serialNumber, root.serialNumber]);
      const result = await validateCertificatePath(c, {
        trustAnchors: pki.trustAnchors,
        intermediates: pki.intermediates,
        at: new Date(T0.getTime() + 86_400_000),
        provider,
        requiredExtKeyUsage: purposes[id] ?? [],
      });
      expect(result.status, `${id}: ${result.reasons.join(',')}`).toBe('VALID');
      expect(result.chain).toHaveLength(3);
    }
  });
});

describe('end-entity profiles', async () => {
  const pki = await makeHierarchy('EC-P256', { urls: { intermediate: URLS } });
  const ee = (id: string) => pki.endEntities[id]!.certificate;

  it('gives the seal signer digitalSignature+nonRepudiation and documentSigning+emailProtection', () => {
    expect(ee('sealSigner').extensions.keyUsage).toEqual({ usages: ['digitalSignature', 'nonRepudiation'], critical: true });
    expect(ee('sealSigner').extensions.extKeyUsage).toEqual({ purposes: [OID.documentSigning, OID.kpEmailProtection], critical: false });
    expect(ee('sealSigner').subject.toString()).toBe('CN=OpenSeal Demo 电子印章,OU=办公室,O=OpenSeal Demo,C=CN');
  });
  it('gives the seal maker signing usages and no EKU', () => {
    expect(ee('sealMaker').keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(ee('sealMaker').extKeyUsage).toBeUndefined();
  });
  it('gives the TSA exactly one critical EKU, timeStamping (RFC 3161 §2.3)', () => {
    expect(ee('tsa').extensions.extKeyUsage).toEqual({ purposes: [OID.kpTimeStamping], critical: true });
  });
  it('gives the OCSP responder OCSPSigning and ocsp-nocheck, and no OCSP URL of its own', () => {
    expect(ee('ocspResponder').extensions.extKeyUsage?.purposes).toEqual([OID.kpOCSPSigning]);
    expect(ee('ocspResponder').extensions.ocspNoCheck).toBe(true);
    expect(ee('ocspResponder').extensions.authorityInfoAccess?.ocsp).toEqual([]);
    expect(ee('sealSigner').extensions.authorityInfoAccess?.ocsp).toEqual(URLS.ocsp);
  });
  it('has a profile table matching the names', () => {
    for (const [name, p] of Object.entries(CERTIFICATE_PROFILES)) expect(p.name).toBe(name);
  });
});

describe('CertificateAuthority', async () => {
  const rootKey = await testKeyFactory('EC-P256', 'ca-test-root');
  const root = await CertificateAuthority.createRoot({
    subject: [{ C: 'CN' }, { O: 'CA 测试' }, { CN: 'Root' }],
    signer: rootKey.signer,
    random: new SeededRandom(3),
    clock,
    provider,
    validityDays: 365,
  });
  const leafKey = generateTestSigner('EC-P256');

  it('caps an end-entity notAfter at the CA notAfter', async () => {
    const c = await root.issue({ profile: 'sealSigner', subject: 'CN=long', publicKey: leafKey.publicKey, validityDays: 5000 });
    expect(c.notAfter).toEqual(root.certificate.notAfter);
    expect(c.notBefore).toEqual(T0);
  });

  it('draws 16-octet positive serials, retrying on collisions reported by the caller', async () => {
    const seen: string[] = [];
    const used = new Set<string>();
    const random = new FixedBytes([[0x80, 1], [0x00, 2], [0xff, 3]]);
    const first = await randomSerialNumber(random);
    expect(first).toBe(`0101${'11'.repeat(14)}`); // 0x80: top bit cleared → 0x00 → 0x01, still 16 octets
    used.add(await randomSerialNumber(new FixedBytes([[0x00, 2]])));
    const serial = await randomSerialNumber(random, (s) => {
      seen.push(s);
      return used.has(s);
    });
    expect(seen).toHaveLength(2);
    expect(serial).toBe(seen[1]);
    expect(serial.startsWith('7f03')).toBe(true);
    await expect(randomSerialNumber(new SeededRandom(1), () => true)).rejects.toMatchObject({ code: 'PKI_SERIAL_EXHAUSTED' });
  });

  it('issues serials that are unique, positive and 16 octets long', async () => {
    const serials = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const c = await root.issue({ profile: 'personSigner', subject: `CN=p${i}`, publicKey: leafKey.publicKey });
      expect(c.serialNumber).toMatch(/^[0-7][0-9a-f]{31}$/);
      expect(c.serialNumber.startsWith('00')).toBe(false);
      serials.add(c.serialNumber);
    }
    expect(serials.size).toBe(5);
  });

  it('refuses to let an intermediate with pathLen 0 issue another CA', async () => {
    const interKey = await testKeyFactory('EC-P256', 'ca-test-inter');
    const interCert = await root.issue({ profile: 'intermediateCa', subject: 'CN=inter', publicKey: interKey.signer.publicKey });
    const inter = root.subordinate(interCert, interKey.signer);
    expect(inter.chain).toEqual([interCert, root.certificate]);
    await expect(inter.issue({ profile: 'intermediateCa', subject: 'CN=sub', publicKey: leafKey.publicKey })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('refuses a signer that does not hold the CA key, and a non-CA certificate', async () => {
    const leaf = await root.issue({ profile: 'sealSigner', subject: 'CN=x', publicKey: leafKey.publicKey });
    expect(() => new CertificateAuthority({ certificate: root.certificate, signer: leafKey, random: new SeededRandom(1), clock, provider })).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => new CertificateAuthority({ certificate: leaf, signer: leafKey, random: new SeededRandom(1), clock, provider })).toThrowError(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('does not hand out a certificate when the signer returns a bad signature', async () => {
    const liar = { ...rootKey.signer, publicKey: rootKey.signer.publicKey, keyType: rootKey.signer.keyType, algorithm: rootKey.signer.algorithm, sign: async () => leafKey.sign(Uint8Array.of(1)) };
    const ca = new CertificateAuthority({ certificate: root.certificate, signer: liar, random: new SeededRandom(1), clock, provider });
    await expect(ca.issue({ profile: 'sealSigner', subject: 'CN=x', publicKey: leafKey.publicKey })).rejects.toMatchObject({ code: 'PKI_ISSUED_SIGNATURE_INVALID' });
    await expect(ca.issueCrl({ crlNumber: 1, revoked: [] })).rejects.toMatchObject({ code: 'PKI_ISSUED_SIGNATURE_INVALID' });
  });

  it('issues CRLs dated by its clock, valid for 7 days by default', async () => {
    const ca = new CertificateAuthority({ certificate: root.certificate, signer: rootKey.signer, random: new SeededRandom(1), clock: new FixedClock('2026-02-01T00:00:00Z'), provider });
    const crl = await ca.issueCrl({ crlNumber: 5, revoked: [{ serialNumber: '0a', revokedAt: new Date('2026-01-15T00:00:00Z'), reason: 'keyCompromise' }] });
    expect(crl.thisUpdate.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    expect(crl.nextUpdate?.toISOString()).toBe('2026-02-08T00:00:00.000Z');
    expect(crl.crlNumber).toBe(5n);
    expect(crl.findEntry('0a')?.reason).toBe('keyCompromise');
  });
});
