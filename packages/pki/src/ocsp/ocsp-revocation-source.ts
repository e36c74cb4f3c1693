import type { CryptoProvider } from '@openseal/crypto';
import { OpenSealError } from '@openseal/kernel';
import type { TrustOptions } from '../cms/certificate-path-check.js';
import type { RevocationSource, RevocationStatus } from '../revocation/revocation-source.js';
import type { Certificate } from '../x509/certificate.js';
import type { OcspClient } from './ocsp-client.js';
import { verifyOcspResponse } from './verify-ocsp-response.js';

export interface OcspRevocationSourceOptions extends Omit<TrustOptions, 'revocation' | 'revocationMode'> {
  readonly provider: CryptoProvider;
  /** DER OCSPResponses gathered earlier (a PDF DSS /OCSPs, a CAdES revocation-values attribute…). */
  readonly responses?: readonly Uint8Array[];
  /** Asked when no pre-fetched response settles the question. */
  readonly client?: OcspClient;
  /** Default 300 s. */
  readonly clockSkewSeconds?: number;
}

/**
 * Revocation status from OCSP responses. A response counts only when it is authentic (signature,
 * responder authorised by the issuer, and with trust anchors a valid responder chain). Revoked at or
 * before `at` → revoked; a later answer that the certificate is good (or was revoked only after `at`)
 * shows it was good at `at`, as does an answer whose thisUpdate..nextUpdate covers `at`.
 */
export class OcspRevocationSource implements RevocationSource {
  readonly #options: OcspRevocationSourceOptions;

  constructor(options: OcspRevocationSourceOptions) {
    this.#options = options;
  }

  async check(cert: Certificate, issuer: Certificate, at: Date): Promise<RevocationStatus> {
    const reasons: string[] = [];
    let good: RevocationStatus | undefined;
    for (const der of this.#options.responses ?? []) {
      const status = await this.#judge(der, cert, issuer, at, reasons);
      if (status?.status === 'revoked') return status;
      good ??= status;
    }
    if (good) return good;
    const client = this.#options.client;
    if (client) {
      try {
        const live = await client.check(cert, issuer);
        const status = await this.#judge(live.response, cert, issuer, at, reasons);
        if (status) return status;
      } catch (e) {
        if (!(e instanceof OpenSealError)) throw e;
        reasons.push(`live OCSP: ${e.code}`);
      }
    }
    return reasons.length > 0
      ? { status: 'unknown', source: 'ocsp', reason: reasons.join('; ') }
      : { status: 'unknown', source: 'none', reason: 'no OCSP response for this certificate' };
  }

  async #judge(der: Uint8Array, cert: Certificate, issuer: Certificate, at: Date, reasons: string[]): Promise<RevocationStatus | undefined> {
    const o = this.#options;
    const v = await verifyOcspResponse(der, { ...o, issuer, certificate: cert });
    const single = v.singleResponse;
    if (!single) return undefined; // a response about other certificates says nothing here
    const trusted = (o.trustAnchors?.length ?? 0) === 0 || v.checks.find((c) => c.code === 'OCSP_RESPONDER_CERT_PATH')?.status === 'passed';
    if (!v.intact || !trusted) {
      reasons.push(`unusable OCSP response: ${v.checks.filter((c) => c.status === 'failed').map((c) => c.code).join(', ')}`);
      return undefined;
    }
    const skew = (o.clockSkewSeconds ?? 300) * 1000;
    const t = at.getTime();
    if (single.status === 'revoked' && single.revokedAt && single.revokedAt.getTime() <= t) {
      return { status: 'revoked', source: 'ocsp', revokedAt: single.revokedAt, ...(single.reason ? { reason: single.reason } : {}), thisUpdate: single.thisUpdate };
    }
    if (single.status === 'unknown') {
      reasons.push('responder does not know the certificate');
      return undefined;
    }
    const producedLater = single.thisUpdate.getTime() >= t - skew;
    const covers = single.thisUpdate.getTime() <= t + skew && (single.nextUpdate === undefined || single.nextUpdate.getTime() >= t - skew);
    if (!producedLater && !covers) {
      reasons.push('OCSP response is older than the validation time');
      return undefined;
    }
    return {
      status: 'good',
      source: 'ocsp',
      checkedAt: v.response?.basic?.producedAt ?? single.thisUpdate,
      thisUpdate: single.thisUpdate,
      ...(single.nextUpdate ? { nextUpdate: single.nextUpdate } : {}),
    };
  }
}
