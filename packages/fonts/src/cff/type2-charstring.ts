import { FontMalformedError, FontUnsupportedError } from '../errors.js';
import type { PathCommand } from '../path-commands.js';
import type { CffIndex } from './cff-index.js';

export interface CharstringSource {
  readonly bytes: Uint8Array;
  readonly globalSubrs: CffIndex;
  readonly localSubrs: CffIndex | undefined;
}

const MAX_SUBR_DEPTH = 10;
const MAX_OPS = 200_000;
const MAX_STACK = 513;

/** Subroutine number bias (Adobe TN 5177 §4.7). */
export function subrBias(count: number): number {
  return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}

/** Runs a Type 2 charstring (Adobe TN 5177) and returns its outline as cubic path commands. */
export function runType2Charstring(src: CharstringSource, start: number, end: number): PathCommand[] {
  const path: PathCommand[] = [];
  const bad = (reason: string): FontMalformedError => new FontMalformedError(`CFF charstring: ${reason}`);
  let stack: number[] = [];
  const transient: number[] = new Array<number>(32).fill(0);
  let nStems = 0;
  let haveWidth = false;
  let open = false;
  let x = 0;
  let y = 0;
  let ops = 0;

  const width = (hasExtra: boolean): void => {
    if (!haveWidth && hasExtra) stack.shift();
    haveWidth = true;
  };
  const moveTo = (dx: number, dy: number): void => {
    if (open) path.push({ type: 'Z' });
    x += dx;
    y += dy;
    path.push({ type: 'M', x, y });
    open = true;
  };
  const lineTo = (dx: number, dy: number): void => {
    x += dx;
    y += dy;
    path.push({ type: 'L', x, y });
  };
  const curveTo = (dx1: number, dy1: number, dx2: number, dy2: number, dx3: number, dy3: number): void => {
    const x1 = x + dx1, y1 = y + dy1, x2 = x1 + dx2, y2 = y1 + dy2;
    x = x2 + dx3;
    y = y2 + dy3;
    path.push({ type: 'C', x1, y1, x2, y2, x, y });
  };
  const arg = (i: number): number => {
    const v = stack[i];
    if (v === undefined) throw bad('stack underflow');
    return v;
  };
  const pop = (): number => {
    const v = stack.pop();
    if (v === undefined) throw bad('stack underflow');
    return v;
  };

  const exec = (from: number, to: number, depth: number): 'return' | 'endchar' | 'end' => {
    if (depth > MAX_SUBR_DEPTH) throw bad('subroutines nested too deeply');
    const b = src.bytes;
    let i = from;
    const next = (): number => {
      if (i >= to) throw bad('truncated');
      return b[i++] as number;
    };
    while (i < to) {
      if (++ops > MAX_OPS) throw bad('too many operations');
      const v = next();
      if (v >= 32) {
        if (v <= 246) stack.push(v - 139);
        else if (v <= 250) stack.push((v - 247) * 256 + next() + 108);
        else if (v <= 254) stack.push(-(v - 251) * 256 - next() - 108);
        else stack.push(((next() << 24) | (next() << 16) | (next() << 8) | next()) / 65536);
        if (stack.length > MAX_STACK) throw bad('stack overflow');
        continue;
      }
      if (v === 28) {
        const s = (next() << 8) | next();
        stack.push(s > 0x7fff ? s - 0x10000 : s);
        continue;
      }
      switch (v) {
        case 1: case 3: case 18: case 23: // hstem vstem hstemhm vstemhm
          width(stack.length % 2 === 1);
          nStems += stack.length >> 1;
          stack = [];
          break;
        case 19: case 20: // hintmask cntrmask: pending args are an implicit vstem
          width(stack.length % 2 === 1);
          nStems += stack.length >> 1;
          stack = [];
          i += (nStems + 7) >> 3;
          break;
        case 21:
          width(stack.length > 2);
          moveTo(arg(0), arg(1));
          stack = [];
          break;
        case 22:
          width(stack.length > 1);
          moveTo(arg(0), 0);
          stack = [];
          break;
        case 4:
          width(stack.length > 1);
          moveTo(0, arg(0));
          stack = [];
          break;
        case 5:
          for (let k = 0; k + 1 < stack.length; k += 2) lineTo(arg(k), arg(k + 1));
          stack = [];
          break;
        case 6: case 7: {
          let horizontal = v === 6;
          for (let k = 0; k < stack.length; k++, horizontal = !horizontal) lineTo(horizontal ? arg(k) : 0, horizontal ? 0 : arg(k));
          stack = [];
          break;
        }
        case 8:
          for (let k = 0; k + 5 < stack.length; k += 6) curveTo(arg(k), arg(k + 1), arg(k + 2), arg(k + 3), arg(k + 4), arg(k + 5));
          stack = [];
          break;
        case 24: { // rcurveline
          let k = 0;
          for (; k + 7 < stack.length; k += 6) curveTo(arg(k), arg(k + 1), arg(k + 2), arg(k + 3), arg(k + 4), arg(k + 5));
          lineTo(arg(k), arg(k + 1));
          stack = [];
          break;
        }
        case 25: { // rlinecurve
          let k = 0;
          for (; k + 7 < stack.length; k += 2) lineTo(arg(k), arg(k + 1));
          curveTo(arg(k), arg(k + 1), arg(k + 2), arg(k + 3), arg(k + 4), arg(k + 5));
          stack = [];
          break;
        }
        case 26: { // vvcurveto
          let k = 0;
          let dx1 = 0;
          if (stack.length % 2 === 1) dx1 = arg(k++);
          for (; k + 3 < stack.length; k += 4, dx1 = 0) curveTo(dx1, arg(k), arg(k + 1), arg(k + 2), 0, arg(k + 3));
          stack = [];
          break;
        }
        case 27: { // hhcurveto
          let k = 0;
          let dy1 = 0;
          if (stack.length % 2 === 1) dy1 = arg(k++);
          for (; k + 3 < stack.length; k += 4, dy1 = 0) curveTo(arg(k), dy1, arg(k + 1), arg(k + 2), arg(k + 3), 0);
          stack = [];
          break;
        }
        case 30: case 31: { // vhcurveto hvcurveto
          let horizontal = v === 31;
          for (let k = 0; k + 3 < stack.length; k += 4, horizontal = !horizontal) {
            const last = stack.length - k === 5 ? arg(k + 4) : 0;
            if (horizontal) curveTo(arg(k), 0, arg(k + 1), arg(k + 2), last, arg(k + 3));
            else curveTo(0, arg(k), arg(k + 1), arg(k + 2), arg(k + 3), last);
          }
          stack = [];
          break;
        }
        case 10: case 29: { // callsubr callgsubr
          const subrs = v === 10 ? src.localSubrs : src.globalSubrs;
          if (!subrs) throw bad('callsubr without local subroutines');
          const n = pop() + subrBias(subrs.count);
          if (!Number.isInteger(n) || n < 0 || n >= subrs.count) throw bad('subroutine number out of range');
          const [s, e] = subrs.range(n);
          const r = exec(s, e, depth + 1);
          if (r === 'endchar') return r;
          break;
        }
        case 11:
          return 'return';
        case 14:
          width(stack.length === 1 || stack.length === 5);
          if (stack.length >= 4) throw new FontUnsupportedError('CFF endchar with accent (seac) arguments');
          if (open) path.push({ type: 'Z' });
          open = false;
          return 'endchar';
        case 12:
          escape(next());
          break;
        default:
          throw bad(`reserved operator ${v}`);
      }
    }
    return 'end';
  };

  const escape = (op: number): void => {
    switch (op) {
      case 35: // flex
        curveTo(arg(0), arg(1), arg(2), arg(3), arg(4), arg(5));
        curveTo(arg(6), arg(7), arg(8), arg(9), arg(10), arg(11));
        break;
      case 34: // hflex
        curveTo(arg(0), 0, arg(1), arg(2), arg(3), 0);
        curveTo(arg(4), 0, arg(5), -arg(2), arg(6), 0);
        break;
      case 36: { // hflex1
        const y0 = y;
        curveTo(arg(0), arg(1), arg(2), arg(3), arg(4), 0);
        curveTo(arg(5), 0, arg(6), arg(7), arg(8), y0 - y - arg(7));
        break;
      }
      case 37: { // flex1
        const x0 = x, y0 = y;
        let dx = 0, dy = 0;
        for (let k = 0; k < 10; k += 2) {
          dx += arg(k);
          dy += arg(k + 1);
        }
        curveTo(arg(0), arg(1), arg(2), arg(3), arg(4), arg(5));
        if (Math.abs(dx) > Math.abs(dy)) curveTo(arg(6), arg(7), arg(8), arg(9), arg(10), y0 - y - arg(7) - arg(9));
        else curveTo(arg(6), arg(7), arg(8), arg(9), x0 - x - arg(6) - arg(8), arg(10));
        break;
      }
      case 3: { const b2 = pop(), a = pop(); stack.push(a && b2 ? 1 : 0); return; }
      case 4: { const b2 = pop(), a = pop(); stack.push(a || b2 ? 1 : 0); return; }
      case 5: stack.push(pop() ? 0 : 1); return;
      case 9: stack.push(Math.abs(pop())); return;
      case 10: { const b2 = pop(), a = pop(); stack.push(a + b2); return; }
      case 11: { const b2 = pop(), a = pop(); stack.push(a - b2); return; }
      case 12: { const b2 = pop(), a = pop(); stack.push(b2 === 0 ? 0 : a / b2); return; }
      case 14: stack.push(-pop()); return;
      case 15: { const b2 = pop(), a = pop(); stack.push(a === b2 ? 1 : 0); return; }
      case 18: pop(); return;
      case 20: { const idx = pop(), val = pop(); if (idx >= 0 && idx < 32) transient[idx] = val; return; }
      case 21: { const idx = pop(); stack.push(transient[idx] ?? 0); return; }
      case 22: { const v2 = pop(), v1 = pop(), s2 = pop(), s1 = pop(); stack.push(v1 <= v2 ? s1 : s2); return; }
      case 24: { const b2 = pop(), a = pop(); stack.push(a * b2); return; }
      case 26: stack.push(Math.sqrt(Math.abs(pop()))); return;
      case 27: { const a = pop(); stack.push(a, a); return; }
      case 28: { const b2 = pop(), a = pop(); stack.push(b2, a); return; }
      case 29: { const idx = pop(); const at = idx < 0 ? stack.length - 1 : stack.length - 1 - idx; stack.push(arg(Math.max(0, at))); return; }
      case 30: {
        const j = pop(), n = pop();
        if (!Number.isInteger(n) || n <= 0 || n > stack.length) return;
        const part = stack.splice(stack.length - n, n);
        const shift = ((j % n) + n) % n;
        stack.push(...part.slice(n - shift), ...part.slice(0, n - shift));
        return;
      }
      case 23:
        throw new FontUnsupportedError('CFF random operator');
      default:
        throw bad(`reserved escape operator 12 ${op}`);
    }
    stack = [];
  };

  exec(start, end, 0);
  if (open) path.push({ type: 'Z' });
  return path;
}
