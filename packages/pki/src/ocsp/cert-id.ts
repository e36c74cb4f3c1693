import type { CryptoProvider, DigestAlgorithm } from '@openseal/crypto';
import { equalBytes } from '@openseal/kernel';
import { digestOid } from '../algorithm-identifier.js';
import { publicKeyBits, serialNumberContent } from '../cms/certificate-parts.js';
import type { Certificate } from '../x509/certificate.js';
import { derOctetString, derOid, derSequence, derTlv } from '../x509/der-writer.js';

/** RFC 6960 §4.1.1 CertID in friendly form. */
export interface CertIdValue {
  readonly hashAlgorithmOid: string;
  /** Undefined when the hash is not one OpenSeal computes. */
  readonly hashAlgorithm?: DigestAlgorithm;
  readonly issuerNameHash: Uint8Array;
  readonly issuerKeyHash: Uint8Array;
  /** Lowercase hex, as Certificate.serialNumber. */
  readonly serialNumber: string;
}

export type OcspHashAlgorithm = 'SHA-1' | 'SHA-256' | 'SM3';

/**
 * CertID ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, issuerNameHash OCTET STRING,
 *   issuerKeyHash OCTET STRING, serialNumber CertificateSerialNumber }
 * The names hash is over the issuer's DER subject; the key hash over its subjectPublicKey bits.
 * Parameters are NULL, as OpenSSL writes them.
 */
export function encodeCertId(cert: Certificate, issuer: Certificate, hash: DigestAlgorithm, provider: Pick<CryptoProvider, 'digest'>): Uint8Array {
  return derSequence(
    derSequence(derOid(digestOid(hash)), Uint8Array.of(0x05, 0x00)),
    derOctetString(provider.digest(hash, issuer.subject.der)),
    derOctetString(provider.digest(hash, publicKeyBits(issuer.publicKey))),
    derTlv(0x02, serialNumberContent(cert)),
  );
}

/** Whether a CertID names `issuer` (by name and key hash). Unknown hash algorithms match nothing. */
export function certIdIssuedBy(id: CertIdValue, issuer: Certificate, provider: Pick<CryptoProvider, 'digest'>): boolean {
  if (!id.hashAlgorithm) return false;
  return (
    equalBytes(id.issuerNameHash, provider.digest(id.hashAlgorithm, issuer.subject.der)) &&
    equalBytes(id.issuerKeyHash, provider.digest(id.hashAlgorithm, publicKeyBits(issuer.publicKey)))
  );
}

/** Whether a CertID names `cert` issued by `issuer`. */
export function certIdMatches(id: CertIdValue, cert: Certificate, issuer: Certificate, provider: Pick<CryptoProvider, 'digest'>): boolean {
  return id.serialNumber === cert.serialNumber && certIdIssuedBy(id, issuer, provider);
}
