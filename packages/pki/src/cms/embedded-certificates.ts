import { OpenSealError } from '@openseal/kernel';
import { Certificate } from '../x509/certificate.js';

/**
 * The X.509 certificates among CertificateChoices (RFC 5652 §10.2.2); other choices (attribute
 * certificates, `other`) are skipped and unreadable certificates are counted, never thrown.
 */
export function embeddedCertificates(raw: readonly Uint8Array[]): { certificates: Certificate[]; unreadable: number } {
  const certificates: Certificate[] = [];
  let unreadable = 0;
  for (const der of raw) {
    if (der[0] !== 0x30) continue;
    try {
      certificates.push(Certificate.fromDer(der));
    } catch (e) {
      if (!(e instanceof OpenSealError)) throw e;
      unreadable++;
    }
  }
  return { certificates, unreadable };
}
