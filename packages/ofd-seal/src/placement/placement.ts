import type { ST_Box } from '@openseal/ofd';

/**
 * Where a seal appears. Positions are OFD page coordinates in millimetres (origin top-left, y down);
 * pages are 0-based indices in document order. The seal is drawn at its true size (SES_ESPictrueInfo).
 */
export type SealPlacement =
  /** The seal's top-left corner at (x, y). */
  | { readonly kind: 'position'; readonly pageIndex: number; readonly x: number; readonly y: number }
  /** Centred on a text found in the page text (TextCode runs); default the last occurrence (落款). */
  | { readonly kind: 'keyword'; readonly keyword: string; readonly pageIndex?: number; readonly occurrence?: 'first' | 'last' | 'all' }
  /** GB/T 9704-2012 §7.3.5: centred on the date line of the last page, pressing on the 署名 and the date. */
  | { readonly kind: 'gbt9704' }
  /** 骑缝章: one vertical strip of the seal at the right edge of each page; the strips join when the pages are fanned. */
  | { readonly kind: 'seam'; readonly pageIndexes?: readonly number[]; readonly y?: number };

/** One StampAnnot to write: page, Boundary on the page and Clip (relative to the Boundary) for strips. */
export interface StampPosition {
  readonly pageIndex: number;
  readonly boundary: ST_Box;
  readonly clip?: ST_Box;
}

export interface ResolvedPlacement {
  readonly stamps: readonly StampPosition[];
  /** How the position was found, for reports and tests ('date-line', 'type-area' for gbt9704, …). */
  readonly method: string;
}
