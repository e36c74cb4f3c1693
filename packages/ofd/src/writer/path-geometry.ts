import type { PathCommand } from '../model/abbreviated-data.js';
import type { ST_Box } from '../model/primitives.js';

/**
 * A box that surely contains the path: Bézier curves lie in the hull of their control points, and an
 * arc lies within 2·max(rx, ry) of its end point. Empty for a path without points.
 */
export function pathBounds(commands: readonly PathCommand[]): ST_Box | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const add = (x: number, y: number, r = 0): void => {
    x0 = Math.min(x0, x - r);
    y0 = Math.min(y0, y - r);
    x1 = Math.max(x1, x + r);
    y1 = Math.max(y1, y + r);
  };
  let last: { x: number; y: number } | undefined;
  for (const c of commands) {
    switch (c.op) {
      case 'C':
        continue;
      case 'Q':
        add(c.x1, c.y1);
        break;
      case 'B':
        add(c.x1, c.y1);
        add(c.x2, c.y2);
        break;
      case 'A': {
        const r = 2 * Math.max(Math.abs(c.rx), Math.abs(c.ry));
        add(c.x, c.y, r);
        if (last !== undefined) add(last.x, last.y, r);
        break;
      }
      default:
        break;
    }
    add(c.x, c.y);
    last = { x: c.x, y: c.y };
  }
  if (x0 === Infinity) return undefined;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export function translatePath(commands: readonly PathCommand[], dx: number, dy: number): PathCommand[] {
  return commands.map((c): PathCommand => {
    switch (c.op) {
      case 'C':
        return c;
      case 'Q':
        return { ...c, x1: c.x1 + dx, y1: c.y1 + dy, x: c.x + dx, y: c.y + dy };
      case 'B':
        return { ...c, x1: c.x1 + dx, y1: c.y1 + dy, x2: c.x2 + dx, y2: c.y2 + dy, x: c.x + dx, y: c.y + dy };
      default:
        return { ...c, x: c.x + dx, y: c.y + dy };
    }
  });
}

export function grow(box: ST_Box, margin: number): ST_Box {
  return { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin };
}

/** Rounds a computed Boundary outwards to 0.001 mm so files stay readable (`27.503` rather than `27.503296000000002`). */
export function roundOut(box: ST_Box): ST_Box {
  const x = Math.floor(box.x * 1000) / 1000;
  const y = Math.floor(box.y * 1000) / 1000;
  const right = Math.ceil((box.x + box.width) * 1000) / 1000;
  const bottom = Math.ceil((box.y + box.height) * 1000) / 1000;
  return { x, y, width: tidy(right - x), height: tidy(bottom - y) };
}

/** Rounds a derived coordinate to 1 nm, dropping binary noise such as 0.49670400000000114. */
export function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function tidyPath(commands: readonly PathCommand[]): PathCommand[] {
  return commands.map((c): PathCommand => {
    switch (c.op) {
      case 'C':
        return c;
      case 'Q':
        return { ...c, x1: tidy(c.x1), y1: tidy(c.y1), x: tidy(c.x), y: tidy(c.y) };
      case 'B':
        return { ...c, x1: tidy(c.x1), y1: tidy(c.y1), x2: tidy(c.x2), y2: tidy(c.y2), x: tidy(c.x), y: tidy(c.y) };
      default:
        return { ...c, x: tidy(c.x), y: tidy(c.y) };
    }
  });
}
