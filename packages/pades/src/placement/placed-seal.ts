/** A seal placed on pages: the widget list for the signing core, plus the geometry for previews. */
import { getPage, type RevisionView } from '@openseal/pdf';
import { PageFrame, type MmBox, type UserRect } from '../appearance/page-frame.js';
import { layoutSeal, writeSealAppearance, type AppearanceSlice } from '../appearance/seal-appearance.js';
import type { SealDesign } from '../appearance/seal-design.js';
import type { SealAppearance, WidgetSpec } from '../widget-spec.js';
import { SealPlacementInvalidError } from './errors.js';

export interface SealPlacement {
  readonly pageIndex: number;
  /** The appearance box as seen: mm from the top-left of the displayed page. */
  readonly box: MmBox;
  /** The same box in the page's user space (the widget /Rect). */
  readonly rect: UserRect;
}

export interface PlacedSeal extends SealAppearance {
  /** One entry per widget, in the same order. */
  readonly placements: readonly SealPlacement[];
}

/** How the point (xMm, yMm) relates to the seal picture. */
export type SealAnchor = 'top-left' | 'center';

export function pageFrame(view: RevisionView, pageIndex: number): PageFrame {
  if (!Number.isInteger(pageIndex) || pageIndex < 0) throw new SealPlacementInvalidError('page index must be a non-negative integer', { pageIndex });
  try {
    return PageFrame.of(getPage(view, pageIndex));
  } catch (e) {
    if (e instanceof RangeError) throw new SealPlacementInvalidError('no such page', { pageIndex });
    throw e;
  }
}

/** The appearance box for a seal picture whose anchor point is (xMm, yMm) as seen. */
export function appearanceBoxAt(design: SealDesign, xMm: number, yMm: number, anchor: SealAnchor): MmBox {
  if (!Number.isFinite(xMm) || !Number.isFinite(yMm)) throw new SealPlacementInvalidError('coordinates must be finite numbers', { xMm, yMm });
  const layout = layoutSeal(design);
  const pictureX = anchor === 'center' ? xMm - layout.seal.width / 2 : xMm;
  const pictureY = anchor === 'center' ? yMm - layout.seal.height / 2 : yMm;
  return { x: pictureX - layout.seal.x, y: pictureY - layout.seal.y, width: layout.widthMm, height: layout.heightMm };
}

/** A widget showing `design` (or a slice of it) in `box` on the page. */
export function sealWidget(view: RevisionView, pageIndex: number, box: MmBox, design: SealDesign, slice?: AppearanceSlice): { widget: WidgetSpec; placement: SealPlacement } {
  const frame = pageFrame(view, pageIndex);
  const overlapsPage = box.x < frame.widthMm && box.y < frame.heightMm && box.x + box.width > 0 && box.y + box.height > 0;
  if (!overlapsPage) throw new SealPlacementInvalidError('the seal lies entirely outside the page', { pageIndex, box, pageWidthMm: frame.widthMm, pageHeightMm: frame.heightMm });
  const rect = frame.boxToUser(box);
  const widget: WidgetSpec = {
    pageIndex,
    rect,
    appearance: (writer) => writeSealAppearance(writer, design, frame, slice),
  };
  return { widget, placement: { pageIndex, box, rect } };
}

export function placedSeal(parts: readonly { widget: WidgetSpec; placement: SealPlacement }[]): PlacedSeal {
  return { widgets: parts.map((p) => p.widget), placements: parts.map((p) => p.placement) };
}
