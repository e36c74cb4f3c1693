import type { OfdDocument, OfdPage, SignatureList } from '@openseal/ofd';
import type { ImageDecoder } from '../images/bitmap.js';
import type { RenderLimits } from '../render-limits.js';
import type { RenderWarning, WarningLog } from '../render-warning.js';
import type { DisplayList, FontFace, RasterImage } from './display-list.js';
import type { StampResolver } from './stamp-picture.js';

export interface DisplayListOptions {
  readonly limits?: Partial<RenderLimits>;
  /** Draw annotations from Annotations.xml (default true). */
  readonly annotations?: boolean;
  /** Draw signature appearances (StampAnnot) through `stampResolver` (default true when one is given). */
  readonly stamps?: boolean;
  readonly stampResolver?: StampResolver;
  /** Decoder for image formats beyond PNG, JPEG, JBIG2 and BMP. */
  readonly imageDecoder?: ImageDecoder;
  /**
   * Clip text to its TextObject Boundary as §8.5 says (default false: many producers write line boxes
   * tighter than the glyphs, and cutting descenders loses more than it gains).
   */
  readonly clipTextToBoundary?: boolean;
}

/** A page's display list with what could not be drawn. */
export interface PageDisplayList extends DisplayList {
  readonly pageIndex: number;
  readonly pageId: number;
  readonly warnings: readonly RenderWarning[];
}

/** What page drawing needs from the document-wide context (fonts, images, signatures read once). */
export interface DrawContext {
  readonly doc: OfdDocument;
  readonly options: DisplayListOptions;
  readonly limits: RenderLimits;
  readonly depth: number;
  fontFace(page: OfdPage, id: number, warnings: WarningLog): FontFace;
  image(page: OfdPage, id: number): Promise<{ image?: RasterImage; warning?: RenderWarning }>;
  signatures(): { list?: SignatureList; error?: string };
  annotations(): { value?: ReturnType<OfdDocument['annotations']>; error?: string };
  /** A context for another document (a vector seal picture), one level deeper. */
  nested(doc: OfdDocument): { displayList(index: number): Promise<PageDisplayList> };
}

export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
