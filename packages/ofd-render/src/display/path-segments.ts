import type { PathCommand } from '@openseal/ofd';
import { arcToCubics } from '@openseal/geometry';
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

/** A rectangle as a closed path. */
export function rectPath(x: number, y: number, w: number, h: number): PathSeg[] {
  return [{ op: 'M', x, y }, { op: 'L', x: x + w, y }, { op: 'L', x: x + w, y: y + h }, { op: 'L', x, y: y + h }, { op: 'Z' }];
}
