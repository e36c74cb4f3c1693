import type { CryptoProvider } from '@openseal/crypto';
import { InvalidArgumentError, OpenSealError } from '@openseal/kernel';
import type { RevocationSource } from '../revocation/revocation-source.js';
import { Certificate, parseCertificate } from '../x509/certificate.js';
import type { KeyUsage } from '../x509/key-usage.js';
import { buildCertificatePaths } from './build-certificate-paths.js';
import { checkCertificatePath } from './check-certificate-path.js';
import { summarisePath, type PathCheck, type PathValidationResult } from './path-validation-result.js';

export interface PathValidationOptions {
  readonly trustAnchors: readonly Certificate[];
  /** Pool of untrusted certificates to build the chain from. */
  readonly intermediates?: readonly Certificate[];
  /** The validation time. */
  readonly at: Date;
  readonly provider: CryptoProvider;
  /** Without one, revocation checks are reported as skipped. */
  readonly revocation?: RevocationSource;
  /** 'hard' (default): unknown status → INDETERMINATE; 'soft': unknown status is only noted. */
  readonly revocationMode?: 'hard' | 'soft';
  /** Key usages the leaf must allow (when it has a keyUsage extension). */
  readonly requiredKeyUsage?: readonly KeyUsage[];
  /** Extended key usage OIDs the leaf must allow (when it has an extKeyUsage extension). */
  readonly requiredExtKeyUsage?: readonly string[];
  /** Most certificates in a chain, leaf and anchor included (default 10). */
  readonly maxDepth?: number;
}

const RANK = { VALID: 0, INDETERMINATE: 1, INVALID: 2 } as const;

/**
 * Builds chains from `leaf` to a trust anchor and validates them (RFC 5280 §6.1, simplified: no
 * policy or name-constraint processing; those extensions, when critical, fail as unknown).
 * Returns the first VALID chain, else the best other verdict. Never throws on bad certificates:
 * unreadable input gives INVALID with CERT_MALFORMED (an invalid `at` is a caller bug: INVALID_ARGUMENT).
 */
export async function validateCertificatePath(
  leaf: Certificate | Uint8Array | string,
  options: PathValidationOptions,
): Promise<PathValidationResult> {
  if (Number.isNaN(options.at.getTime())) throw new InvalidArgumentError('the validation time is not a valid Date');
  let cert: Certificate;
  try {
    cert = leaf instanceof Certificate ? leaf : parseCertificate(leaf);
  } catch (e) {
    if (!(e instanceof OpenSealError)) throw e;
    return summarisePath([], [{ code: 'CERT_MALFORMED', status: 'failed', details: { error: e.code, message: e.message } }]);
  }
  const ctx = {
    at: options.at,
    provider: options.provider,
    ...(options.revocation ? { revocation: options.revocation } : {}),
    revocationMode: options.revocationMode ?? 'hard',
    requiredKeyUsage: options.requiredKeyUsage ?? [],
    requiredExtKeyUsage: options.requiredExtKeyUsage ?? [],
  };
  const paths = buildCertificatePaths(cert, {
    trustAnchors: options.trustAnchors,
    intermediates: options.intermediates ?? [],
    at: options.at,
    maxDepth: options.maxDepth ?? 10,
  });
  let best: PathValidationResult | undefined;
  for (const chain of paths.complete) {
    const anchor = chain[chain.length - 1] as Certificate;
    const anchorCheck: PathCheck = { code: 'PATH_ANCHOR', status: 'passed', certificate: anchor.subject.toString() };
    const result = summarisePath(chain, [anchorCheck, ...(await checkCertificatePath(chain, true, ctx))]);
    if (result.status === 'VALID') return result;
    if (!best || RANK[result.status] < RANK[best.status]) best = result;
  }
  if (best) return best;
  const partial = paths.longestPartial;
  const top = partial[partial.length - 1] as Certificate;
  const noAnchor: PathCheck = {
    code: 'PATH_NO_ANCHOR',
    status: 'failed',
    certificate: top.subject.toString(),
    details: { missingIssuer: top.issuer.toString(), chainLength: partial.length },
  };
  return summarisePath(partial, [noAnchor, ...(await checkCertificatePath(partial, false, ctx))]);
}
