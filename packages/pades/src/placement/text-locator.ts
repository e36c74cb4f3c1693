/**
 * Finding text on pages, behind small interfaces so the extraction engine can be swapped: a
 * TextRunSource yields positioned runs per page; a TextLocator searches them and groups lines.
 */
import type { UserRect } from '../appearance/page-frame.js';

/** A run of text on one page, positioned in that page's user space. */
export interface TextRun {
  readonly text: string;
  /** Origin of the first glyph on the baseline (user space). */
  readonly x: number;
  readonly y: number;
  /** Unit vector of the writing direction in user space ((1, 0) for ordinary horizontal text). */
  readonly dx: number;
  readonly dy: number;
  /** Advance of the whole run along the direction, in user units. */
  readonly advance: number;
  /** Font size (1 em) in user units. */
  readonly size: number;
  /** Ascent and descent as fractions of the em (descent ≤ 0). */
  readonly ascent: number;
  readonly descent: number;
}

/** Where text extraction comes from (pdf.js here; another engine can implement it). */
export interface TextRunSource {
  /** Runs all extraction for one document; the session is closed when `use` settles. */
  open<T>(pdf: Uint8Array, use: (doc: TextRunDocument) => Promise<T>): Promise<T>;
}

export interface TextRunDocument {
  readonly pageCount: number;
  runs(pageIndex: number): Promise<readonly TextRun[]>;
}

/** Pages to search, 0-based and inclusive; negative numbers count from the end (−1 = last page). */
export type PageSelection = { readonly from?: number; readonly to?: number } | readonly number[];

export interface FindTextOptions {
  readonly pages?: PageSelection;
  /** Which matches to return, in reading order over the selected pages (default 'all'). */
  readonly occurrence?: 'first' | 'last' | 'all' | number;
}

export interface TextMatch {
  readonly pageIndex: number;
  /** Bounding box of the matched glyphs in the page's user space. */
  readonly rect: UserRect;
  /** The text matched, as extracted (whitespace removed). */
  readonly text: string;
}

export interface TextLine {
  readonly pageIndex: number;
  readonly text: string;
  readonly rect: UserRect;
  /** Largest font size on the line (user units). */
  readonly size: number;
}

export interface TextLocator {
  /**
   * Finds `query` on the selected pages. Matching ignores whitespace and compares NFKC forms, so
   * “（盖章）” also finds “(盖章)”; a RegExp is run on that normalised text.
   */
  find(pdf: Uint8Array, query: string | RegExp, options?: FindTextOptions): Promise<TextMatch[]>;
  /** Text lines (runs grouped by baseline in their writing direction) of the selected pages, top to bottom. */
  lines(pdf: Uint8Array, options?: { readonly pages?: PageSelection }): Promise<TextLine[]>;
}
