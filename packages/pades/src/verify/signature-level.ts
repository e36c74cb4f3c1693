/**
 * PAdES baseline level a signature reaches (ETSI EN 319 142-1 §6.3): B-T with a signature timestamp or a
 * later document timestamp; B-LT with a later DSS holding revocation data for the signer; B-LTA with a
 * document timestamp over that DSS.
 */
import type { CryptoProvider } from '@openseal/crypto';
import { OpenSealError, equalBytes } from '@openseal/kernel';
import { parseOcspResponse, type Certificate } from '@openseal/pki';
import type { PadesLevel } from '../signing/sign-pdf.js';
import type { PdfSignatureReport } from './pdf-verification-report.js';
import type { DssContents } from './read-dss.js';

export interface DssRevision {
  readonly revision: number;
  readonly dss: DssContents;
}

/** Whether a DSS holds a CRL or OCSP response about `cert` (roots and nocheck responders need none). */
export function dssCovers(dss: DssContents, cert: Certificate, provider: Pick<CryptoProvider, 'digest'>): boolean {
  if (cert.isSelfIssued || cert.extensions.ocspNoCheck) return true;
  if (dss.crls.some((crl) => crl.issuer.equals(cert.issuer))) return true;
  for (const der of dss.ocspResponses) {
    try {
      const responses = parseOcspResponse(der).basic?.responses ?? [];
      const hit = responses.some((r) => r.certId.serialNumber === cert.serialNumber && r.certId.hashAlgorithm !== undefined && equalBytes(r.certId.issuerNameHash, provider.digest(r.certId.hashAlgorithm, cert.issuer.der)));
      if (hit) return true;
    } catch (e) {
      if (!(e instanceof OpenSealError)) throw e; // an unreadable response covers nothing
    }
  }
  return false;
}

export function signatureLevel(
  report: PdfSignatureReport,
  certificate: Certificate | undefined,
  documentTimestamps: readonly PdfSignatureReport[],
  dssRevisions: readonly DssRevision[],
  provider: Pick<CryptoProvider, 'digest'>,
): PadesLevel | undefined {
  const signed = report.coverage.signedRevision;
  if (!report.signatureValid || signed === undefined) return undefined;
  const later = (r: PdfSignatureReport, after: number): boolean => r.signatureValid && r.coverage.signedRevision !== undefined && r.coverage.signedRevision > after;
  const timestamped = report.timestamp?.verified === true || documentTimestamps.some((d) => later(d, signed));
  if (!timestamped) return 'B-B';
  const lt = certificate ? dssRevisions.find((d) => d.revision > signed && dssCovers(d.dss, certificate, provider)) : undefined;
  if (!lt) return 'B-T';
  const lta = documentTimestamps.some((d) => d.signatureValid && (d.coverage.signedRevision ?? -1) >= lt.revision);
  return lta ? 'B-LTA' : 'B-LT';
}
