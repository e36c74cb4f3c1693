/**
 * Bounds on the work one page may cause, so hostile or broken files cannot hang or exhaust memory.
 * When a bound is reached the renderer stops adding content and reports RENDER_LIMIT_REACHED.
 */
export interface RenderLimits {
  /** Drawing items (paths, text objects, images) per page, templates and annotations included. */
  readonly maxItems: number;
  /** Nesting of PageBlocks, CompositeObjects, clip areas and vector seal pictures. */
  readonly maxDepth: number;
  /** Path segments per page (after arcs become curves). */
  readonly maxPathSegments: number;
  /** Glyphs per page. */
  readonly maxGlyphs: number;
  /** Page edge in mm; larger pages are cut to this size (a 5 m page is no document). */
  readonly maxPageMm: number;
  /** Decoded pixels of one image. */
  readonly maxImagePixels: number;
  /** DrawParam@Relative chain length. */
  readonly maxDrawParamChain: number;
}

export const DEFAULT_RENDER_LIMITS: RenderLimits = {
  maxItems: 200_000,
  maxDepth: 32,
  maxPathSegments: 2_000_000,
  maxGlyphs: 500_000,
  maxPageMm: 5_000,
  maxImagePixels: 64_000_000,
  maxDrawParamChain: 16,
};
