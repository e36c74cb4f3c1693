import type { Image } from '@napi-rs/canvas';
import { FillType, Path2D, PathOp, loadImage } from '@napi-rs/canvas';
import type { Matrix } from '@openseal/ofd';
import { multiply } from '@openseal/ofd';
import type { Clip, DrawItem, ImageItem, PathItem, PathSeg, Rgba, StrokeStyle, TextItem } from '@openseal/ofd-render';
import type { GlyphResolver, WarningLog } from '@openseal/ofd-render';
import type { Context2D } from './canvas-types.js';
import type { GlyphPathCache } from './glyph-paths.js';

export interface PainterDeps {
  readonly glyphs: GlyphResolver;
  readonly glyphPaths: GlyphPathCache;
  readonly warnings: WarningLog;
  /** Device pixels per mm. */
  readonly scale: number;
}

/** Draws display items onto a canvas whose base transform maps page mm to device pixels. */
export class CanvasPainter {
  readonly #images = new Map<string, Image | null>();

  constructor(private readonly ctx: Context2D, private readonly deps: PainterDeps) {}

  paint(items: readonly DrawItem[]): void {
    for (const item of items) {
      this.ctx.save();
      try {
        if (this.applyClips(item.clips)) this.drawItem(item);
      } finally {
        this.ctx.restore();
      }
    }
  }

  private drawItem(item: DrawItem): void {
    switch (item.kind) {
      case 'path':
        return this.drawPath(item);
      case 'text':
        return this.drawText(item);
      case 'image':
        return this.drawImage(item);
    }
  }

  /** Intersects every Clip (each the union of its shapes); false when the visible area is empty. */
  private applyClips(clips: readonly Clip[]): boolean {
    const s = this.deps.scale;
    this.ctx.setTransform(s, 0, 0, s, 0, 0);
    for (const clip of clips) {
      let union: Path2D | undefined;
      for (const shape of clip.shapes) {
        const p = new Path2D();
        p.addPath(toPath2D(shape.path), toDomMatrix(shape.matrix));
        if (shape.rule === 'evenodd') p.setFillType(FillType.EvenOdd);
        union = union === undefined ? p : union.op(p, PathOp.Union);
      }
      if (union === undefined) return false;
      this.ctx.clip(union);
    }
    return true;
  }

  private drawPath(item: PathItem): void {
    const path = toPath2D(item.path);
    this.setTransform(item.matrix);
    if (item.fill !== undefined) {
      this.ctx.fillStyle = css(item.fill.color, item.opacity);
      this.ctx.fill(path, item.fill.rule);
    }
    if (item.stroke !== undefined) {
      this.applyStroke(item.stroke, item.opacity, item.matrix);
      this.ctx.stroke(path);
    }
  }

