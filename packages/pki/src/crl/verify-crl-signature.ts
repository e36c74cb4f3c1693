import { CryptoUnsupportedError, type CryptoProvider } from '@openseal/crypto';
import type { Certificate } from '../x509/certificate.js';
import type { Crl } from './crl.js';

/**
 * Checks the CRL signature with the issuer certificate's key (RFC 5280 §6.3.3 (f)); false for a bad
 * signature. Throws CRYPTO_UNSUPPORTED when the signature algorithm is unknown.
 */
export async function verifyCrlSignature(crl: Crl, issuer: Certificate, provider: CryptoProvider): Promise<boolean> {
  if (!crl.signatureAlgorithm) throw new CryptoUnsupportedError(`signature algorithm ${crl.signatureAlgorithmOid}`);
  return provider.verify(crl.signatureAlgorithm, issuer.publicKey, crl.tbsDer, crl.signatureValue);
}
