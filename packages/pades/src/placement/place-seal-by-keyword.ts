/** Placement by keyword: the seal centred on (or offset from) text found on the page. */
import type { RevisionView } from '@openseal/pdf';
import type { SealDesign } from '../appearance/seal-design.js';
import { SealTextNotFoundError } from './errors.js';
import { appearanceBoxAt, pageFrame, placedSeal, sealWidget, type PlacedSeal } from './placed-seal.js';
import type { PageSelection, TextLocator, TextMatch } from './text-locator.js';

export interface KeywordPlacementOptions {
  readonly keyword: string | RegExp;
  readonly locator: TextLocator;
  /** Which occurrence(s) get a seal, in reading order over the pages searched (default 'first'). */
  readonly occurrence?: 'first' | 'last' | 'all' | number;
  readonly pages?: PageSelection;
  /** Point of the found text the seal centre goes to before the offset (default 'center'). */
  readonly align?: 'center' | 'start' | 'end';
  /** Shift of the seal centre from that point, mm as seen (x to the right, y downwards). */
  readonly offsetMm?: { readonly x?: number; readonly y?: number };
}

export interface KeywordPlacedSeal extends PlacedSeal {
  /** The text found for each widget, in the same order. */
  readonly matches: readonly TextMatch[];
}

/**
 * Finds the keyword through text extraction and places one widget per chosen occurrence.
 * `pdf` must be the bytes `view` was loaded from. SEAL_TEXT_NOT_FOUND when nothing matches.
 */
export async function placeSealByKeyword(pdf: Uint8Array, view: RevisionView, design: SealDesign, options: KeywordPlacementOptions): Promise<KeywordPlacedSeal> {
  const occurrence = options.occurrence ?? 'first';
  const matches = await options.locator.find(pdf, options.keyword, { occurrence, ...(options.pages ? { pages: options.pages } : {}) });
  if (matches.length === 0) {
    throw new SealTextNotFoundError(String(options.keyword), { occurrence: String(occurrence), ...(options.pages ? { pages: options.pages } : {}) });
  }
  const parts = matches.map((m) => {
    const seen = pageFrame(view, m.pageIndex).rectToSeen(m.rect);
    const align = options.align ?? 'center';
    const x = align === 'start' ? seen.x : align === 'end' ? seen.x + seen.width : seen.x + seen.width / 2;
    const y = seen.y + seen.height / 2;
    const box = appearanceBoxAt(design, x + (options.offsetMm?.x ?? 0), y + (options.offsetMm?.y ?? 0), 'center');
    return sealWidget(view, m.pageIndex, box, design);
  });
  return { ...placedSeal(parts), matches };
}
