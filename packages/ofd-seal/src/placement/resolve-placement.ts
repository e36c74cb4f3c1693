import type { OfdDocument } from '@openseal/ofd';
import { OfdSealPlacementError } from '../errors.js';
import { gbt9704Placement } from './gbt9704-placement.js';
import { keywordPlacement } from './keyword-placement.js';
import { box, pageBox } from './page-geometry.js';
import type { ResolvedPlacement, SealPlacement } from './placement.js';
import { seamPlacement } from './seam-placement.js';

/** Turns a placement request into StampAnnot positions for a seal of `size` mm. */
export function resolvePlacement(doc: OfdDocument, placement: SealPlacement, size: { readonly width: number; readonly height: number }): ResolvedPlacement {
  switch (placement.kind) {
    case 'position': {
      const page = pageBox(doc, placement.pageIndex);
      const { x, y } = placement;
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new OfdSealPlacementError('x and y must be numbers (mm)', { x, y });
      // The seal must at least touch the page; a partly hanging seal is the caller's choice.
      if (x + size.width <= page.x || y + size.height <= page.y || x >= page.x + page.width || y >= page.y + page.height) {
        throw new OfdSealPlacementError(`the seal at (${x}, ${y}) mm lies outside the page (${page.width} × ${page.height} mm)`, { x, y, page });
      }
      return { stamps: [{ pageIndex: placement.pageIndex, boundary: box(x, y, size.width, size.height) }], method: 'position' };
    }
    case 'keyword':
      return keywordPlacement(doc, placement, size);
    case 'gbt9704':
      return gbt9704Placement(doc, size);
    case 'seam':
      return seamPlacement(doc, placement, size);
  }
}