  private applyStroke(s: StrokeStyle, opacity: number, m: Matrix): void {
    this.ctx.strokeStyle = css(s.color, opacity);
    // Zero width = the thinnest visible line (one device pixel), as PDF viewers draw it.
    const det = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2])) * this.deps.scale;
    this.ctx.lineWidth = s.width > 0 ? s.width : det > 0 ? 1 / det : 0.1;
    this.ctx.lineCap = s.cap;
    this.ctx.lineJoin = s.join;
    this.ctx.miterLimit = Math.max(1, s.miterLimit);
    this.ctx.setLineDash(s.dash === undefined ? [] : [...s.dash]);
    this.ctx.lineDashOffset = s.dashOffset;
  }

  /** All glyphs of a text item become one path in item space (one fill per item, not per glyph). */
  private drawText(item: TextItem): void {
    const size = item.size;
    const combined = new Path2D();
    let fakeBold = false;
    let drawn = 0;
    const r = (item.charRotation * Math.PI) / 180;
    for (const g of item.glyphs) {
      const resolved = this.deps.glyphs.resolve(item.font, g, item.bold, this.deps.warnings);
      if (resolved === undefined) continue;
      const path = this.deps.glyphPaths.get(resolved.font, resolved.gid);
      if (path === undefined) continue;
      const em = size / resolved.font.unitsPerEm;
      // Font units (y up) → item space: scale and flip, optional synthetic italic, rotation, origin.
      let m: Matrix = [em * item.hScale, 0, 0, -em, 0, 0];
      if (item.italic && !resolved.font.metrics.isItalic) m = multiply(m, [1, 0, -0.2, 1, 0, 0]);
      if (r !== 0) m = multiply(m, [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]);
      m = multiply(m, [1, 0, 0, 1, g.x, g.y]);
      combined.addPath(path, toDomMatrix(m));
      if (item.bold && !resolved.font.metrics.isBold) fakeBold = true;
      drawn++;
    }
    if (drawn === 0) return;
    this.setTransform(item.matrix);
    if (item.fill !== undefined) {
      this.ctx.fillStyle = css(item.fill, item.opacity);
      this.ctx.fill(combined);
    }
    if (item.stroke !== undefined || (fakeBold && item.fill !== undefined)) {
      const colour = item.stroke?.color ?? item.fill ?? { r: 0, g: 0, b: 0, a: 1 };
      this.ctx.strokeStyle = css(colour, item.opacity);
      // Synthetic bold: an outline stroke of 3 % of the em, as word processors do.
      this.ctx.lineWidth = item.stroke !== undefined ? item.stroke.width : size * 0.03;
      this.ctx.lineJoin = 'round';
      this.ctx.setLineDash([]);
      this.ctx.stroke(combined);
    }
  }

  private drawImage(item: ImageItem): void {
    const img = this.image(item);
    if (img === undefined) return;
    this.setTransform(item.matrix);
    this.ctx.globalAlpha = item.opacity;
    this.ctx.imageSmoothingEnabled = true;
    this.ctx.drawImage(img, 0, 0, 1, 1);
  }

  private image(item: ImageItem): Image | undefined {
    return this.#images.get(item.image.key) ?? undefined;
  }

  /** Decodes every image first: Skia decodes in the background, so drawing must wait for it. */
  async loadImages(items: readonly DrawItem[]): Promise<void> {
    for (const item of items) {
      if (item.kind !== 'image' || this.#images.has(item.image.key)) continue;
      const key = item.image.key;
      try {
        const bytes = item.image.bytes;
        this.#images.set(key, await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
      } catch (e) {
        this.deps.warnings.add('RENDER_IMAGE_BROKEN', `image cannot be decoded: ${e instanceof Error ? e.message : String(e)}`, key);
        this.#images.set(key, null);
      }
    }
  }

  private setTransform(m: Matrix): void {
    const s = this.deps.scale;
    this.ctx.setTransform(m[0] * s, m[1] * s, m[2] * s, m[3] * s, m[4] * s, m[5] * s);
  }
}

function toDomMatrix(m: Matrix): { a: number; b: number; c: number; d: number; e: number; f: number } {
  return { a: m[0], b: m[1], c: m[2], d: m[3], e: m[4], f: m[5] };
}

export function toPath2D(path: readonly PathSeg[]): Path2D {
  const p = new Path2D();
  for (const s of path) {
    switch (s.op) {
      case 'M':
        p.moveTo(s.x, s.y);
        break;
      case 'L':
        p.lineTo(s.x, s.y);
        break;
      case 'Q':
        p.quadraticCurveTo(s.x1, s.y1, s.x, s.y);
        break;
      case 'C':
        p.bezierCurveTo(s.x1, s.y1, s.x2, s.y2, s.x, s.y);
        break;
      case 'Z':
        p.closePath();
        break;
    }
  }
  return p;
}

function css(c: Rgba, opacity: number): string {
  return `rgba(${c.r},${c.g},${c.b},${Math.max(0, Math.min(1, c.a * opacity))})`;
}
