import type { Certificate } from '../x509/certificate.js';

export type RevocationStatus =
  | { status: 'good'; source: 'crl' | 'ocsp'; checkedAt: Date; thisUpdate: Date; nextUpdate?: Date }
  | { status: 'revoked'; source: 'crl' | 'ocsp'; revokedAt: Date; reason?: string; thisUpdate: Date }
  | { status: 'unknown'; source: 'crl' | 'ocsp' | 'none'; reason: string };

/** Answers whether `cert` (issued by `issuer`) was revoked at time `at`. Implementations: CRL, OCSP. */
export interface RevocationSource {
  check(cert: Certificate, issuer: Certificate, at: Date): Promise<RevocationStatus>;
}
