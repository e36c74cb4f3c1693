/**
 * A seal picture as vector shapes in millimetres (origin top-left, y down), rendered to SVG or PNG.
 * Everything is filled outlines — glyphs come from the font's own outlines — so the SVG and the PNG
 * agree and need no fonts.
 */
import type { Font } from '@openseal/fonts';
import type { PathSegment } from '../render/draw-list.js';

export interface SealShape {
  readonly commands: readonly PathSegment[];
  readonly rule: 'nonzero' | 'evenodd';
  /** Opacity 0–1 (the security texture is faint). */
  readonly alpha: number;
}

export interface SealDrawing {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly color: readonly [number, number, number];
  readonly shapes: readonly SealShape[];
}

/** A glyph outline scaled to `sizeMm`, squeezed by `hScale`, rotated by `angle` (radians, clockwise), baseline centre at (x, y). */
export function glyphOutline(font: Font, ch: string, sizeMm: number, at: { x: number; y: number; angle?: number; hScale?: number; vScale?: number }): PathSegment[] {
  const cp = ch.codePointAt(0) as number;
  const gid = font.glyphIdForCodePoint(cp);
  const s = sizeMm / font.unitsPerEm;
  const hs = at.hScale ?? 1;
  const vs = at.vScale ?? 1;
  const half = (font.advanceWidth(gid) * s * hs) / 2;
  const cos = Math.cos(at.angle ?? 0);
  const sin = Math.sin(at.angle ?? 0);
  // Font units are y-up; flip, centre on the advance, then rotate clockwise on the page (y down).
  const tx = (x: number, y: number): [number, number] => {
    const lx = x * s * hs - half;
    const ly = -y * s * vs;
    return [at.x + lx * cos - ly * sin, at.y + lx * sin + ly * cos];
  };
  const out: PathSegment[] = [];
  let cx = 0;
  let cy = 0;
  for (const c of font.glyphPath(gid)) {
    if (c.type === 'Z') out.push({ op: 'Z' });
    else if (c.type === 'M' || c.type === 'L') {
      const [x, y] = tx(c.x, c.y);
      out.push({ op: c.type, x, y });
    } else if (c.type === 'Q') {
      // A quadratic Bézier is the cubic with control points 2/3 of the way to the quadratic's.
      const [x0, y0] = [cx, cy];
      const [x1, y1] = [x0 + (2 / 3) * (c.x1 - x0), y0 + (2 / 3) * (c.y1 - y0)];
      const [x2, y2] = [c.x + (2 / 3) * (c.x1 - c.x), c.y + (2 / 3) * (c.y1 - c.y)];
      const [a, b] = tx(x1, y1);
      const [d, e] = tx(x2, y2);
      const [x, y] = tx(c.x, c.y);
      out.push({ op: 'C', x1: a, y1: b, x2: d, y2: e, x, y });
    } else {
      const [a, b] = tx(c.x1, c.y1);
      const [d, e] = tx(c.x2, c.y2);
      const [x, y] = tx(c.x, c.y);
      out.push({ op: 'C', x1: a, y1: b, x2: d, y2: e, x, y });
    }
    if (c.type !== 'Z') {
      cx = c.x;
      cy = c.y;
    }
  }
  return out;
}

/** An ellipse (circle when rx = ry) as four cubic quarter arcs; the quarter from unit vector p to q has controls p + k·q and q + k·p. */
export function ellipsePath(cx: number, cy: number, rx: number, ry: number, clockwise = true): PathSegment[] {
  const k = 0.5522847498;
  const out: PathSegment[] = [{ op: 'M', x: cx + rx, y: cy }];
  let p: [number, number] = [1, 0];
  const seq: [number, number][] = clockwise ? [[0, 1], [-1, 0], [0, -1], [1, 0]] : [[0, -1], [-1, 0], [0, 1], [1, 0]];
  for (const q of seq) {
    out.push({
      op: 'C',
      x1: cx + rx * (p[0] + k * q[0]), y1: cy + ry * (p[1] + k * q[1]),
      x2: cx + rx * (q[0] + k * p[0]), y2: cy + ry * (q[1] + k * p[1]),
      x: cx + rx * q[0], y: cy + ry * q[1],
    });
    p = q;
  }
  out.push({ op: 'Z' });
  return out;
}

/** A rectangle path (clockwise). */
export function rectPath(x: number, y: number, w: number, h: number): PathSegment[] {
  return [{ op: 'M', x, y }, { op: 'L', x: x + w, y }, { op: 'L', x: x + w, y: y + h }, { op: 'L', x, y: y + h }, { op: 'Z' }];
}
