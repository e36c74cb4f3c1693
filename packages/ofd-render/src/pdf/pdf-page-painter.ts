import type { Matrix } from '@openseal/ofd';
import { multiply } from '@openseal/ofd';
import type { Clip, DisplayList, ImageItem, PathItem, StrokeStyle, TextItem } from '../display/display-list.js';
import type { GlyphResolver } from '../fonts/glyph-resolver.js';
import type { WarningLog } from '../render-warning.js';
import { ContentBuilder, n } from './pdf-content.js';
import type { PdfFontSet } from './pdf-font-set.js';
import type { PdfImageSet } from './pdf-image-set.js';

export interface PdfPaintDeps {
  readonly fonts: PdfFontSet;
  readonly images: PdfImageSet;
  readonly glyphs: GlyphResolver;
  readonly warnings: WarningLog;
  /** Resource name of an ExtGState with these fill/stroke alphas. */
  readonly alpha: (fill: number, stroke: number) => string;
}

export const MM_TO_PT = 72 / 25.4;

/**
 * A display list as one page content stream: page mm (y down) become PDF points (y up) through one `cm`;
 * clips are built in page space, then each item's own matrix is applied. Text is shown glyph by glyph
 * (Tm at each origin) with 2-byte glyph ids of the embedded subsets.
 */
export function paintPdfPage(list: DisplayList, deps: PdfPaintDeps): Uint8Array {
  const c = new ContentBuilder();
  c.cm([MM_TO_PT, 0, 0, -MM_TO_PT, 0, list.height * MM_TO_PT]);
  for (const item of list.items) {
    c.op('q');
    clips(c, item.clips);
    switch (item.kind) {
      case 'path':
        path(c, item, deps);
        break;
      case 'text':
        text(c, item, deps);
        break;
      case 'image':
        image(c, item, deps);
        break;
    }
    c.op('Q');
  }
  return c.toBytes();
}

function clips(c: ContentBuilder, list: readonly Clip[]): void {
  for (const clip of list) {
    // A union of shapes with different rules cannot be one PDF clip path; nonzero is used then.
    const evenOdd = clip.shapes.length === 1 && clip.shapes[0]?.rule === 'evenodd';
    for (const s of clip.shapes) c.path(s.path, s.matrix);
    c.op(evenOdd ? 'W* n' : 'W n');
  }
}

function strokeState(c: ContentBuilder, s: StrokeStyle): void {
  c.strokeColor(s.color);
  c.op(`${n(s.width)} w ${s.cap === 'butt' ? 0 : s.cap === 'round' ? 1 : 2} J ${s.join === 'miter' ? 0 : s.join === 'round' ? 1 : 2} j ${n(Math.max(1, s.miterLimit))} M`);
  c.op(s.dash === undefined ? '[] 0 d' : `[${s.dash.map((d) => n(d)).join(' ')}] ${n(s.dashOffset)} d`);
}

function path(c: ContentBuilder, item: PathItem, deps: PdfPaintDeps): void {
  const fillA = (item.fill?.color.a ?? 1) * item.opacity;
  const strokeA = (item.stroke?.color.a ?? 1) * item.opacity;
  if (fillA < 1 || strokeA < 1) c.op(`/${deps.alpha(fillA, strokeA)} gs`);
  c.cm(item.matrix);
  if (item.fill !== undefined) c.fillColor(item.fill.color);
  if (item.stroke !== undefined) strokeState(c, item.stroke);
  c.path(item.path);
  const even = item.fill?.rule === 'evenodd';
  if (item.fill !== undefined && item.stroke !== undefined) c.op(even ? 'B*' : 'B');
  else if (item.fill !== undefined) c.op(even ? 'f*' : 'f');
  else c.op('S');
}

function image(c: ContentBuilder, item: ImageItem, deps: PdfPaintDeps): void {
  let resource: string;
  try {
    resource = deps.images.use(item.image);
  } catch (e) {
    deps.warnings.add('RENDER_IMAGE_BROKEN', `image cannot be embedded: ${e instanceof Error ? e.message : String(e)}`, item.image.key);
    return;
  }
  if (item.opacity < 1) c.op(`/${deps.alpha(item.opacity, item.opacity)} gs`);
  // The item's unit square has the image's top at y = 0; PDF image space has it at y = 1 (§8.9.4).
  c.cm(item.matrix).op(`1 0 0 -1 0 1 cm /${resource} Do`);
}

function text(c: ContentBuilder, item: TextItem, deps: PdfPaintDeps): void {
  if (item.fill === undefined && item.stroke === undefined) return;
  const fillA = (item.fill?.a ?? 1) * item.opacity;
  const strokeA = (item.stroke?.color.a ?? 1) * item.opacity;
  if (fillA < 1 || strokeA < 1) c.op(`/${deps.alpha(fillA, strokeA)} gs`);
  c.cm(item.matrix);
  if (item.fill !== undefined) c.fillColor(item.fill);
  if (item.stroke !== undefined) strokeState(c, item.stroke);
  c.op('BT');
  if (item.hScale !== 1) c.op(`${n(item.hScale * 100)} Tz`);
  const r = (item.charRotation * Math.PI) / 180;
  const rotation: Matrix = [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0];
  const glyphSpace = multiply([1, 0, 0, -1, 0, 0], rotation);
  let current = '';
  let mode = -1;
  for (const g of item.glyphs) {
    const resolved = deps.glyphs.resolve(item.font, g, item.bold, deps.warnings);
    if (resolved === undefined) continue;
    const resource = deps.fonts.use(resolved.font, resolved.gid, g.text);
    if (resource !== current) {
      c.op(`/${resource} ${n(item.size)} Tf`);
      current = resource;
    }
    const fakeBold = item.bold && !resolved.font.metrics.isBold && item.fill !== undefined;
    const m = item.fill !== undefined && (item.stroke !== undefined || fakeBold) ? 2 : item.fill !== undefined ? 0 : 1;
    if (m !== mode) {
      c.op(`${m} Tr`);
      if (fakeBold && item.stroke === undefined) c.op(`${n(item.size * 0.03)} w`).strokeColor(item.fill ?? { r: 0, g: 0, b: 0, a: 1 });
      mode = m;
    }
    const italic = item.italic && !resolved.font.metrics.isItalic;
    const tm = multiply(italic ? multiply([1, 0, 0.2, 1, 0, 0], glyphSpace) : glyphSpace, [1, 0, 0, 1, g.x, g.y]);
    c.op(`${tm.map((v) => n(v, 5)).join(' ')} Tm <${resolved.gid.toString(16).padStart(4, '0')}> Tj`);
  }
  c.op('ET');
}
