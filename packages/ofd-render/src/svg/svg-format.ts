import type { Matrix } from '@openseal/ofd';
import type { PathSeg, Rgba } from '../display/display-list.js';

/** A number with at most `digits` decimals, no trailing zeros, never exponent notation. */
export function num(n: number, digits = 4): string {
  if (!Number.isFinite(n)) return '0';
  const s = n.toFixed(digits);
  const t = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  return t === '-0' ? '0' : t;
}

export function matrixAttr(m: Matrix): string {
  return `matrix(${m.map((v) => num(v, 6)).join(' ')})`;
}

export function isIdentity(m: Matrix): boolean {
  return m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1 && m[4] === 0 && m[5] === 0;
}

export function pathData(path: readonly PathSeg[]): string {
  let d = '';
  for (const s of path) {
    switch (s.op) {
      case 'M':
      case 'L':
        d += `${s.op}${num(s.x)} ${num(s.y)}`;
        break;
      case 'Q':
        d += `Q${num(s.x1)} ${num(s.y1)} ${num(s.x)} ${num(s.y)}`;
        break;
      case 'C':
        d += `C${num(s.x1)} ${num(s.y1)} ${num(s.x2)} ${num(s.y2)} ${num(s.x)} ${num(s.y)}`;
        break;
      case 'Z':
        d += 'Z';
        break;
    }
  }
  return d;
}

export function colorAttr(c: Rgba): string {
  const h = (v: number): string => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
  return `#${h(c.r)}${h(c.g)}${h(c.b)}`;
}

// XML 1.0 §2.2: control characters other than tab, LF and CR cannot appear, even escaped.
function validXmlChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c !== 0xfffe && c !== 0xffff)) out += ch;
  }
  return out;
}

export function escapeText(s: string): string {
  return validXmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
