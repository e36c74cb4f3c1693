/** ISO 32000-2 §7.3 objects and §7.3.10 indirect objects, parsed from a Lexer within limits. */
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from '../core/objects.js';
import { PdfLimitExceededError, PdfMalformedError } from '../errors.js';
import { indexOfAscii, isWhite } from './char-class.js';
import type { Lexer, Token } from './lexer.js';

export interface ObjectParserHooks {
  /** Resolves an indirect /Length; undefined when it cannot be resolved (the parser then searches). */
  readonly resolveLength?: (ref: PdfRef) => number | undefined;
  /** Wraps stream data (e.g. to decrypt lazily); default keeps the raw bytes. */
  readonly makeStream?: (dict: PdfDict, raw: Uint8Array) => PdfStream;
  /** When given, receives the byte span [start, end) of each value of the outermost dictionary. */
  readonly valueSpans?: Map<string, readonly [number, number]>;
}

export interface IndirectObject {
  readonly num: number;
  readonly gen: number;
  readonly value: PdfObject;
  /** Offset just after the object (after `endobj` when present). */
  readonly end: number;
}

export class ObjectParser {
  constructor(
    readonly lexer: Lexer,
    readonly hooks: ObjectParserHooks = {},
  ) {}

  /** Parses one direct object (a reference `n g R` counts as one). */
  parseObject(): PdfObject {
    return this.#value(this.lexer.next(), 0);
  }

  /** Parses `num gen obj … endobj` at the lexer position; a stream's data is located but not copied. */
  parseIndirect(): IndirectObject {
    const lx = this.lexer;
    const start = lx.pos;
    const n = lx.next();
    const g = lx.next();
    const kw = lx.next();
    if (n.type !== 'number' || !n.integer || g.type !== 'number' || !g.integer || kw.type !== 'keyword' || kw.value !== 'obj') {
      throw new PdfMalformedError('expected "N G obj"', { offset: start });
    }
    // An empty object ("N G obj endobj") reads as null, as qpdf and pdf.js read it.
    const first = lx.peek();
    if (first.type === 'keyword' && first.value === 'endobj') {
      lx.next();
      return { num: n.value, gen: g.value, value: null, end: lx.pos };
    }
    let value = this.parseObject();
    const after = lx.pos;
    const t = lx.next();
    if (t.type === 'keyword' && t.value === 'stream') {
      if (!(value instanceof PdfDict)) throw new PdfMalformedError('stream without a dictionary', { offset: start });
      value = this.#stream(value);
      const afterStream = lx.pos;
      const e = lx.next();
      if (!(e.type === 'keyword' && e.value === 'endobj')) lx.pos = afterStream;
    } else if (!(t.type === 'keyword' && t.value === 'endobj')) {
      lx.pos = after; // tolerate a missing endobj
    }
    return { num: n.value, gen: g.value, value, end: lx.pos };
  }

  #value(t: Token, depth: number): PdfObject {
    const lx = this.lexer;
    if (depth > lx.limits.maxDepth) throw new PdfLimitExceededError('maxDepth', lx.limits.maxDepth, { offset: lx.pos });
    switch (t.type) {
      case 'number': {
        if (t.integer && t.value >= 0) {
          const saved = lx.pos;
          const g = lx.next();
          if (g.type === 'number' && g.integer && g.value >= 0) {
            const r = lx.next();
            if (r.type === 'keyword' && r.value === 'R') return new PdfRef(t.value, g.value);
          }
          lx.pos = saved;
        }
        return t.value;
      }
      case 'name': return new PdfName(t.value);
      case 'string': return new PdfString(t.value, t.hex);
      case '[': return this.#array(depth);
      case '<<': return this.#dict(depth);
      case 'keyword':
        if (t.value === 'true') return true;
        if (t.value === 'false') return false;
        if (t.value === 'null') return null;
        throw new PdfMalformedError(`unexpected keyword "${t.value.slice(0, 32)}"`, { offset: lx.pos });
      case 'eof': throw new PdfMalformedError('unexpected end of file', { offset: lx.pos });
      default: throw new PdfMalformedError(`unexpected "${t.type}"`, { offset: lx.pos });
    }
  }

  #array(depth: number): PdfObject[] {
    const lx = this.lexer;
    const out: PdfObject[] = [];
    for (;;) {
      const t = lx.next();
      if (t.type === ']') return out;
      if (out.length >= lx.limits.maxCollectionLength) throw new PdfLimitExceededError('maxCollectionLength', lx.limits.maxCollectionLength, { offset: lx.pos });
      out.push(this.#value(t, depth + 1));
    }
  }

  #dict(depth: number): PdfDict {
    const lx = this.lexer;
    const d = new PdfDict();
    for (;;) {
      const k = lx.next();
      if (k.type === '>>') return d;
      if (k.type !== 'name') {
        // Common damage: a value without a key. Skip it, as readers do, unless the file ends.
        if (k.type === 'eof') throw new PdfMalformedError('unterminated dictionary', { offset: lx.pos });
        this.#value(k, depth + 1);
        continue;
      }
      if (d.size >= lx.limits.maxCollectionLength) throw new PdfLimitExceededError('maxCollectionLength', lx.limits.maxCollectionLength, { offset: lx.pos });
      const v = lx.peek();
      if (v.type === '>>') {
        d.set(k.value, null); // a key without a value reads as null
        continue;
      }
      lx.skipWhite();
      const start = lx.pos;
      d.set(k.value, this.#value(lx.next(), depth + 1));
      if (depth === 0) this.hooks.valueSpans?.set(k.value, [start, lx.pos]);
    }
  }

  /** §7.3.8.1: data starts after `stream` + CRLF or LF; its extent comes from /Length, checked. */
  #stream(d: PdfDict): PdfStream {
    const lx = this.lexer;
    const b = lx.bytes;
    let start = lx.pos;
    if (b[start] === 0x0d && b[start + 1] === 0x0a) start += 2;
    else if (b[start] === 0x0a || b[start] === 0x0d) start += 1;
    let length: number | undefined;
    const l = d.get('Length');
    if (typeof l === 'number') length = l;
    else if (l instanceof PdfRef && this.hooks.resolveLength) length = this.hooks.resolveLength(l);
    let end = -1;
    if (length !== undefined && Number.isInteger(length) && length >= 0 && start + length <= b.length && this.#endstreamAt(start + length)) {
      end = start + length;
    } else {
      const found = indexOfAscii(b, 'endstream', start);
      lx.budget.spend((found < 0 ? b.length : found) - start);
      if (found < 0) throw new PdfMalformedError('stream without endstream', { offset: start });
      end = found;
      if (b[end - 1] === 0x0a) end--;
      if (b[end - 1] === 0x0d) end--;
      end = Math.max(start, end);
    }
    lx.pos = end;
    const e = lx.next();
    if (!(e.type === 'keyword' && e.value === 'endstream')) throw new PdfMalformedError('expected endstream', { offset: end });
    const raw = b.subarray(start, end);
    return this.hooks.makeStream ? this.hooks.makeStream(d, raw) : new PdfStream(d, raw);
  }

  #endstreamAt(p: number): boolean {
    const b = this.lexer.bytes;
    let q = p;
    while (q < b.length && q < p + 16 && isWhite(b[q] as number)) q++;
    return indexOfAscii(b, 'endstream', q, q + 9) === q;
  }
}
