import type { CheckResult, Indication, SubIndication, Verdict } from '@openseal/pki';

/** Codes of the seal (电子印章) checks, GB/T 38540 §6.3 / GM/T 0031-2014 §6.1.2. */
export type SealCheckCode = 'SEAL_FORMAT' | 'SEAL_MAKER_SIGNATURE' | 'SEAL_VALIDITY' | 'SEAL_MAKER_CERT_PATH';

/** Codes of the signature (电子签章) checks, GB/T 38540 §7.3 / GM/T 0031-2014 §6.2.3. */
export type SesCheckCode =
  | 'SES_FORMAT'
  | 'SES_DATA_HASH'
  | 'SES_SIGNATURE_VALUE'
  | 'SES_SIGNER_CERT_VALIDITY'
  | 'SES_SIGNER_KEY_USAGE'
  | 'SES_SIGNER_IN_SEAL_CERT_LIST'
  | 'SES_SIGNER_CERT_PATH'
  | 'SES_TIMESTAMP'
  | 'SES_TIMESTAMP_CERT_PATH'
  | SealCheckCode;

/** Checks about trust (certificate paths): they decide `trusted`, never `valid`. */
export const TRUST_CHECKS: ReadonlySet<string> = new Set(['SEAL_MAKER_CERT_PATH', 'SES_SIGNER_CERT_PATH', 'SES_TIMESTAMP_CERT_PATH']);

export function pass<C extends string>(code: C, details?: Record<string, unknown>): CheckResult<C> {
  return details ? { code, status: 'passed', details } : { code, status: 'passed' };
}

export function fail<C extends string>(code: C, sub: SubIndication, details?: Record<string, unknown>, indication: Exclude<Indication, 'TOTAL_PASSED'> = 'TOTAL_FAILED'): CheckResult<C> {
  return { code, status: 'failed', indication, subIndication: sub, ...(details ? { details } : {}) };
}

export function skip<C extends string>(code: C, details?: Record<string, unknown>): CheckResult<C> {
  return details ? { code, status: 'skipped', details } : { code, status: 'skipped' };
}

/** Valid = no failed non-trust check; trusted = every trust check passed; the verdict follows from both. */
export function summarise(checks: readonly CheckResult[]): Verdict & { valid: boolean; trusted: boolean } {
  // A trust check that fails outright (a certificate revoked before the signing time) also invalidates.
  const firstFailure = checks.find((c) => c.status === 'failed' && (!TRUST_CHECKS.has(c.code) || c.indication === 'TOTAL_FAILED'));
  const trustChecks = checks.filter((c) => TRUST_CHECKS.has(c.code));
  const trusted = trustChecks.length > 0 && trustChecks.every((c) => c.status === 'passed');
  if (firstFailure) {
    return { valid: false, trusted, indication: 'TOTAL_FAILED', ...(firstFailure.subIndication ? { subIndication: firstFailure.subIndication } : {}) };
  }
  if (!trusted) {
    const t = trustChecks.find((c) => c.status !== 'passed');
    const sub = t?.subIndication ?? 'NO_CERTIFICATE_CHAIN_FOUND';
    return { valid: true, trusted, indication: 'INDETERMINATE', subIndication: sub };
  }
  return { valid: true, trusted, indication: 'TOTAL_PASSED' };
}
