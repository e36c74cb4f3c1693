import type { FileModification } from './ofd-verification-report.js';

export interface CoverageInput {
  /** Every file of the package. */
  readonly files: readonly string[];
  /** Files this signature protects (resolved references). */
  readonly covered: readonly string[];
  /** This signature's Signature.xml and SignedValue.dat (never self-protected). */
  readonly own: readonly string[];
  /** Files of later signatures (their Signature.xml, SignedValue.dat, Seal.esl). */
  readonly later: readonly string[];
  /** Signatures.xml: it changes with every signature, so policy leaves it out. */
  readonly listPath: string;
  /** Files that must have existed when signing (OFD.xml): uncovered, they are 'unprotected', not 'added'. */
  readonly preexisting: readonly string[];
}

/**
 * Coverage check (ofd-signature digest §7.7 step 6; ofdrw does not do it): a file that this signature
 * does not protect is acceptable only if it belongs to this or a later signature or is the signature
 * list; anything else could have been added (or left open) after signing and is named.
 */
export function coverage(input: CoverageInput): { coversWholeDocument: boolean; uncovered: FileModification[] } {
  const key = (p: string) => p.toLowerCase();
  const allowed = new Set([...input.covered, ...input.own, ...input.later, input.listPath].map(key));
  const preexisting = new Set(input.preexisting.map(key));
  const uncovered: FileModification[] = [];
  for (const f of input.files) {
    if (allowed.has(key(f))) continue;
    uncovered.push({ path: f, change: preexisting.has(key(f)) ? 'unprotected' : 'added' });
  }
  return { coversWholeDocument: uncovered.length === 0, uncovered };
}
