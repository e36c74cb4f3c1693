/** Placement by page and coordinates in mm from the top-left corner of the page as seen. */
import { pageCount, type RevisionView } from '@openseal/pdf';
import type { SealDesign } from '../appearance/seal-design.js';
import { appearanceBoxAt, placedSeal, sealWidget, type PlacedSeal, type SealAnchor } from './placed-seal.js';
import type { PageSelection } from './text-locator.js';
import { resolvePages } from './text-search.js';

export interface SealPosition {
  /** Distance from the left edge of the page as displayed (after /Rotate and /CropBox), mm. */
  readonly xMm: number;
  /** Distance from the top edge of the page as displayed, mm. */
  readonly yMm: number;
  /** Whether (xMm, yMm) is the picture's top-left corner (default) or its centre. */
  readonly anchor?: SealAnchor;
}

/** One seal on one page (0-based pageIndex). */
export function placeSealAt(view: RevisionView, design: SealDesign, at: SealPosition & { readonly pageIndex: number }): PlacedSeal {
  const box = appearanceBoxAt(design, at.xMm, at.yMm, at.anchor ?? 'top-left');
  return placedSeal([sealWidget(view, at.pageIndex, box, design)]);
}

/** The same seal at the same position on several pages (one widget per page). */
export function placeSealOnPages(view: RevisionView, design: SealDesign, at: SealPosition & { readonly pages?: PageSelection }): PlacedSeal {
  const box = appearanceBoxAt(design, at.xMm, at.yMm, at.anchor ?? 'top-left');
  return placedSeal(resolvePages(at.pages, pageCount(view)).map((p) => sealWidget(view, p, box, design)));
}
