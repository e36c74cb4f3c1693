/** ISO 32000-2 §7.5.4–7.5.8: startxref, xref tables, xref streams, hybrid sections and /Prev chains. */
import { PdfDict, PdfStream } from '../core/objects.js';
import type { PdfLimits, WorkBudget } from '../core/limits.js';
import type { PdfRevision } from '../core/revision.js';
import { XrefSection, XrefSectionBuilder, type XrefEntry } from '../core/xref-section.js';
import { PdfLimitExceededError, PdfMalformedError } from '../errors.js';
import { decodeStreamData } from '../filters/decode-stream.js';
import { indexOfAscii, isWhite, lastIndexOfAscii } from './char-class.js';
import { Lexer } from './lexer.js';
import { ObjectParser } from './object-parser.js';

export interface ParseContext {
  readonly bytes: Uint8Array;
  readonly limits: PdfLimits;
  readonly budget: WorkBudget;
}

/** §7.5.5: the offset given by the last `startxref` of the file. */
export function findStartxref(ctx: ParseContext): number {
  const { bytes } = ctx;
  const at = lastIndexOfAscii(bytes, 'startxref', bytes.length - 9);
  ctx.budget.spend(at < 0 ? bytes.length : bytes.length - at);
  if (at < 0) throw new PdfMalformedError('no startxref');
  const t = new Lexer(bytes, ctx.limits, ctx.budget, at + 9).next();
  if (t.type !== 'number' || !t.integer || t.value < 0 || t.value >= bytes.length) throw new PdfMalformedError('invalid startxref value', { offset: at });
  return t.value;
}

function nonNegInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

function checkNum(ctx: ParseContext, num: number): void {
  if (num > ctx.limits.maxObjectNumber) throw new PdfLimitExceededError('maxObjectNumber', ctx.limits.maxObjectNumber, { num });
}

/** §7.5.4: a classic table starting at `offset` (the `xref` keyword) and its trailer. */
function readTable(ctx: ParseContext, offset: number): { builder: XrefSectionBuilder; trailer: PdfDict; end: number } {
  const lx = new Lexer(ctx.bytes, ctx.limits, ctx.budget, offset);
  const kw = lx.next();
  if (kw.type !== 'keyword' || kw.value !== 'xref') throw new PdfMalformedError('expected "xref"', { offset });
  const builder = new XrefSectionBuilder();
  for (;;) {
    const t = lx.next();
    if (t.type === 'keyword' && t.value === 'trailer') break;
    const c = lx.next();
    if (t.type !== 'number' || !t.integer || t.value < 0 || c.type !== 'number' || !c.integer || c.value < 0) {
      throw new PdfMalformedError('invalid xref subsection header', { offset: lx.pos });
    }
    let start = t.value;
    checkNum(ctx, start + c.value);
    for (let i = 0; i < c.value; i++) {
      const o = lx.next();
      const g = lx.next();
      const f = lx.next();
      if (o.type !== 'number' || g.type !== 'number' || f.type !== 'keyword' || (f.value !== 'n' && f.value !== 'f')) {
        throw new PdfMalformedError('invalid xref entry', { offset: lx.pos });
      }
      // A common writer bug: a table starting at 1 whose first entry is the free head of object 0.
      if (i === 0 && start === 1 && o.value === 0 && g.value === 65535 && f.value === 'f') start = 0;
      const num = start + i;
      builder.add(f.value === 'n' ? { type: 'offset', num, gen: g.value, offset: o.value } : { type: 'free', num, gen: g.value, next: o.value });
    }
  }
  const trailer = new ObjectParser(lx).parseObject();
  if (!(trailer instanceof PdfDict)) throw new PdfMalformedError('trailer is not a dictionary', { offset: lx.pos });
  return { builder, trailer, end: lx.pos };
}

/** §7.5.8: an xref stream object at `offset`. */
function readStream(ctx: ParseContext, offset: number): { builder: XrefSectionBuilder; trailer: PdfDict; end: number } {
  const lx = new Lexer(ctx.bytes, ctx.limits, ctx.budget, offset);
  const obj = new ObjectParser(lx).parseIndirect();
  const s = obj.value;
  if (!(s instanceof PdfStream) || (s.dict.getName('Type') !== 'XRef' && !s.dict.has('W'))) throw new PdfMalformedError('expected an xref stream', { offset });
  const d = s.dict;
  const w = d.get('W');
  const widths = Array.isArray(w) ? w.map(nonNegInt) : [];
  if (widths.length !== 3 || widths.some((x) => x === undefined || x > 8)) throw new PdfMalformedError('invalid /W in xref stream', { offset });
  const [w1, w2, w3] = widths as [number, number, number];
  const size = nonNegInt(d.get('Size'));
  if (size === undefined) throw new PdfMalformedError('xref stream without /Size', { offset });
  const index = d.get('Index');
  const ranges = Array.isArray(index) ? index.map(nonNegInt) : [0, size];
  if (ranges.length % 2 !== 0 || ranges.some((x) => x === undefined)) throw new PdfMalformedError('invalid /Index in xref stream', { offset });
  const data = decodeStreamData(s.encoded, d, ctx.limits.maxDecodedStreamSize, (o) => o).data;
  ctx.budget.spend(data.length);
  const entrySize = w1 + w2 + w3;
  const builder = new XrefSectionBuilder();
  const field = (p: number, width: number): number => {
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + (data[p + i] as number);
    return v;
  };
  let p = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    const start = ranges[r] as number;
    const count = ranges[r + 1] as number;
    checkNum(ctx, start + count);
    for (let i = 0; i < count && p + entrySize <= data.length && entrySize > 0; i++, p += entrySize) {
      const type = w1 === 0 ? 1 : field(p, w1);
      const f2 = field(p + w1, w2);
      const f3 = field(p + w1 + w2, w3);
      const num = start + i;
      if (type === 0) builder.add({ type: 'free', num, gen: f3, next: f2 });
      else if (type === 1) builder.add({ type: 'offset', num, gen: f3, offset: f2 });
      else if (type === 2) builder.add({ type: 'compressed', num, gen: 0, stream: f2, index: f3 });
      // §7.5.8.3: other types are reserved and read as null references.
    }
  }
  return { builder, trailer: d, end: obj.end };
}

