import { describe, expect, it } from 'vitest';
import { OID } from '@openseal/asn1';
import type { KeyType } from '@openseal/crypto';
import { OpenSealError, SeededRandom, fromHex, toHex } from '@openseal/kernel';
import { validateCertificatePath } from '../src/path/index.js';
import {
  Certificate,
  buildCertificate,
  certificateFingerprint,
  certificatesToPem,
  computeKeyIdentifier,
  parseCertificate,
  parseCertificates,
  verifyCertificateSignature,
} from '../src/x509/index.js';
import { derSequence, derTlv } from '../src/x509/der-writer.js';
import { generateTestSigner } from './support/test-crypto.js';
import { provider } from './support/test-pki.js';

const NAME = [{ C: 'CN' }, { ST: '浙江省' }, { O: '某某市人民政府' }, { OU: '办公室' }, { CN: '某某市人民政府电子印章' }];
const FAMILIES: KeyType[] = ['SM2', 'RSA', 'EC-P256', 'EC-P384'];
const EXPECTED_SIG_OID: Record<KeyType, string> = {
  SM2: OID.sm3WithSM2Encryption,
  RSA: OID.sha256WithRSAEncryption,
  'EC-P256': OID.ecdsaWithSHA256,
  'EC-P384': OID.ecdsaWithSHA384,
};

describe.each(FAMILIES)('%s certificates', (keyType) => {
  const issuerSigner = generateTestSigner(keyType);
  const subjectSigner = generateTestSigner(keyType);

  it('round-trips build → DER → parse with Chinese UTF8String names and every extension', async () => {
    const root = await buildCertificate({
      subject: [{ C: 'CN' }, { O: '测试根证书机构' }, { CN: 'Root' }],
      serialNumber: '01',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2036-01-01T00:00:00Z'),
      publicKey: issuerSigner.publicKey,
      signer: issuerSigner,
      extensions: { basicConstraints: { cA: true }, keyUsage: ['keyCertSign', 'cRLSign'], subjectKeyIdentifier: computeKeyIdentifier(issuerSigner.publicKey, provider) },
    });
    const cert = await buildCertificate({
      subject: NAME,
      issuer: root,
      serialNumber: 0x7f12_3456_789an,
      notBefore: new Date('2026-03-01T08:30:00Z'),
      notAfter: new Date('2051-03-01T08:30:00Z'),
      publicKey: subjectSigner.publicKey,
      signer: issuerSigner,
      extensions: {
        basicConstraints: { cA: false },
        keyUsage: ['digitalSignature', 'nonRepudiation'],
        extKeyUsage: [OID.documentSigning, OID.kpEmailProtection],
        subjectKeyIdentifier: computeKeyIdentifier(subjectSigner.publicKey, provider),
        subjectAltName: [{ type: 'email', value: 'seal@example.cn' }, { type: 'uri', value: 'https://example.cn/seal' }],
        crlDistributionPoints: ['http://ca.example.cn/crl/issuing.crl'],
        authorityInfoAccess: { ocsp: ['http://ca.example.cn/ocsp'], caIssuers: ['http://ca.example.cn/root.cer'] },
        certificatePolicies: [{ policyId: '1.2.156.112559.1.1.1', cpsUri: 'https://example.cn/cps' }],
      },
    });
    const parsed = parseCertificate(cert.der);
    expect(parsed.der).toEqual(cert.der);
    expect(parsed.version).toBe(3);
    expect(parsed.serialNumber).toBe('7f123456789a');
    expect(parsed.subject.get('O')).toBe('某某市人民政府');
    expect(parsed.subject.commonName).toBe('某某市人民政府电子印章');
    expect(parsed.subject.attributes.map((a) => a.stringType)).toEqual(['PrintableString', 'UTF8String', 'UTF8String', 'UTF8String', 'UTF8String']);
    expect(parsed.subject.toString()).toBe('CN=某某市人民政府电子印章,OU=办公室,O=某某市人民政府,ST=浙江省,C=CN');
    expect(parsed.issuer.equals(root.subject)).toBe(true);
    expect(parsed.issuer.der).toEqual(root.subject.der);
    expect(parsed.notBefore.toISOString()).toBe('2026-03-01T08:30:00.000Z');
    expect(parsed.notAfter.toISOString()).toBe('2051-03-01T08:30:00.000Z');
    expect(parsed.keyType).toBe(keyType);
    expect(parsed.publicKey).toEqual(subjectSigner.publicKey);
    expect(parsed.signatureAlgorithmOid).toBe(EXPECTED_SIG_OID[keyType]);
    const ext = parsed.extensions;
    expect(ext.basicConstraints).toEqual({ cA: false, critical: true });
    expect(ext.keyUsage).toEqual({ usages: ['digitalSignature', 'nonRepudiation'], critical: true });
    expect(ext.extKeyUsage).toEqual({ purposes: [OID.documentSigning, OID.kpEmailProtection], critical: false });
    expect(ext.subjectKeyIdentifier).toEqual(computeKeyIdentifier(subjectSigner.publicKey, provider));
    expect(ext.authorityKeyIdentifier?.keyIdentifier).toEqual(root.subjectKeyIdentifier);
    expect(ext.subjectAltName).toEqual([{ type: 'email', value: 'seal@example.cn' }, { type: 'uri', value: 'https://example.cn/seal' }]);
    expect(ext.crlDistributionPoints?.[0]?.uris).toEqual(['http://ca.example.cn/crl/issuing.crl']);
    expect(ext.authorityInfoAccess).toEqual({ ocsp: ['http://ca.example.cn/ocsp'], caIssuers: ['http://ca.example.cn/root.cer'] });
    expect(ext.certificatePolicies).toEqual([{ policyId: '1.2.156.112559.1.1.1', cpsUris: ['https://example.cn/cps'] }]);
    expect(ext.unknownCritical).toEqual([]);
    expect(ext.malformed).toEqual([]);
    expect(await verifyCertificateSignature(parsed, root, provider)).toBe(true);
  });

  it('fails the signature check when one byte of the TBSCertificate changes (tamper twin)', async () => {
    const cert = await buildCertificate({
      subject: NAME,
      serialNumber: '2a',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
      publicKey: issuerSigner.publicKey,
      signer: issuerSigner,
    });
    expect(await verifyCertificateSignature(cert, cert, provider)).toBe(true);
    const der = cert.der.slice();
    const at = lastIndexOf(der, new TextEncoder().encode('某某市')); // the subject follows the issuer
    der[at + 1] = (der[at + 1] as number) ^ 0x01; // inside the subject's UTF-8, still well-formed DER
    const tampered = parseCertificate(der);
    expect(tampered.subject.commonName).not.toBe('某某市人民政府电子印章');
    expect(await verifyCertificateSignature(tampered, cert, provider)).toBe(false);
  });
});

