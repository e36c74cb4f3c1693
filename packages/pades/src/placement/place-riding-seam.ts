/**
 * The riding-seam seal (骑缝章): one seal split into vertical strips, one strip at the right edge of
 * each page, so that the fanned edges of the printed pages show the whole seal. One signature field
 * with one widget per page; each widget's appearance clips the full seal to its strip.
 */
import { pageCount, type RevisionView } from '@openseal/pdf';
import { layoutSeal } from '../appearance/seal-appearance.js';
import type { SealDesign } from '../appearance/seal-design.js';
import { SealPlacementInvalidError } from './errors.js';
import { pageFrame, placedSeal, sealWidget, type PlacedSeal } from './placed-seal.js';
import type { PageSelection } from './text-locator.js';
import { resolvePages } from './text-search.js';

export interface RidingSeamOptions {
  /** Pages that share the seal (default: all). */
  readonly pages?: PageSelection;
  /** Vertical position of the seal centre, mm from the top of each page as seen (default: page middle). */
  readonly yMm?: number;
  /** 'first-left' (default): the first page carries the leftmost strip, as when the stack is fanned
   *  with later pages sticking out further to the right; 'first-right' reverses the order. */
  readonly order?: 'first-left' | 'first-right';
}

export function placeRidingSeam(view: RevisionView, design: SealDesign, options: RidingSeamOptions = {}): PlacedSeal {
  const pages = resolvePages(options.pages, pageCount(view));
  if (pages.length === 0) throw new SealPlacementInvalidError('no pages for the riding-seam seal');
  const layout = layoutSeal(design);
  const strip = layout.widthMm / pages.length;
  const parts = pages.map((pageIndex, k) => {
    const frame = pageFrame(view, pageIndex);
    const slot = options.order === 'first-right' ? pages.length - 1 - k : k;
    const cy = options.yMm ?? frame.heightMm / 2;
    const box = { x: frame.widthMm - strip, y: cy - layout.seal.y - layout.seal.height / 2, width: strip, height: layout.heightMm };
    return sealWidget(view, pageIndex, box, design, { xMm: slot * strip, widthMm: strip });
  });
  return placedSeal(parts);
}
