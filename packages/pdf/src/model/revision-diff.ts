/**
 * The objects an incremental update wrote (ISO 32000-2 §7.5.6), compared with the revision before it,
 * with both values on demand — the raw material of "what changed after signing" analysis.
 */
import type { PdfObject } from '../core/objects.js';
import type { PdfRevision } from '../core/revision.js';
import type { XrefEntry } from '../core/xref-section.js';
import type { PdfDocument } from './pdf-document.js';

export interface RevisionChange {
  readonly num: number;
  readonly kind: 'added' | 'changed' | 'deleted';
  readonly before: XrefEntry | undefined;
  readonly after: XrefEntry;
  /** The object as of the previous revision (null when it did not exist). */
  valueBefore(): PdfObject;
  /** The object as of this revision (null when deleted). */
  valueAfter(): PdfObject;
}

function sameLocation(a: XrefEntry, b: XrefEntry): boolean {
  if (a.type === 'offset' && b.type === 'offset') return a.offset === b.offset && a.gen === b.gen;
  if (a.type === 'compressed' && b.type === 'compressed') return a.stream === b.stream && a.index === b.index;
  return a.type === 'free' && b.type === 'free';
}

/** Objects written by revision `index` that differ from revision `index − 1`, by object number. */
export function diffRevision(doc: PdfDocument, index: number): RevisionChange[] {
  const rev = doc.revisions[index];
  if (!rev) throw new RangeError(`no revision ${index}`);
  const after = doc.revision(index);
  const before = index > 0 ? doc.revision(index - 1) : undefined;
  const written = new Map<number, XrefEntry>();
  for (const s of (rev as PdfRevision).sections) for (const e of s.entries()) if (!written.has(e.num)) written.set(e.num, e);
  const rewrittenStreams = new Set<number>();
  for (const [num, e] of written) {
    const b = before?.entry(num);
    if (e.type === 'offset' && !(b && sameLocation(b, e))) rewrittenStreams.add(num);
  }
  const changes: RevisionChange[] = [];
  for (const [num, e] of written) {
    if (num === 0) continue;
    const b = before?.entry(num);
    const existed = b !== undefined && b.type !== 'free';
    let kind: RevisionChange['kind'];
    if (e.type === 'free') {
      if (!existed) continue;
      kind = 'deleted';
    } else if (!existed) kind = 'added';
    else if (sameLocation(b, e) && !(e.type === 'compressed' && rewrittenStreams.has(e.stream))) continue;
    else kind = 'changed';
    changes.push({
      num,
      kind,
      before: b,
      after: e,
      valueBefore: () => (before ? before.getObject(num) : null),
      valueAfter: () => after.getObject(num),
    });
  }
  return changes.sort((x, y) => x.num - y.num);
}
