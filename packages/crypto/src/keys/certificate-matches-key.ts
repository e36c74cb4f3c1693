import { Certificate, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { parseDer } from '@openseal/asn1';
import { equalBytes } from '@openseal/kernel';

/**
 * Whether a DER certificate carries the given public key (SubjectPublicKeyInfo DER). The key bits
 * are compared, not the AlgorithmIdentifier, so an SM2 certificate naming the curve differently still matches.
 */
export function certificateMatchesKey(certificate: Uint8Array, publicKeySpki: Uint8Array): boolean {
  const certKey = parseDer(certificate, Certificate, 'Certificate').tbsCertificate.subjectPublicKeyInfo.subjectPublicKey;
  const key = parseDer(publicKeySpki, SubjectPublicKeyInfo, 'SubjectPublicKeyInfo').subjectPublicKey;
  return equalBytes(new Uint8Array(certKey), new Uint8Array(key));
}
