import type { CryptoProvider } from '@openseal/crypto';
import { validateCertificatePath, type Certificate, type CheckResult, type RevocationSource } from '@openseal/pki';
import { fail, pass } from './ses-checks.js';

/** Where certificate paths end and how revocation is checked; without anchors, trust is reported as unknown. */
export interface SesTrustOptions {
  readonly trustAnchors?: readonly Certificate[];
  /** Untrusted certificates to build chains with. */
  readonly intermediates?: readonly Certificate[];
  readonly revocation?: RevocationSource;
  readonly revocationMode?: 'hard' | 'soft';
}

/**
 * RFC 5280 path validation of `cert` at `at`, as one check. GB/T 38540 §7.3 d: revoked before the
 * signing time → invalid (TOTAL_FAILED); other path problems leave trust open (INDETERMINATE).
 */
export async function pathCheck<C extends string>(code: C, cert: Certificate, at: Date, trust: SesTrustOptions, provider: CryptoProvider): Promise<CheckResult<C>> {
  const anchors = trust.trustAnchors ?? [];
  if (anchors.length === 0) {
    return { code, status: 'skipped', indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND', details: { reason: 'no trust anchors given' } };
  }
  const result = await validateCertificatePath(cert, {
    trustAnchors: anchors,
    intermediates: trust.intermediates ?? [],
    at,
    provider,
    ...(trust.revocation ? { revocation: trust.revocation } : {}),
    ...(trust.revocationMode ? { revocationMode: trust.revocationMode } : {}),
  });
  const details = { validationTime: at.toISOString(), status: result.status, chain: result.chain.map((c) => c.subject.toString()), reasons: result.reasons };
  if (result.status === 'VALID') return pass(code, details);
  if (result.reasons.includes('CERT_REVOKED')) return fail(code, 'REVOKED', details);
  const sub = result.reasons.includes('PATH_NO_ANCHOR')
    ? 'NO_CERTIFICATE_CHAIN_FOUND'
    : result.reasons.includes('REVOCATION_UNKNOWN')
      ? 'TRY_LATER'
      : 'CERTIFICATE_CHAIN_GENERAL_FAILURE';
  return fail(code, sub, details, 'INDETERMINATE');
}
