import type { Matrix } from '@openseal/ofd';
import { apply } from '@openseal/ofd';
import type { PathSeg, Rgba } from '../display/display-list.js';

/** A content stream (ISO 32000-1 §8–9) built as text; numbers with at most 4 decimals. */
export class ContentBuilder {
  readonly #parts: string[] = [];

  op(text: string): this {
    this.#parts.push(text);
    return this;
  }

  cm(m: Matrix): this {
    return this.op(`${m.map((v) => n(v, 6)).join(' ')} cm`);
  }

  /** Appends path construction operators, each point mapped through `m` when given. */
  path(path: readonly PathSeg[], m?: Matrix): this {
    const p = (x: number, y: number): string => {
      if (m === undefined) return `${n(x)} ${n(y)}`;
      const q = apply(m, x, y);
      return `${n(q.x)} ${n(q.y)}`;
    };
    let cx = 0;
    let cy = 0;
    const out: string[] = [];
    for (const s of path) {
      switch (s.op) {
        case 'M':
          out.push(`${p(s.x, s.y)} m`);
          [cx, cy] = [s.x, s.y];
          break;
        case 'L':
          out.push(`${p(s.x, s.y)} l`);
          [cx, cy] = [s.x, s.y];
          break;
        case 'Q': {
          // A quadratic as the equivalent cubic: control points at 2/3 towards the quadratic's.
          const x1 = cx + ((s.x1 - cx) * 2) / 3;
          const y1 = cy + ((s.y1 - cy) * 2) / 3;
          const x2 = s.x + ((s.x1 - s.x) * 2) / 3;
          const y2 = s.y + ((s.y1 - s.y) * 2) / 3;
          out.push(`${p(x1, y1)} ${p(x2, y2)} ${p(s.x, s.y)} c`);
          [cx, cy] = [s.x, s.y];
          break;
        }
        case 'C':
          out.push(`${p(s.x1, s.y1)} ${p(s.x2, s.y2)} ${p(s.x, s.y)} c`);
          [cx, cy] = [s.x, s.y];
          break;
        case 'Z':
          out.push('h');
          break;
      }
    }
    return this.op(out.join('\n'));
  }

  fillColor(c: Rgba): this {
    return this.op(`${n(c.r / 255, 4)} ${n(c.g / 255, 4)} ${n(c.b / 255, 4)} rg`);
  }

  strokeColor(c: Rgba): this {
    return this.op(`${n(c.r / 255, 4)} ${n(c.g / 255, 4)} ${n(c.b / 255, 4)} RG`);
  }

  toBytes(): Uint8Array {
    const s = this.#parts.join('\n');
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
    return out;
  }
}

/** A number in PDF syntax (§7.3.3): no exponent, at most `digits` decimals. */
export function n(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return '0';
  const s = v.toFixed(digits);
  const t = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  return t === '-0' ? '0' : t;
}
