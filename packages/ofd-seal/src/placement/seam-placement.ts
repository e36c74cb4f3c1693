import type { OfdDocument } from '@openseal/ofd';
import { OfdSealPlacementError } from '../errors.js';
import { box, checkPageIndex, pageBox } from './page-geometry.js';
import type { ResolvedPlacement, StampPosition } from './placement.js';

/**
 * 骑缝章 (riding-seam seal): the picture is cut into as many vertical strips as pages; page k shows
 * strip k at its right edge — Boundary = the whole seal placed so that strip k ends at the page edge,
 * Clip = strip k (relative to the Boundary), as ofdrw's V4RideRight does. One signature, one StampAnnot
 * per page; fanned pages show the whole seal.
 */
export function seamPlacement(
  doc: OfdDocument,
  spec: { readonly pageIndexes?: readonly number[]; readonly y?: number },
  size: { readonly width: number; readonly height: number },
): ResolvedPlacement {
  const pages = spec.pageIndexes ?? doc.pages.map((p) => p.index);
  if (pages.length === 0) throw new OfdSealPlacementError('a riding-seam seal needs at least one page');
  if (new Set(pages).size !== pages.length) throw new OfdSealPlacementError('a page is listed twice for the riding-seam seal', { pageIndexes: pages });
  const strip = size.width / pages.length;
  const stamps: StampPosition[] = pages.map((pageIndex, k) => {
    checkPageIndex(doc, pageIndex);
    const page = pageBox(doc, pageIndex);
    const y = spec.y ?? page.y + (page.height - size.height) / 2;
    const right = page.x + page.width;
    return {
      pageIndex,
      boundary: box(right - strip * (k + 1), y, size.width, size.height),
      clip: box(strip * k, 0, strip, size.height),
    };
  });
  return { stamps, method: 'seam' };
}
