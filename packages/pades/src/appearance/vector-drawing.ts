/**
 * A seal picture as a small list of vector shapes (SVG-like: its own units, y pointing down), so a
 * generated seal needs no bitmap. Rendered into a content stream scaled to the target box.
 */
import { InvalidArgumentError } from '@openseal/kernel';
import type { ContentBuilder } from './content-builder.js';
import { parseSvgPath } from './svg-path.js';

export interface ShapePaint {
  /** '#rrggbb' (or '#rgb'); no fill when absent. */
  readonly fill?: string;
  /** '#rrggbb'; no stroke when absent. */
  readonly stroke?: string;
  /** In the drawing's units (default 1). */
  readonly strokeWidth?: number;
  readonly fillRule?: 'nonzero' | 'evenodd';
  /** Maps the shape's own coordinates into the drawing's, as SVG's transform="matrix(a b c d e f)". */
  readonly transform?: readonly [number, number, number, number, number, number];
}

export type VectorShape =
  | ({ readonly type: 'circle'; readonly cx: number; readonly cy: number; readonly r: number } & ShapePaint)
  | ({ readonly type: 'ellipse'; readonly cx: number; readonly cy: number; readonly rx: number; readonly ry: number } & ShapePaint)
  | ({
      readonly type: 'star';
      readonly cx: number;
      readonly cy: number;
      /** Outer radius. */
      readonly r: number;
      /** Inner radius ÷ outer radius (default 0.382, the regular pentagram). */
      readonly innerRatio?: number;
      readonly points?: number;
      /** Degrees clockwise; 0 = a point straight up. */
      readonly rotation?: number;
    } & ShapePaint)
  | ({ readonly type: 'polygon'; readonly points: readonly (readonly [number, number])[] } & ShapePaint)
  | ({ readonly type: 'path'; readonly d: string } & ShapePaint);

export interface VectorDrawing {
  readonly kind: 'vector';
  /** Width and height of the drawing's coordinate space (like an SVG viewBox at 0,0). */
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly VectorShape[];
}

const MAX_SHAPES = 10_000;

export function parseColor(c: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c.trim());
  if (!m || !m[1]) throw new InvalidArgumentError('colour must be #rgb or #rrggbb', { colour: c });
  const h = m[1].length === 3 ? [...m[1]].map((x) => x + x).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as [number, number, number];
}

function starPoints(s: Extract<VectorShape, { type: 'star' }>): [number, number][] {
  const n = s.points ?? 5;
  if (!Number.isInteger(n) || n < 3 || n > 100) throw new InvalidArgumentError('star points must be an integer 3…100', { points: n });
  const inner = s.r * (s.innerRatio ?? 0.381966);
  const rot = ((s.rotation ?? 0) * Math.PI) / 180;
  const pts: [number, number][] = [];
  for (let i = 0; i < 2 * n; i++) {
    const rad = i % 2 === 0 ? s.r : inner;
    const a = rot + (i * Math.PI) / n;
    // y points down in the drawing: "up" is −y.
    pts.push([s.cx + rad * Math.sin(a), s.cy - rad * Math.cos(a)]);
  }
  return pts;
}

function tracePath(cb: ContentBuilder, shape: VectorShape): void {
  switch (shape.type) {
    case 'circle': cb.circle(shape.cx, shape.cy, shape.r); break;
    case 'ellipse': cb.ellipse(shape.cx, shape.cy, shape.rx, shape.ry); break;
    case 'star':
    case 'polygon': {
      const pts = shape.type === 'star' ? starPoints(shape) : shape.points;
      pts.forEach(([x, y], i) => (i === 0 ? cb.moveTo(x, y) : cb.lineTo(x, y)));
      cb.close();
      break;
    }
    case 'path':
      for (const s of parseSvgPath(shape.d)) {
        if (s.op === 'M') cb.moveTo(s.x, s.y);
        else if (s.op === 'L') cb.lineTo(s.x, s.y);
        else if (s.op === 'C') cb.curveTo(s.x1, s.y1, s.x2, s.y2, s.x, s.y);
        else cb.close();
      }
      break;
  }
}

/** Draws `drawing` into the box [0, 0, w, h] of the current user space (y up). */
export function drawVector(cb: ContentBuilder, drawing: VectorDrawing, w: number, h: number): void {
  if (!(drawing.width > 0 && drawing.height > 0)) throw new InvalidArgumentError('vector drawing needs a positive width and height');
  if (drawing.shapes.length > MAX_SHAPES) throw new InvalidArgumentError('too many shapes', { count: drawing.shapes.length, max: MAX_SHAPES });
  cb.save().concat([w / drawing.width, 0, 0, -h / drawing.height, 0, h]);
  for (const shape of drawing.shapes) {
    if (!shape.fill && !shape.stroke) continue;
    cb.save();
    if (shape.transform) cb.concat(shape.transform);
    if (shape.fill) cb.fillRgb(...parseColor(shape.fill));
    if (shape.stroke) cb.strokeRgb(...parseColor(shape.stroke)).lineWidth(shape.strokeWidth ?? 1);
    tracePath(cb, shape);
    const even = shape.fillRule === 'evenodd';
    if (shape.fill && shape.stroke) cb.op(even ? 'B*' : 'B');
    else if (shape.fill) cb.op(even ? 'f*' : 'f');
    else cb.op('S');
    cb.restore();
  }
  cb.restore();
}
