/**
 * A small anti-aliased scanline rasteriser for filled paths: curves are flattened, each pixel row is
 * sampled on 5 sub-scanlines, and span ends get fractional (analytic) horizontal coverage. Enough for
 * seal pictures without a native graphics library.
 */
import type { PathSegment } from '../render/draw-list.js';

export interface FillPath {
  readonly commands: readonly PathSegment[];
  readonly rule: 'nonzero' | 'evenodd';
  readonly alpha: number;
}

interface Edge { x0: number; y0: number; x1: number; y1: number; dir: number }

const SUB = 5;

/** Coverage (0–1) of all paths composited source-over, `scale` pixels per unit, as alpha per pixel. */
export function rasterizeAlpha(paths: readonly FillPath[], width: number, height: number, scale: number): Float32Array {
  const out = new Float32Array(width * height);
  const cover = new Float32Array(width * height);
  for (const p of paths) {
    cover.fill(0);
    fillPath(flatten(p.commands, scale), p.rule, width, height, cover);
    for (let i = 0; i < out.length; i++) {
      const a = Math.min(1, cover[i] as number) * p.alpha;
      out[i] = (out[i] as number) + a * (1 - (out[i] as number));
    }
  }
  return out;
}

function flatten(commands: readonly PathSegment[], scale: number): Edge[] {
  const edges: Edge[] = [];
  let sx = 0, sy = 0, x = 0, y = 0;
  const line = (x1: number, y1: number) => {
    if (y1 !== y) edges.push(y < y1 ? { x0: x, y0: y, x1, y1, dir: 1 } : { x0: x1, y0: y1, x1: x, y1: y, dir: -1 });
    x = x1;
    y = y1;
  };
  for (const c of commands) {
    if (c.op === 'M') {
      if (x !== sx || y !== sy) line(sx, sy);
      x = sx = c.x * scale;
      y = sy = c.y * scale;
    } else if (c.op === 'L') line(c.x * scale, c.y * scale);
    else if (c.op === 'C') {
      const [x0, y0] = [x, y];
      const [x1, y1, x2, y2, x3, y3] = [c.x1 * scale, c.y1 * scale, c.x2 * scale, c.y2 * scale, c.x * scale, c.y * scale];
      const n = Math.max(2, Math.min(64, Math.ceil(Math.hypot(x3 - x0, y3 - y0) / 2)));
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const u = 1 - t;
        line(u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3, u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3);
      }
    } else line(sx, sy);
  }
  if (x !== sx || y !== sy) line(sx, sy);
  return edges;
}

function fillPath(edges: Edge[], rule: 'nonzero' | 'evenodd', width: number, height: number, cover: Float32Array): void {
  edges.sort((a, b) => a.y0 - b.y0);
  const active: Edge[] = [];
  let next = 0;
  const xs: { x: number; dir: number }[] = [];
  for (let row = 0; row < height; row++) {
    for (let s = 0; s < SUB; s++) {
      const sy = row + (s + 0.5) / SUB;
      while (next < edges.length && (edges[next] as Edge).y0 <= sy) active.push(edges[next++] as Edge);
      xs.length = 0;
      for (let i = active.length - 1; i >= 0; i--) {
        const e = active[i] as Edge;
        if (e.y1 <= sy) {
          active.splice(i, 1);
          continue;
        }
        if (e.y0 > sy) continue;
        xs.push({ x: e.x0 + ((sy - e.y0) / (e.y1 - e.y0)) * (e.x1 - e.x0), dir: e.dir });
      }
      xs.sort((a, b) => a.x - b.x);
      let wind = 0;
      for (let i = 0; i < xs.length - 1; i++) {
        wind += rule === 'nonzero' ? (xs[i] as { dir: number }).dir : 1;
        const inside = rule === 'nonzero' ? wind !== 0 : wind % 2 === 1;
        if (inside) span(cover, row * width, width, (xs[i] as { x: number }).x, (xs[i + 1] as { x: number }).x);
      }
    }
  }
}

/** Adds 1/SUB of coverage for [xa, xb) on one sub-scanline, with fractional ends. */
function span(cover: Float32Array, rowStart: number, width: number, xa: number, xb: number): void {
  const a = Math.max(0, xa);
  const b = Math.min(width, xb);
  if (b <= a) return;
  const ia = Math.floor(a);
  const ib = Math.floor(b);
  const w = 1 / SUB;
  if (ia === ib) {
    cover[rowStart + ia] = (cover[rowStart + ia] as number) + (b - a) * w;
    return;
  }
  cover[rowStart + ia] = (cover[rowStart + ia] as number) + (ia + 1 - a) * w;
  for (let i = ia + 1; i < ib; i++) cover[rowStart + i] = (cover[rowStart + i] as number) + w;
  if (ib < width) cover[rowStart + ib] = (cover[rowStart + ib] as number) + (b - ib) * w;
}
