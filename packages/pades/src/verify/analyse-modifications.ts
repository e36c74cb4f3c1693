/** Judges what the revisions after a signature changed, against DocMDP and the signature's field locks. */
import type { PdfDocument } from '@openseal/pdf';
import { lockCovers, type FieldLock, type MdpPermission } from '../mdp.js';
import type { ClassifiedChange } from './classified-change.js';
import { classifyRevision } from './classify-revision.js';
import { categoryAllowed } from './modification-category.js';
import type { ModificationFinding } from './pdf-verification-report.js';

export interface ModificationPolicy {
  /** DocMDP level of the document (3 for approval-only documents). */
  readonly permission: MdpPermission;
  readonly locks: readonly FieldLock[];
}

/** Classifies each revision once per verification. */
export class RevisionClassifier {
  readonly #cache = new Map<number, ClassifiedChange[]>();
  constructor(readonly doc: PdfDocument) {}
  revision(k: number): ClassifiedChange[] {
    let c = this.#cache.get(k);
    if (!c) {
      c = classifyRevision(this.doc, k);
      this.#cache.set(k, c);
    }
    return c;
  }
}

function isWhitespace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
}

export function analyseModifications(classifier: RevisionClassifier, signedRevision: number, policy: ModificationPolicy): ModificationFinding[] {
  const doc = classifier.doc;
  const out: ModificationFinding[] = [];
  for (let k = signedRevision + 1; k < doc.revisions.length; k++) {
    for (const c of classifier.revision(k)) {
      if (c.category === 'structure') continue;
      const locked = c.field !== undefined && (c.category === 'form-fill' || c.category === 'signature') && policy.locks.some((l) => lockCovers(l, c.field as string));
      out.push({ ...c, allowed: categoryAllowed(c.category, policy.permission) && !locked, ...(locked ? { description: `${c.description} (field is locked)` } : {}) });
    }
  }
  // Bytes after the last %%EOF belong to no revision; only whitespace there is harmless.
  const last = doc.revisions[doc.revisions.length - 1];
  if (last && last.end < doc.bytes.length) {
    const tail = doc.bytes.subarray(last.end);
    if (!tail.every(isWhitespace)) {
      out.push({ revision: doc.revisions.length, change: 'trailing-data', category: 'other', description: `${tail.length} bytes after the last %%EOF`, allowed: false });
    }
  }
  return out;
}
