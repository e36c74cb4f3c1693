/**
 * Line breaking for Chinese text (GB/T 15834 and common 禁则 practice): no closing punctuation at the start
 * of a line, no opening punctuation at its end, and Latin words and numbers kept whole when possible.
 */
import { widthOf, type ShapedChar } from './shape-text.js';

const NO_START = new Set([...'，。、；：？！）》」』】〕〉”’…—·％‰℃!),.:;?]}％～・﹏︰︶﹚〗〙'].concat(['\u2014', '\u2026']));
const NO_END = new Set([...'（《「『【〔〈“‘([{〖〘']);
const isWordChar = (ch: string): boolean => /^[A-Za-z0-9@#$&*+\-_/.]$/.test(ch);

export interface BrokenLine {
  readonly chars: readonly ShapedChar[];
  readonly width: number;
  /** The last line of its paragraph (not justified). */
  readonly last: boolean;
}

/** Greedy breaking; `firstWidth` for the first line (indent), `width` for the others. */
export function breakLines(chars: readonly ShapedChar[], firstWidth: number, width: number): BrokenLine[] {
  const lines: BrokenLine[] = [];
  let start = 0;
  const eps = 0.01;
  while (start < chars.length) {
    const max = lines.length === 0 ? firstWidth : width;
    let w = 0;
    let i = start;
    while (i < chars.length && w + (chars[i] as ShapedChar).advance <= max + eps) {
      w += (chars[i] as ShapedChar).advance;
      i++;
    }
    if (i < chars.length) {
      let b = i;
      while (b > start + 1 && !canBreakBefore(chars, b)) b--;
      if (b > start + 1 || canBreakBefore(chars, b)) i = b;
      if (i === start) i = start + 1;
    }
    const line = chars.slice(start, i);
    // Spaces at a line end take no room (they would push justified text out of the type area).
    let end = line.length;
    while (end > 0 && /^\s$/.test((line[end - 1] as ShapedChar).ch)) end--;
    const kept = line.slice(0, end);
    lines.push({ chars: kept, width: widthOf(kept), last: i >= chars.length });
    start = i;
    while (start < chars.length && (chars[start] as ShapedChar).ch === ' ') start++;
  }
  return lines;
}

function canBreakBefore(chars: readonly ShapedChar[], b: number): boolean {
  const next = (chars[b] as ShapedChar).ch;
  const prev = (chars[b - 1] as ShapedChar).ch;
  if (NO_START.has(next) || NO_END.has(prev)) return false;
  return !(isWordChar(prev) && isWordChar(next));
}

/**
 * Glyph x positions for a line starting at `x`; a justified line spreads the remaining width over the
 * gaps between characters (GB/T 9704 lines fill the type area).
 */
export function placeLine(chars: readonly ShapedChar[], x: number, width: number, justify: boolean): number[] {
  const natural = widthOf(chars);
  const gaps = chars.length - 1;
  const extra = justify && gaps > 0 && natural < width ? (width - natural) / gaps : 0;
  const xs: number[] = [];
  let at = x;
  for (const c of chars) {
    xs.push(at);
    at += c.advance + extra;
  }
  return xs;
}
