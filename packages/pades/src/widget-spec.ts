import type { IncrementalWriter, PdfRef, RevisionView } from '@openseal/pdf';

/** One widget annotation of a signature field: where it goes and what it shows. */
export interface WidgetSpec {
  pageIndex: number; // 0-based
  rect: readonly [number, number, number, number]; // PDF user space points [x1 y1 x2 y2] on that page (already accounting for /Rotate and /CropBox)
  /** Writes the normal appearance Form XObject (and its resources) into the update; returns its reference. */
  appearance?: (writer: IncrementalWriter, view: RevisionView) => PdfRef;
}

/** A visible seal may have several widgets (a riding-seam seal = one field, one widget per page strip). */
export interface SealAppearance {
  widgets: readonly WidgetSpec[];
}
