import type { PdfDict } from './objects.js';
import type { XrefEntry, XrefKind, XrefSection } from './xref-section.js';

/**
 * One revision of the file: the original, or one incremental update (ISO 32000-2 §7.5.6). A linearized
 * file's first-page section belongs to the same revision as its main section.
 */
export interface PdfRevision {
  /** 0 for the original document, then 1, 2, … for each incremental update. */
  readonly index: number;
  /** The cross-reference sections of this revision, newest first. */
  readonly sections: readonly XrefSection[];
  /** Offset of the section that `startxref` (or a later /Prev) names. */
  readonly xrefOffset: number;
  /** Offset of the byte after this revision's `%%EOF` and its end-of-line marker. */
  readonly end: number;
  readonly trailer: PdfDict;
  readonly kind: XrefKind;
}

/** The entry this revision's own sections give for `num`, if any. */
export function revisionEntry(rev: PdfRevision, num: number): XrefEntry | undefined {
  for (const s of rev.sections) {
    const e = s.get(num);
    if (e) return e;
  }
  return undefined;
}
