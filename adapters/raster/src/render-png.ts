import { createCanvas } from '@napi-rs/canvas';
import type { DisplayList, GlyphResolver, RenderWarning } from '@openseal/ofd-render';
import { WarningLog } from '@openseal/ofd-render';
import { CanvasPainter } from './canvas-painter.js';
import { GlyphPathCache } from './glyph-paths.js';

export interface PngRenderOptions {
  /** Dots per inch (default 150). */
  readonly dpi?: number;
  /** Where glyph outlines come from: the document's fonts, then free substitutes. Share one across pages. */
  readonly glyphs: GlyphResolver;
  /** Background colour (default white); `false` keeps the page transparent. */
  readonly background?: string | false;
  /** Largest image in pixels; larger requests are rendered at a lower DPI and reported (default 100 M). */
  readonly maxPixels?: number;
}

export interface PngPage {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly warnings: readonly RenderWarning[];
}

const glyphPathCache = new GlyphPathCache();

/** Rasterises a display list with Skia (@napi-rs/canvas); text is drawn from glyph outlines. */
export async function renderDisplayListPng(list: DisplayList & { readonly warnings?: readonly RenderWarning[] }, options: PngRenderOptions): Promise<PngPage> {
  const warnings = new WarningLog();
  for (const w of list.warnings ?? []) warnings.add(w.code, w.message, w.ref);
  let dpi = options.dpi ?? 150;
  if (!(dpi > 0 && Number.isFinite(dpi))) dpi = 150;
  const maxPixels = options.maxPixels ?? 100_000_000;
  const pixels = (d: number): number => Math.ceil((list.width * d) / 25.4) * Math.ceil((list.height * d) / 25.4);
  if (pixels(dpi) > maxPixels) {
    const reduced = Math.floor(dpi * Math.sqrt(maxPixels / pixels(dpi)));
    warnings.add('RENDER_LIMIT_REACHED', `${dpi} dpi would need ${pixels(dpi)} pixels; rendered at ${reduced} dpi`);
    dpi = Math.max(1, reduced);
  }
  const scale = dpi / 25.4;
  const width = Math.max(1, Math.ceil(list.width * scale));
  const height = Math.max(1, Math.ceil(list.height * scale));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (options.background !== false) {
    ctx.fillStyle = options.background ?? '#ffffff';
    ctx.fillRect(0, 0, width, height);
  }
  const painter = new CanvasPainter(ctx, { glyphs: options.glyphs, glyphPaths: glyphPathCache, warnings, scale });
  await painter.loadImages(list.items);
  painter.paint(list.items);
  const png = canvas.toBuffer('image/png');
  return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), width, height, dpi, warnings: warnings.list };
}
