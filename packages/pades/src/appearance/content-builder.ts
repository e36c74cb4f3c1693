/** Builds a content stream (ISO 32000-2 §8.2, Annex A operators) as text, with compact numbers. */
import { InvalidArgumentError } from '@openseal/kernel';
import type { Matrix } from './page-frame.js';

export function formatNum(n: number): string {
  if (!Number.isFinite(n)) throw new InvalidArgumentError('content stream number is not finite', { value: String(n) });
  const r = Math.round(n * 10_000) / 10_000;
  if (Object.is(r, -0) || r === 0) return '0';
  return Number.isInteger(r) ? String(r) : r.toFixed(4).replace(/0+$/, '');
}

/** Bézier control distance for a quarter circle: 4/3·(√2 − 1). */
const KAPPA = 0.5522847498307936;

export class ContentBuilder {
  readonly #parts: string[] = [];

  op(operator: string, ...operands: readonly (number | string)[]): this {
    const args = operands.map((o) => (typeof o === 'number' ? formatNum(o) : o));
    this.#parts.push(args.length > 0 ? `${args.join(' ')} ${operator}` : operator);
    return this;
  }

  save(): this {
    return this.op('q');
  }

  restore(): this {
    return this.op('Q');
  }

  concat(m: Matrix): this {
    return this.op('cm', ...m);
  }

  moveTo(x: number, y: number): this {
    return this.op('m', x, y);
  }

  lineTo(x: number, y: number): this {
    return this.op('l', x, y);
  }

  curveTo(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): this {
    return this.op('c', x1, y1, x2, y2, x3, y3);
  }

  close(): this {
    return this.op('h');
  }

  rect(x: number, y: number, w: number, h: number): this {
    return this.op('re', x, y, w, h);
  }

  /** A full circle as four Bézier arcs, counter-clockwise from (cx + r, cy). */
  circle(cx: number, cy: number, r: number): this {
    const k = r * KAPPA;
    return this.moveTo(cx + r, cy)
      .curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r)
      .curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy)
      .curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r)
      .curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy)
      .close();
  }

  /** An axis-aligned ellipse as four Bézier arcs. */
  ellipse(cx: number, cy: number, rx: number, ry: number): this {
    const kx = rx * KAPPA;
    const ky = ry * KAPPA;
    return this.moveTo(cx + rx, cy)
      .curveTo(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry)
      .curveTo(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy)
      .curveTo(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry)
      .curveTo(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy)
      .close();
  }

  fillRgb(r: number, g: number, b: number): this {
    return this.op('rg', r, g, b);
  }

  strokeRgb(r: number, g: number, b: number): this {
    return this.op('RG', r, g, b);
  }

  lineWidth(w: number): this {
    return this.op('w', w);
  }

  /** Draws a named XObject from the resources. */
  xobject(name: string): this {
    return this.op('Do', `/${name}`);
  }

  raw(text: string): this {
    this.#parts.push(text);
    return this;
  }

  toString(): string {
    return this.#parts.join('\n');
  }

  toBytes(): Uint8Array {
    // Content operators and operands are ASCII; text strings are written as hex by the callers.
    return new TextEncoder().encode(this.toString());
  }
}
