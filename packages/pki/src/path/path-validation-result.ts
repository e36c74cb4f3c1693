import type { Certificate } from '../x509/certificate.js';

/**
 * Stable codes of path validation checks. A failed check carries its failure code; a passed or skipped
 * check carries the neutral code of what was checked.
 */
export const PATH_CHECK_CODES = {
  // neutral codes (passed / skipped)
  CERT_PARSE: 'CERT_PARSE',
  PATH_ANCHOR: 'PATH_ANCHOR',
  CERT_SIGNATURE: 'CERT_SIGNATURE',
  CERT_VALIDITY: 'CERT_VALIDITY',
  BASIC_CONSTRAINTS: 'BASIC_CONSTRAINTS',
  PATH_LENGTH: 'PATH_LENGTH',
  KEY_USAGE: 'KEY_USAGE',
  EXT_KEY_USAGE: 'EXT_KEY_USAGE',
  CRITICAL_EXTENSIONS: 'CRITICAL_EXTENSIONS',
  REVOCATION: 'REVOCATION',
  // failure codes → INVALID
  CERT_MALFORMED: 'CERT_MALFORMED',
  CERT_SIGNATURE_INVALID: 'CERT_SIGNATURE_INVALID',
  CERT_EXPIRED: 'CERT_EXPIRED',
  CERT_NOT_YET_VALID: 'CERT_NOT_YET_VALID',
  CERT_NOT_CA: 'CERT_NOT_CA',
  PATH_LENGTH_EXCEEDED: 'PATH_LENGTH_EXCEEDED',
  KEY_USAGE_MISSING: 'KEY_USAGE_MISSING',
  EXT_KEY_USAGE_MISSING: 'EXT_KEY_USAGE_MISSING',
  UNKNOWN_CRITICAL_EXTENSION: 'UNKNOWN_CRITICAL_EXTENSION',
  CERT_EXTENSION_MALFORMED: 'CERT_EXTENSION_MALFORMED',
  CERT_REVOKED: 'CERT_REVOKED',
  // failure codes → INDETERMINATE
  PATH_NO_ANCHOR: 'PATH_NO_ANCHOR',
  CERT_SIGNATURE_UNSUPPORTED: 'CERT_SIGNATURE_UNSUPPORTED',
  REVOCATION_UNKNOWN: 'REVOCATION_UNKNOWN',
} as const;

export type PathCheckCode = (typeof PATH_CHECK_CODES)[keyof typeof PATH_CHECK_CODES];

/** Failures that leave the answer open (ETSI EN 319 102-1 INDETERMINATE) rather than negative. */
export const INDETERMINATE_CODES: ReadonlySet<PathCheckCode> = new Set<PathCheckCode>([
  'PATH_NO_ANCHOR',
  'CERT_SIGNATURE_UNSUPPORTED',
  'REVOCATION_UNKNOWN',
]);

export type PathValidationStatus = 'VALID' | 'INVALID' | 'INDETERMINATE';

export interface PathCheck {
  readonly code: PathCheckCode;
  readonly status: 'passed' | 'failed' | 'skipped';
  /** RFC 4514 subject of the certificate the check is about. */
  readonly certificate?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface PathValidationResult {
  readonly status: PathValidationStatus;
  /** Leaf first; ends with the trust anchor when one was reached (otherwise the longest chain built). */
  readonly chain: readonly Certificate[];
  readonly checks: readonly PathCheck[];
  /** Codes of the failed checks, in check order, without duplicates. */
  readonly reasons: readonly PathCheckCode[];
}

/** VALID unless a check failed; INDETERMINATE when every failure is of an indeterminate kind. */
export function summarisePath(chain: readonly Certificate[], checks: readonly PathCheck[]): PathValidationResult {
  const reasons = [...new Set(checks.filter((c) => c.status === 'failed').map((c) => c.code))];
  const status: PathValidationStatus =
    reasons.length === 0 ? 'VALID' : reasons.every((r) => INDETERMINATE_CODES.has(r)) ? 'INDETERMINATE' : 'INVALID';
  return { status, chain, checks, reasons };
}
