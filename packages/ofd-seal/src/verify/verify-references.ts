import type { CryptoProvider, DigestAlgorithm } from '@openseal/crypto';
import { equalBytes } from '@openseal/kernel';
import { dirOf, type OfdPackage, type SignatureReference } from '@openseal/ofd';
import { resolvePart } from './resolve-part.js';
import type { CheckResult } from '@openseal/pki';
import type { FileModification } from './ofd-verification-report.js';

/** CheckMethod → digest: the SM3 OID (and its .1/.2 arcs seen in the wild) or "SM3", SHA-1, SHA-256. */
export function checkMethodDigest(method: string | undefined): { digest?: DigestAlgorithm; note?: string } {
  if (method === undefined || method.trim() === '') return { digest: 'SM3', note: 'no CheckMethod: SM3 assumed (every real producer uses SM3; the XSD default MD5 is obsolete)' };
  const m = method.trim().toUpperCase();
  if (m === '1.2.156.10197.1.401' || m === 'SM3') return { digest: 'SM3' };
  if (m.startsWith('1.2.156.10197.1.401.')) return { digest: 'SM3', note: `non-standard CheckMethod ${method} read as SM3` };
  if (m === 'SHA1' || m === 'SHA-1' || m === '1.3.14.3.2.26') return { digest: 'SHA-1' };
  if (m === 'SHA256' || m === 'SHA-256' || m === '2.16.840.1.101.3.4.2.1') return { digest: 'SHA-256' };
  return {};
}

export interface ReferenceResult {
  readonly check: CheckResult;
  /** Package paths the references resolve to (covered files). */
  readonly covered: readonly string[];
  readonly modifications: readonly FileModification[];
  readonly notes: readonly string[];
}

/** GB/T 33190 §18.2.2: each FileRef's current bytes must digest to its CheckValue. */
export function verifyReferences(pkg: OfdPackage, signaturePath: string, checkMethod: string | undefined, references: readonly SignatureReference[], provider: CryptoProvider): ReferenceResult {
  const { digest, note } = checkMethodDigest(checkMethod);
  const notes = note ? [note] : [];
  if (!digest) {
    return { check: { code: 'OFD_REFERENCES', status: 'failed', indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE', details: { checkMethod } }, covered: [], modifications: [], notes };
  }
  const covered: string[] = [];
  const modifications: FileModification[] = [];
  let ok = 0;
  for (const ref of references) {
    const path = resolvePart(pkg, ref.fileRef, dirOf(signaturePath));
    if (path === undefined) {
      modifications.push({ path: ref.fileRef, change: 'removed' });
      continue;
    }
    const entry = pkg.entry(path);
    if (entry === undefined) {
      modifications.push({ path, change: 'removed' });
      continue;
    }
    covered.push(entry.path);
    if (equalBytes(provider.digest(digest, entry.bytes), ref.checkValue)) ok++;
    else modifications.push({ path: entry.path, change: 'changed' });
  }
  const details = { checkMethod: checkMethod ?? '(none)', digest, references: references.length, intact: ok };
  if (references.length === 0) return { check: { code: 'OFD_REFERENCES', status: 'failed', indication: 'TOTAL_FAILED', subIndication: 'FORMAT_FAILURE', details: { ...details, reason: 'no references' } }, covered, modifications, notes };
  const check: CheckResult =
    modifications.length === 0
      ? { code: 'OFD_REFERENCES', status: 'passed', details }
      : { code: 'OFD_REFERENCES', status: 'failed', indication: 'TOTAL_FAILED', subIndication: 'HASH_FAILURE', details: { ...details, files: modifications.map((m) => `${m.path} (${m.change})`) } };
  return { check, covered, modifications, notes };
}