describe('Certificate parsing', () => {
  const signer = generateTestSigner('EC-P256');
  const base = {
    subject: 'CN=Test,O=Org,C=CN',
    serialNumber: '01',
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2027-01-01T00:00:00Z'),
    publicKey: signer.publicKey,
    signer,
  };

  it('encodes UTCTime through 2049 and GeneralizedTime from 2050 (RFC 5280 §4.1.2.5)', async () => {
    const a = await buildCertificate({ ...base, notBefore: new Date('2049-12-31T23:59:59Z'), notAfter: new Date('2050-01-01T00:00:00Z') });
    const hex = toHex(a.tbsDer);
    expect(hex).toContain(`170d${toHex(new TextEncoder().encode('491231235959Z'))}`);
    expect(hex).toContain(`180f${toHex(new TextEncoder().encode('20500101000000Z'))}`);
    expect(a.notBefore.toISOString()).toBe('2049-12-31T23:59:59.000Z');
    expect(a.notAfter.toISOString()).toBe('2050-01-01T00:00:00.000Z');
  });

  it('reads PEM bundles and writes them back', async () => {
    const a = await buildCertificate(base);
    const b = await buildCertificate({ ...base, serialNumber: '02' });
    const pem = `junk before\n${certificatesToPem([a, b])}trailing text`;
    const certs = parseCertificates(pem);
    expect(certs.map((c) => c.serialNumber)).toEqual(['01', '02']);
    expect(parseCertificate(new TextEncoder().encode(a.toPem())).equals(a)).toBe(true);
  });

  it('flags unknown critical extensions and keeps known ones decoded', async () => {
    const cert = await buildCertificate({
      ...base,
      extensions: {
        ocspNoCheck: true,
        custom: [
          { oid: '1.2.3.4.5', critical: true, value: Uint8Array.of(0x05, 0x00) },
          { oid: '1.2.3.4.6', critical: false, value: Uint8Array.of(0x05, 0x00) },
          { oid: '2.5.29.30', critical: true, value: Uint8Array.of(0x30, 0x00) }, // nameConstraints: not processed
        ],
      },
    });
    expect(cert.extensions.unknownCritical).toEqual(['1.2.3.4.5', '2.5.29.30']);
    expect(cert.extensions.ocspNoCheck).toBe(true);
  });

  it('records a malformed known extension instead of failing the whole certificate', async () => {
    const cert = await buildCertificate({ ...base, extensions: { custom: [{ oid: OID.basicConstraints, critical: true, value: Uint8Array.of(0x02, 0x01, 0x05) }] } });
    expect(cert.extensions.malformed).toEqual([OID.basicConstraints]);
    expect(cert.isCA).toBe(false);
  });

  it('serialises to a compact JSON summary', async () => {
    const cert = await buildCertificate(base);
    expect(JSON.parse(JSON.stringify(cert))).toEqual({
      subject: 'CN=Test,O=Org,C=CN',
      issuer: 'CN=Test,O=Org,C=CN',
      serialNumber: '01',
      notBefore: '2026-01-01T00:00:00.000Z',
      notAfter: '2027-01-01T00:00:00.000Z',
      keyType: 'EC-P256',
      signatureAlgorithm: OID.ecdsaWithSHA256,
    });
  });

  it('computes fingerprints over the DER', async () => {
    const cert = await buildCertificate(base);
    expect(certificateFingerprint(cert, 'SHA-256', provider)).toBe(toHex(provider.digest('SHA-256', cert.der)));
    expect(certificateFingerprint(cert, 'SM3', provider)).toHaveLength(64);
  });

  it.each([
    ['empty input', new Uint8Array(0)],
    ['garbage', fromHex('deadbeef')],
    ['a huge declared length', fromHex('3084ffffffff0000')],
    ['a SEQUENCE of the wrong shape', derSequence(derTlv(0x02, Uint8Array.of(1)))],
    ['trailing data', Uint8Array.of(0x30, 0x00, 0x00)],
  ])('throws PKI_CERT_MALFORMED for %s', (_, bytes) => {
    expect(() => parseCertificate(bytes)).toThrowError(expect.objectContaining({ code: 'PKI_CERT_MALFORMED' }));
  });

  it('rejects a truncated certificate and broken PEM with typed errors', async () => {
    const cert = await buildCertificate(base);
    expect(() => parseCertificate(cert.der.subarray(0, cert.der.length - 1))).toThrowError(expect.objectContaining({ code: 'PKI_CERT_MALFORMED' }));
    expect(() => parseCertificate('-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n')).toThrowError(
      expect.objectContaining({ code: 'PKI_PEM_INVALID' }),
    );
    expect(() => parseCertificate('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n')).toThrowError(
      expect.objectContaining({ code: 'PKI_CERT_MALFORMED' }),
    );
  });

  it('rejects serial numbers that are zero, negative or longer than 20 octets', async () => {
    await expect(buildCertificate({ ...base, serialNumber: 0n })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(buildCertificate({ ...base, serialNumber: -5n })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(buildCertificate({ ...base, serialNumber: 'ff'.repeat(21) })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    const high = await buildCertificate({ ...base, serialNumber: 'ff'.repeat(19) });
    expect(high.serialNumber).toBe('ff'.repeat(19));
    expect(toHex(high.tbsDer)).toContain(`021400${'ff'.repeat(19)}`); // sign octet keeps it positive
  });

  it('refuses a signer whose key is not the issuer certificate key', async () => {
    const issuer = await buildCertificate({ ...base, extensions: { basicConstraints: { cA: true } } });
    const other = generateTestSigner('EC-P256');
    await expect(buildCertificate({ ...base, issuer, signer: other, publicKey: other.publicKey })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(buildCertificate({ ...base, signer: other })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('keeps an unsupported signature algorithm as data', async () => {
    const cert = await buildCertificate(base);
    // swap ecdsa-with-SHA256 (2a8648ce3d040302) for a made-up OID of the same length, in both places
    const hex = toHex(cert.der).replaceAll('2a8648ce3d040302', '2a8648ce3d04037f');
    const parsed = Certificate.fromDer(fromHex(hex));
    expect(parsed.signatureAlgorithm).toBeUndefined();
    expect(parsed.signatureAlgorithmOid).toBe('1.2.840.10045.4.3.127');
    await expect(verifyCertificateSignature(parsed, cert, provider)).rejects.toMatchObject({ code: 'CRYPTO_UNSUPPORTED' });
  });
});

function lastIndexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = haystack.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('needle not found');
}

describe('hostile input', () => {
  it('never throws anything but typed errors from parsing, and never throws from validation, over 600 mutations', async () => {
    const signer = generateTestSigner('EC-P256');
    const cert = await buildCertificate({
      subject: [{ C: 'CN' }, { O: '某某' }, { CN: 'fuzz' }],
      serialNumber: '01',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
      publicKey: signer.publicKey,
      signer,
      extensions: { basicConstraints: { cA: true }, keyUsage: ['keyCertSign'], subjectAltName: [{ type: 'dns', value: 'a.cn' }], crlDistributionPoints: ['http://x/c'] },
    });
    const random = new SeededRandom(99);
    let parsed = 0;
    for (let n = 0; n < 600; n++) {
      const der = cert.der.slice();
      const r = random.bytes(3);
      const flips = 1 + ((r[0] as number) % 3);
      for (let k = 0; k < flips; k++) {
        const pos = (((r[1] as number) << 8) | (r[2] as number)) % der.length;
        der[(pos + k * 31) % der.length] = random.bytes(1)[0] as number;
      }
      try {
        parseCertificate(der);
        parsed++;
      } catch (e) {
        expect(e).toBeInstanceOf(OpenSealError);
      }
      const result = await validateCertificatePath(der, { trustAnchors: [cert], at: new Date('2026-06-01T00:00:00Z'), provider });
      expect(['VALID', 'INVALID', 'INDETERMINATE']).toContain(result.status);
    }
    expect(parsed).toBeGreaterThan(50);
  });
});
