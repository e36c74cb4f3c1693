/** ISO 32000-2 §7.2–7.3 lexical conventions: turns bytes into tokens, within limits. */
import type { PdfLimits, WorkBudget } from '../core/limits.js';
import { PdfLimitExceededError, PdfMalformedError } from '../errors.js';
import { CHAR_CLASS, hexValue, isDigit } from './char-class.js';

export type Token =
  | { readonly type: 'number'; readonly value: number; readonly integer: boolean }
  | { readonly type: 'name'; readonly value: string }
  | { readonly type: 'string'; readonly value: Uint8Array; readonly hex: boolean }
  | { readonly type: 'keyword'; readonly value: string }
  | { readonly type: '[' | ']' | '<<' | '>>' | '{' | '}' | 'eof' };

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)$/;

export class Lexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    readonly limits: PdfLimits,
    readonly budget: WorkBudget,
    start = 0,
  ) {
    this.pos = start;
  }

  /** Skips white-space and comments (§7.2.4). */
  skipWhite(): void {
    const b = this.bytes;
    let p = this.pos;
    while (p < b.length) {
      const c = b[p] as number;
      if (CHAR_CLASS[c] === 1) p++;
      else if (c === 0x25) {
        while (p < b.length && b[p] !== 0x0a && b[p] !== 0x0d) p++;
      } else break;
    }
    this.budget.spend(p - this.pos);
    this.pos = p;
  }

  next(): Token {
    this.skipWhite();
    const b = this.bytes;
    const start = this.pos;
    if (start >= b.length) return { type: 'eof' };
    const c = b[start] as number;
    this.budget.spend(1);
    switch (c) {
      case 0x5b: this.pos++; return { type: '[' };
      case 0x5d: this.pos++; return { type: ']' };
      case 0x7b: this.pos++; return { type: '{' };
      case 0x7d: this.pos++; return { type: '}' };
      case 0x28: return { type: 'string', value: this.#literalString(), hex: false };
      case 0x2f: return { type: 'name', value: this.#name() };
      case 0x3c:
        if (b[start + 1] === 0x3c) { this.pos += 2; return { type: '<<' }; }
        return { type: 'string', value: this.#hexString(), hex: true };
      case 0x3e:
        if (b[start + 1] === 0x3e) { this.pos += 2; return { type: '>>' }; }
        throw new PdfMalformedError('unexpected ">"', { offset: start });
      case 0x29:
        throw new PdfMalformedError('unexpected ")"', { offset: start });
      default:
        return this.#regular();
    }
  }

  /** Peeks the next token without consuming it. */
  peek(): Token {
    const saved = this.pos;
    const t = this.next();
    this.pos = saved;
    return t;
  }

  #regular(): Token {
    const b = this.bytes;
    const start = this.pos;
    let p = start;
    while (p < b.length && CHAR_CLASS[b[p] as number] === 0) p++;
    this.pos = p;
    this.budget.spend(p - start);
    if (p - start > 256) throw new PdfMalformedError('token too long', { offset: start });
    let text = '';
    for (let i = start; i < p; i++) text += String.fromCharCode(b[i] as number);
    const c0 = b[start] as number;
    if (isDigit(c0) || c0 === 0x2b || c0 === 0x2d || c0 === 0x2e) {
      if (NUMBER_RE.test(text)) return { type: 'number', value: Number(text), integer: !text.includes('.') };
      // Lenient like common readers: "--5", "5-", "1.2.3" are read as their leading numeric part.
      const m = /^([+-]?)[+-]*(\d+\.?\d*|\.\d+)/.exec(text);
      if (m) return { type: 'number', value: Number(`${m[1]}${m[2]}`), integer: !(m[2] as string).includes('.') };
    }
    return { type: 'keyword', value: text };
  }

  #name(): string {
    const b = this.bytes;
    let p = this.pos + 1;
    let out = '';
    while (p < b.length && CHAR_CLASS[b[p] as number] === 0) {
      const c = b[p] as number;
      if (c === 0x23) {
        const h = hexValue(b[p + 1] ?? -1);
        const l = hexValue(b[p + 2] ?? -1);
        if (h >= 0 && l >= 0) {
          out += String.fromCharCode(h * 16 + l);
          p += 3;
          continue;
        }
      }
      out += String.fromCharCode(c);
      p++;
      if (out.length > 65_535) throw new PdfLimitExceededError('name length', 65_535, { offset: this.pos });
    }
    this.budget.spend(p - this.pos);
    this.pos = p;
    return out;
  }

  #literalString(): Uint8Array {
    const b = this.bytes;
    const max = this.limits.maxStringLength;
    const start = this.pos;
    let p = start + 1;
    let depth = 1;
    const out: number[] = [];
    while (true) {
      if (p >= b.length) throw new PdfMalformedError('unterminated literal string', { offset: start });
      if (out.length > max) throw new PdfLimitExceededError('maxStringLength', max, { offset: start });
      let c = b[p++] as number;
      if (c === 0x28) depth++;
      else if (c === 0x29) {
        if (--depth === 0) break;
      } else if (c === 0x5c) {
        // §7.3.4.2 Table 3 escape sequences.
        c = b[p++] ?? -1;
        switch (c) {
          case 0x6e: out.push(0x0a); continue;
          case 0x72: out.push(0x0d); continue;
          case 0x74: out.push(0x09); continue;
          case 0x62: out.push(0x08); continue;
          case 0x66: out.push(0x0c); continue;
          case 0x0d: if (b[p] === 0x0a) p++; continue;
          case 0x0a: continue;
          case -1: continue;
          default:
            if (c >= 0x30 && c <= 0x37) {
              let v = c - 0x30;
              for (let k = 0; k < 2 && (b[p] ?? 0) >= 0x30 && (b[p] ?? 0) <= 0x37; k++) v = v * 8 + ((b[p++] as number) - 0x30);
              out.push(v & 0xff);
            } else out.push(c);
            continue;
        }
      } else if (c === 0x0d) {
        // An unescaped end-of-line marker is read as a single LF (§7.3.4.2).
        if (b[p] === 0x0a) p++;
        c = 0x0a;
      }
      out.push(c);
    }
    this.budget.spend(p - start);
    this.pos = p;
    return Uint8Array.from(out);
  }

  #hexString(): Uint8Array {
    const b = this.bytes;
    const start = this.pos;
    const end = b.indexOf(0x3e, start + 1);
    if (end < 0) throw new PdfMalformedError('unterminated hex string', { offset: start });
    if ((end - start) / 2 > this.limits.maxStringLength) throw new PdfLimitExceededError('maxStringLength', this.limits.maxStringLength, { offset: start });
    const out = new Uint8Array((end - start) >> 1);
    let n = 0;
    let hi = -1;
    for (let p = start + 1; p < end; p++) {
      const c = b[p] as number;
      const v = hexValue(c);
      if (v < 0) {
        if (CHAR_CLASS[c] === 1) continue;
        throw new PdfMalformedError('invalid character in hex string', { offset: p });
      }
      if (hi < 0) hi = v;
      else {
        out[n++] = hi * 16 + v;
        hi = -1;
      }
    }
    if (hi >= 0) out[n++] = hi * 16; // §7.3.4.3: a missing final digit is 0.
    this.budget.spend(end + 1 - start);
    this.pos = end + 1;
    return out.slice(0, n);
  }
}
