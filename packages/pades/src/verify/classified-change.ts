import type { PdfObject } from '@openseal/pdf';
import type { ModificationCategory } from './modification-category.js';

/** One object an incremental update wrote, classified. */
export interface ClassifiedChange {
  readonly revision: number;
  /** The object concerned (absent for trailer-level findings). */
  readonly object?: number;
  readonly change: 'added' | 'changed' | 'deleted' | 'trailer';
  readonly category: ModificationCategory;
  /** Field concerned, for form fills and signatures (field locks apply to it). */
  readonly field?: string;
  readonly description: string;
}

/** How one change was judged, and the values whose new objects inherit the judgement. */
export interface ChangeVerdict {
  readonly category: ModificationCategory;
  readonly description: string;
  readonly field?: string;
  /** Values whose new objects inherit this verdict. */
  readonly roots?: readonly PdfObject[];
}
