import { CryptoUnsupportedError, type CryptoProvider } from '@openseal/crypto';
import type { Certificate } from './certificate.js';

/**
 * Checks `cert`'s signature over its TBSCertificate bytes with `issuer`'s public key (RFC 5280 §6.1.3
 * (a)(1)); false for a bad signature. Throws CRYPTO_UNSUPPORTED for an unknown signature algorithm.
 */
export async function verifyCertificateSignature(cert: Certificate, issuer: Certificate, provider: CryptoProvider): Promise<boolean> {
  if (!cert.signatureAlgorithm) throw new CryptoUnsupportedError(`signature algorithm ${cert.signatureAlgorithmOid}`);
  return provider.verify(cert.signatureAlgorithm, issuer.publicKey, cert.tbsDer, cert.signatureValue);
}