function isXrefKeywordAt(bytes: Uint8Array, offset: number): boolean {
  let p = offset;
  while (p < bytes.length && isWhite(bytes[p] as number)) p++;
  return indexOfAscii(bytes, 'xref', p, p + 4) === p;
}

/** Reads the section at `offset`; a hybrid table's /XRefStm is merged into it (§7.5.8.4). */
export function readXrefSection(ctx: ParseContext, offset: number): XrefSection {
  if (!isXrefKeywordAt(ctx.bytes, offset)) {
    const s = readStream(ctx, offset);
    return new XrefSection('stream', offset, s.trailer, s.end, s.builder);
  }
  const t = readTable(ctx, offset);
  const stmOffset = nonNegInt(t.trailer.get('XRefStm'));
  if (stmOffset === undefined) return new XrefSection('table', offset, t.trailer, t.end, t.builder);
  const table = new XrefSection('table', offset, t.trailer, t.end, t.builder);
  const st = readStream(ctx, stmOffset);
  const stm = new XrefSection('stream', stmOffset, st.trailer, st.end, st.builder);
  // Hybrid: the stream supplies the objects the table lists as free or omits.
  const merged = new XrefSectionBuilder();
  for (const e of table.entries()) merged.add(e.type === 'free' ? (stm.get(e.num) ?? e) : e);
  for (const e of stm.entries()) if (!table.get(e.num)) merged.add(e);
  return new XrefSection('hybrid', offset, t.trailer, t.end, merged, stmOffset);
}

/** Follows startxref and /Prev, newest section first; a loop or a bad offset is malformed. */
export function readXrefChain(ctx: ParseContext, startxref: number): XrefSection[] {
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  let next: number | undefined = startxref;
  while (next !== undefined) {
    if (seen.has(next)) throw new PdfMalformedError('/Prev chain loops', { offset: next });
    if (sections.length >= ctx.limits.maxXrefSections) throw new PdfLimitExceededError('maxXrefSections', ctx.limits.maxXrefSections);
    if (next >= ctx.bytes.length) throw new PdfMalformedError('xref offset beyond the end of the file', { offset: next });
    seen.add(next);
    const section = readXrefSection(ctx, next);
    sections.push(section);
    const prev = section.trailer.get('Prev');
    next = prev === undefined || prev === null ? undefined : nonNegInt(prev);
    if (prev !== undefined && prev !== null && next === undefined) throw new PdfMalformedError('invalid /Prev', { offset: section.offset });
  }
  return sections;
}

/** The byte after the first `%%EOF` (and its EOL) at or after `from`; the file length if none. */
export function eofAfter(ctx: ParseContext, from: number): number {
  const { bytes } = ctx;
  const at = indexOfAscii(bytes, '%%EOF', from);
  ctx.budget.spend((at < 0 ? bytes.length : at) - from);
  if (at < 0) return bytes.length;
  let e = at + 5;
  if (bytes[e] === 0x0d) e += bytes[e + 1] === 0x0a ? 2 : 1;
  else if (bytes[e] === 0x0a) e += 1;
  return e;
}

/**
 * Groups sections into revisions. Oldest first, each revision must end after the previous one; a
 * section that ends earlier (the first-page section of a linearized file) joins the later revision.
 */
export function groupRevisions(ctx: ParseContext, sections: readonly XrefSection[]): PdfRevision[] {
  const groups: { sections: XrefSection[]; end: number }[] = [];
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i] as XrefSection;
    const end = eofAfter(ctx, s.end);
    const last = groups[groups.length - 1];
    if (last && end <= last.end) last.sections.unshift(s);
    else groups.push({ sections: [s], end });
  }
  return groups.map((g, index) => {
    const newest = g.sections[0] as XrefSection;
    return { index, sections: g.sections, xrefOffset: newest.offset, end: g.end, trailer: newest.trailer, kind: newest.kind };
  });
}

export type { XrefEntry };
