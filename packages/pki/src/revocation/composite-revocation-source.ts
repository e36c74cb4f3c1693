import { OpenSealError } from '@openseal/kernel';
import type { Certificate } from '../x509/certificate.js';
import type { RevocationSource, RevocationStatus } from './revocation-source.js';

/** Asks each source in turn; the first definitive answer (good or revoked) wins. */
export class CompositeRevocationSource implements RevocationSource {
  readonly #sources: readonly RevocationSource[];

  constructor(sources: readonly RevocationSource[]) {
    this.#sources = [...sources];
  }

  async check(cert: Certificate, issuer: Certificate, at: Date): Promise<RevocationStatus> {
    const reasons: string[] = [];
    let lastSource: 'crl' | 'ocsp' | 'none' = 'none';
    for (const source of this.#sources) {
      let status: RevocationStatus;
      try {
        status = await source.check(cert, issuer, at);
      } catch (e) {
        // a failed source (e.g. an OCSP responder that is down) must not hide the next one
        if (!(e instanceof OpenSealError)) throw e;
        status = { status: 'unknown', source: 'none', reason: `${e.code}: ${e.message}` };
      }
      if (status.status !== 'unknown') return status;
      reasons.push(status.reason);
      lastSource = status.source;
    }
    return { status: 'unknown', source: reasons.length === 1 ? lastSource : 'none', reason: reasons.length > 0 ? reasons.join('; ') : 'no revocation source configured' };
  }
}
