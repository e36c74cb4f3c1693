import type { PathCommand } from '@openseal/ofd';
import type { PathSeg } from './display-list.js';

/**
 * AbbreviatedData (GB/T 33190 §9.1, 表36) to plain segments: S and M start a subpath, B is a cubic, and
 * A (an SVG-style endpoint arc) becomes cubic Béziers of at most 90° each (SVG 1.1 Appendix F.6.5).
 */
export function toPathSegments(commands: readonly PathCommand[]): PathSeg[] {
  const out: PathSeg[] = [];
  let cx = 0;
  let cy = 0;
  let startX = 0;
  let startY = 0;
  for (const c of commands) {
    switch (c.op) {
      case 'S':
      case 'M':
        out.push({ op: 'M', x: c.x, y: c.y });
        [cx, cy, startX, startY] = [c.x, c.y, c.x, c.y];
        break;
      case 'L':
        out.push({ op: 'L', x: c.x, y: c.y });
        [cx, cy] = [c.x, c.y];
        break;
      case 'Q':
        out.push({ op: 'Q', x1: c.x1, y1: c.y1, x: c.x, y: c.y });
        [cx, cy] = [c.x, c.y];
        break;
      case 'B':
        out.push({ op: 'C', x1: c.x1, y1: c.y1, x2: c.x2, y2: c.y2, x: c.x, y: c.y });
        [cx, cy] = [c.x, c.y];
        break;
      case 'A':
        out.push(...arcToCubics(cx, cy, c.rx, c.ry, c.angle, c.largeArc, c.sweep, c.x, c.y));
        [cx, cy] = [c.x, c.y];
        break;
      case 'C':
        out.push({ op: 'Z' });
        [cx, cy] = [startX, startY];
        break;
    }
  }
  return out;
}

/** An elliptical arc from (x1, y1) to (x2, y2) as cubic segments (a line when a radius is zero). */
export function arcToCubics(x1: number, y1: number, rxIn: number, ryIn: number, angleDeg: number, largeArc: boolean, sweep: boolean, x2: number, y2: number): PathSeg[] {
  if (x1 === x2 && y1 === y2) return [];
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if (rx === 0 || ry === 0) return [{ op: 'L', x: x2, y: y2 }];
  const phi = (angleDeg * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (x1 - x2) / 2;
  const dy = (y1 - y2) / 2;
  const x1p = cos * dx + sin * dy;
  const y1p = -sin * dx + cos * dy;
  const lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
  const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
  let coef = Math.sqrt(Math.max(0, num / den));
  if (largeArc === sweep) coef = -coef;
  const cxp = (coef * rx * y1p) / ry;
  const cyp = (-coef * ry * x1p) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number): number => {
    const a = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
    return a;
  };
  const theta1 = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
  let delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const n = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9));
  const step = delta / n;
  const k = (4 / 3) * Math.tan(step / 4);
  const point = (t: number): [number, number, number, number] => {
    const ct = Math.cos(t);
    const st = Math.sin(t);
    // point and derivative on the ellipse, rotated by phi
    return [cx + rx * ct * cos - ry * st * sin, cy + rx * ct * sin + ry * st * cos, -rx * st * cos - ry * ct * sin, -rx * st * sin + ry * ct * cos];
  };
  const segs: PathSeg[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = theta1 + i * step;
    const t1 = t0 + step;
    const [px0, py0, dx0, dy0] = point(t0);
    const [px1, py1, dx1, dy1] = point(t1);
    const last = i === n - 1;
    segs.push({ op: 'C', x1: px0 + k * dx0, y1: py0 + k * dy0, x2: px1 - k * dx1, y2: py1 - k * dy1, x: last ? x2 : px1, y: last ? y2 : py1 });
  }
  return segs;
}

/** A rectangle as a closed path. */
export function rectPath(x: number, y: number, w: number, h: number): PathSeg[] {
  return [{ op: 'M', x, y }, { op: 'L', x: x + w, y }, { op: 'L', x: x + w, y: y + h }, { op: 'L', x, y: y + h }, { op: 'Z' }];
}
