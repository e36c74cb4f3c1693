/** ETSI EN 319 102-1 §5.1.3 main indications. */
export type Indication = 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE';

/** ETSI EN 319 102-1 §5.1.3 sub-indications used by the CMS, TSP and OCSP verifiers. */
export type SubIndication =
  | 'FORMAT_FAILURE'
  | 'HASH_FAILURE'
  | 'SIG_CRYPTO_FAILURE'
  | 'REVOKED'
  | 'SIG_CONSTRAINTS_FAILURE'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'CERTIFICATE_CHAIN_GENERAL_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'SIGNED_DATA_NOT_FOUND'
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'REVOKED_NO_POE'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'OUT_OF_BOUNDS_NOT_REVOKED'
  | 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'
  | 'TRY_LATER';

export type CheckStatus = 'passed' | 'failed' | 'skipped';

/**
 * One check of a verifier. A failed check (and a skipped one that leaves the result open, such as a
 * chain that was not checked for lack of trust anchors) carries the verdict it implies.
 */
export interface CheckResult<C extends string = string> {
  readonly code: C;
  readonly status: CheckStatus;
  readonly indication?: Exclude<Indication, 'TOTAL_PASSED'>;
  readonly subIndication?: SubIndication;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface Verdict {
  readonly indication: Indication;
  readonly subIndication?: SubIndication;
}

/** The worst verdict: TOTAL_FAILED over INDETERMINATE over TOTAL_PASSED; the first one wins a tie. */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  let worst: Verdict = { indication: 'TOTAL_PASSED' };
  for (const v of verdicts) {
    if (worst.indication === 'TOTAL_FAILED') break;
    if (v.indication === 'TOTAL_FAILED' || (v.indication === 'INDETERMINATE' && worst.indication === 'TOTAL_PASSED')) {
      worst = v.subIndication ? { indication: v.indication, subIndication: v.subIndication } : { indication: v.indication };
    }
  }
  return worst;
}

/** The verdict a list of checks implies (checks without an indication count as passed). */
export function summarizeChecks(checks: readonly CheckResult[]): Verdict {
  return worstVerdict(
    checks.flatMap((c) => (c.indication ? [c.subIndication ? { indication: c.indication, subIndication: c.subIndication } : { indication: c.indication }] : [])),
  );
}

export function passed<C extends string>(code: C, details?: Record<string, unknown>): CheckResult<C> {
  return details ? { code, status: 'passed', details } : { code, status: 'passed' };
}

export function skipped<C extends string>(code: C, details?: Record<string, unknown>): CheckResult<C> {
  return details ? { code, status: 'skipped', details } : { code, status: 'skipped' };
}

export function failed<C extends string>(
  code: C,
  indication: Exclude<Indication, 'TOTAL_PASSED'>,
  subIndication: SubIndication | undefined,
  details?: Record<string, unknown>,
): CheckResult<C> {
  return {
    code,
    status: 'failed',
    indication,
    ...(subIndication ? { subIndication } : {}),
    ...(details ? { details } : {}),
  };
}
