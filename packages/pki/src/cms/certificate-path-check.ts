import type { CryptoProvider } from '@openseal/crypto';
import { validateCertificatePath } from '../path/validate-certificate-path.js';
import type { PathCheckCode } from '../path/path-validation-result.js';
import type { RevocationSource } from '../revocation/revocation-source.js';
import type { Certificate } from '../x509/certificate.js';
import { failed, passed, skipped, type CheckResult, type SubIndication } from './verification-report.js';

/** Where the validation time came from: a verified timestamp is a proof of existence, the rest are not. */
export type ValidationTimeSource = 'timestamp' | 'signing-time' | 'token-time' | 'caller' | 'clock';

export interface TrustOptions {
  readonly trustAnchors?: readonly Certificate[];
  /** Untrusted certificates to build chains with (the embedded ones are always used too). */
  readonly intermediates?: readonly Certificate[];
  readonly revocation?: RevocationSource;
  readonly revocationMode?: 'hard' | 'soft';
}

export interface PathCheckInput extends TrustOptions {
  readonly certificate: Certificate;
  readonly embedded: readonly Certificate[];
  readonly at: Date | undefined;
  readonly timeSource: ValidationTimeSource | undefined;
  readonly provider: CryptoProvider;
  readonly requiredExtKeyUsage?: readonly string[];
}

/** RFC 5280 §6.1 path validation of a signer/TSA/responder certificate, as one report check. */
export async function certificatePathCheck<C extends string>(code: C, input: PathCheckInput): Promise<CheckResult<C>> {
  const anchors = input.trustAnchors;
  if (!anchors || anchors.length === 0) {
    return { ...skipped(code, { reason: 'no trust anchors given' }), indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' };
  }
  if (!input.at || !input.timeSource) {
    return failed(code, 'INDETERMINATE', 'CERTIFICATE_CHAIN_GENERAL_FAILURE', { reason: 'no validation time (give at or clock)' });
  }
  const result = await validateCertificatePath(input.certificate, {
    trustAnchors: anchors,
    intermediates: [...input.embedded, ...(input.intermediates ?? [])],
    at: input.at,
    provider: input.provider,
    ...(input.revocation ? { revocation: input.revocation } : {}),
    ...(input.revocationMode ? { revocationMode: input.revocationMode } : {}),
    ...(input.requiredExtKeyUsage ? { requiredExtKeyUsage: input.requiredExtKeyUsage } : {}),
  });
  const details = {
    validationTime: input.at.toISOString(),
    timeSource: input.timeSource,
    status: result.status,
    chain: result.chain.map((c) => c.subject.toString()),
    reasons: result.reasons,
  };
  if (result.status === 'VALID') return passed(code, details);
  const sub = subIndicationFor(result.reasons, input.timeSource === 'timestamp');
  return failed(code, sub === 'REVOKED' ? 'TOTAL_FAILED' : 'INDETERMINATE', sub, details);
}

/** ETSI EN 319 102-1 §5.2.6 outcomes for the first decisive path failure. */
function subIndicationFor(reasons: readonly PathCheckCode[], provenTime: boolean): SubIndication {
  if (reasons.includes('CERT_REVOKED')) return provenTime ? 'REVOKED' : 'REVOKED_NO_POE';
  if (reasons.includes('PATH_NO_ANCHOR')) return 'NO_CERTIFICATE_CHAIN_FOUND';
  if (reasons.includes('CERT_EXPIRED') || reasons.includes('CERT_NOT_YET_VALID')) return 'OUT_OF_BOUNDS_NO_POE';
  if (reasons.includes('REVOCATION_UNKNOWN')) return 'TRY_LATER';
  if (reasons.includes('CERT_SIGNATURE_UNSUPPORTED')) return 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE';
  if (reasons.includes('CERT_SIGNATURE_INVALID') || reasons.includes('CERT_MALFORMED')) return 'CERTIFICATE_CHAIN_GENERAL_FAILURE';
  return 'CHAIN_CONSTRAINTS_FAILURE';
}
