import { KeyFormatError, type CryptoProvider, type DigestAlgorithm } from '@openseal/crypto';
import { toHex } from '@openseal/kernel';
import { derChildren, derNodeAt } from './der-reader.js';
import type { Certificate } from './certificate.js';
import { checkDer } from '@openseal/asn1';

/** Lowercase hex digest of the certificate's DER (e.g. 'SHA-256', or 'SM3' for GM systems). */
export function certificateFingerprint(cert: Certificate, algorithm: DigestAlgorithm, provider: CryptoProvider): string {
  return toHex(provider.digest(algorithm, cert.der));
}

/**
 * Key identifier per RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING value
 * (without the unused-bits octet), as OpenSSL computes subjectKeyIdentifier=hash.
 */
export function computeKeyIdentifier(spki: Uint8Array, provider: CryptoProvider): Uint8Array {
  checkDer(spki);
  const [, keyBits] = derChildren(spki, derNodeAt(spki, 0));
  if (!keyBits || keyBits.tag !== 0x03) throw new KeyFormatError('SubjectPublicKeyInfo without a subjectPublicKey BIT STRING');
  return provider.digest('SHA-1', spki.subarray(keyBits.valueStart + 1, keyBits.end));
}
