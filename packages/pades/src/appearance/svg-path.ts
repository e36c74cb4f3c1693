/**
 * Parses SVG path data (SVG 2 §9.3: M L H V C S Q T A Z, absolute and relative) into absolute
 * move/line/cubic/close segments; quadratics and elliptical arcs become cubic Béziers.
 */
import { arcToCubics } from '@openseal/geometry';
import { InvalidArgumentError } from '@openseal/kernel';

export type PathSegment =
  | { readonly op: 'M' | 'L'; readonly x: number; readonly y: number }
  | { readonly op: 'C'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly x: number; readonly y: number }
  | { readonly op: 'Z' };

const ARGS: Readonly<Record<string, number>> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };
const MAX_PATH_LENGTH = 1_000_000;

function tokenize(d: string): (string | number)[] {
  if (d.length > MAX_PATH_LENGTH) throw new InvalidArgumentError('SVG path data too long', { length: d.length });
  const out: (string | number)[] = [];
  const re = /([MmLlHhVvCcSsQqTtAaZz])|([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|([\s,]+)/y;
  let i = 0;
  while (i < d.length) {
    re.lastIndex = i;
    const m = re.exec(d);
    if (!m) throw new InvalidArgumentError('invalid SVG path data', { at: i, near: d.slice(i, i + 12) });
    if (m[1]) out.push(m[1]);
    else if (m[2]) out.push(Number(m[2]));
    i = re.lastIndex;
  }
  return out;
}


export function parseSvgPath(d: string): PathSegment[] {
  const tokens = tokenize(d);
  const out: PathSegment[] = [];
  let cx = 0, cy = 0, sx = 0, sy = 0;
  // Reflection points for S and T (SVG 2 §9.3.6, §9.3.7).
  let lastCubic: [number, number] | undefined;
  let lastQuad: [number, number] | undefined;
  let i = 0;
  let cmd = '';
  const num = (): number => {
    const t = tokens[i++];
    if (typeof t !== 'number') throw new InvalidArgumentError('SVG path: number expected', { command: cmd, index: i - 1 });
    return t;
  };
  while (i < tokens.length) {
    const t = tokens[i];
    if (typeof t === 'string') {
      cmd = t;
      i++;
    } else if (cmd === '' || cmd === 'Z' || cmd === 'z') {
      throw new InvalidArgumentError('SVG path: command expected', { index: i });
    } else if (cmd === 'M') cmd = 'L';
    else if (cmd === 'm') cmd = 'l';
    const upper = cmd.toUpperCase();
    const rel = cmd !== upper;
    const ox = rel ? cx : 0;
    const oy = rel ? cy : 0;
    if ((ARGS[upper] ?? 0) > 0 && typeof tokens[i] !== 'number') throw new InvalidArgumentError('SVG path: arguments missing', { command: cmd });
    let cubic: [number, number] | undefined;
    let quad: [number, number] | undefined;
    switch (upper) {
      case 'M': {
        cx = ox + num(); cy = oy + num();
        sx = cx; sy = cy;
        out.push({ op: 'M', x: cx, y: cy });
        break;
      }
      case 'L': cx = ox + num(); cy = oy + num(); out.push({ op: 'L', x: cx, y: cy }); break;
      case 'H': cx = ox + num(); out.push({ op: 'L', x: cx, y: cy }); break;
      case 'V': cy = oy + num(); out.push({ op: 'L', x: cx, y: cy }); break;
      case 'C': case 'S': {
        let x1: number, y1: number;
        if (upper === 'C') { x1 = ox + num(); y1 = oy + num(); }
        else [x1, y1] = lastCubic ? [2 * cx - lastCubic[0], 2 * cy - lastCubic[1]] : [cx, cy];
        const x2 = ox + num(), y2 = oy + num(), x = ox + num(), y = oy + num();
        out.push({ op: 'C', x1, y1, x2, y2, x, y });
        cubic = [x2, y2];
        cx = x; cy = y;
        break;
      }
      case 'Q': case 'T': {
        let qx: number, qy: number;
        if (upper === 'Q') { qx = ox + num(); qy = oy + num(); }
        else [qx, qy] = lastQuad ? [2 * cx - lastQuad[0], 2 * cy - lastQuad[1]] : [cx, cy];
        const x = ox + num(), y = oy + num();
        out.push({ op: 'C', x1: cx + (2 / 3) * (qx - cx), y1: cy + (2 / 3) * (qy - cy), x2: x + (2 / 3) * (qx - x), y2: y + (2 / 3) * (qy - y), x, y });
        quad = [qx, qy];
        cx = x; cy = y;
        break;
      }
      case 'A': {
        const rx = num(), ry = num(), rot = num(), large = num() !== 0, sweep = num() !== 0;
        const x = ox + num(), y = oy + num();
        out.push(...arcToCubics(cx, cy, rx, ry, rot, large, sweep, x, y));
        cx = x; cy = y;
        break;
      }
      case 'Z': out.push({ op: 'Z' }); cx = sx; cy = sy; break;
      default: throw new InvalidArgumentError('SVG path: unknown command', { command: cmd });
    }
    lastCubic = cubic;
    lastQuad = quad;
  }
  return out;
}
