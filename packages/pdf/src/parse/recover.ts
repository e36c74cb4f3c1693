/**
 * Rebuilds a cross-reference index for a file whose xref is broken, by scanning for `N G obj` and
 * `trailer` (as readers do). The result is flagged `recovered`: signing code must not append to it.
 */
import { PdfDict, PdfRef, PdfStream } from '../core/objects.js';
import { XrefSection, XrefSectionBuilder } from '../core/xref-section.js';
import { PdfMalformedError, PdfUnsupportedError } from '../errors.js';
import { decodeStreamData } from '../filters/decode-stream.js';
import { indexOfAscii, isDigit, isWhite } from './char-class.js';
import { Lexer } from './lexer.js';
import { ObjectParser } from './object-parser.js';
import { objectFromStream, parseObjectStreamIndex } from './object-stream.js';
import type { ParseContext } from './xref-reader.js';

/** Reads `N G obj` that ends right before `objAt` (the `o` of `obj`); undefined when it is not one. */
function headerBefore(bytes: Uint8Array, objAt: number): { num: number; gen: number; start: number } | undefined {
  let p = objAt - 1;
  const digitsBack = (): [number, number] | undefined => {
    let end = p + 1;
    while (p >= 0 && isWhite(bytes[p] as number)) p--;
    end = p + 1;
    let n = 0;
    while (p >= 0 && isDigit(bytes[p] as number) && end - p <= 10) p--;
    if (end - (p + 1) === 0) return undefined;
    for (let i = p + 1; i < end; i++) n = n * 10 + ((bytes[i] as number) - 0x30);
    return [n, p + 1];
  };
  if (p < 0 || !isWhite(bytes[p] as number)) return undefined;
  const gen = digitsBack();
  if (!gen || p < 0 || !isWhite(bytes[p] as number)) return undefined;
  const num = digitsBack();
  if (!num) return undefined;
  if (p >= 0 && !isWhite(bytes[p] as number) && bytes[p] !== 0x3e && bytes[p] !== 0x25) return undefined;
  return { num: num[0], gen: gen[0], start: num[1] };
}

export function recoverXref(ctx: ParseContext): XrefSection {
  const { bytes } = ctx;
  ctx.budget.spend(bytes.length);
  const found = new Map<number, { gen: number; offset: number }>();
  const trailers: PdfDict[] = [];
  for (let i = bytes.indexOf(0x6f); i >= 0; i = bytes.indexOf(0x6f, i + 1)) {
    // "obj" preceded by white-space and followed by a delimiter or white-space.
    if (bytes[i + 1] !== 0x62 || bytes[i + 2] !== 0x6a) continue;
    const after = bytes[i + 3];
    if (after !== undefined && !isWhite(after) && after !== 0x3c && after !== 0x5b && after !== 0x28 && after !== 0x2f && after !== 0x25) continue;
    const h = headerBefore(bytes, i);
    if (!h || h.num > ctx.limits.maxObjectNumber || h.num === 0) continue;
    found.set(h.num, { gen: h.gen, offset: h.start }); // a later definition replaces an earlier one
  }
  for (let i = indexOfAscii(bytes, 'trailer', 0); i >= 0; i = indexOfAscii(bytes, 'trailer', i + 7)) {
    const lx = new Lexer(bytes, ctx.limits, ctx.budget, i + 7);
    try {
      const t = new ObjectParser(lx).parseObject();
      if (t instanceof PdfDict) trailers.push(t);
    } catch (e) {
      if (!(e instanceof PdfMalformedError)) throw e;
    }
  }
  const builder = new XrefSectionBuilder();
  builder.add({ type: 'free', num: 0, gen: 65535, next: 0 });
  let root: PdfRef | undefined;
  const streamTrailers: PdfDict[] = [];
  const compressed: { num: number; stream: number; index: number; dict: PdfDict | undefined }[] = [];
  for (const [num, { gen, offset }] of found) {
    builder.add({ type: 'offset', num, gen, offset });
    // Xref streams carry trailer keys; object streams list compressed objects (added below).
    const lx = new Lexer(bytes, ctx.limits, ctx.budget, offset);
    let value: unknown;
    try {
      value = new ObjectParser(lx).parseIndirect().value;
    } catch (e) {
      if (!(e instanceof PdfMalformedError)) throw e;
      continue;
    }
    if (value instanceof PdfStream && value.dict.getName('Type') === 'XRef') streamTrailers.push(value.dict);
    if (value instanceof PdfDict && value.getName('Type') === 'Catalog') root = new PdfRef(num, gen);
    if (value instanceof PdfStream && value.dict.getName('Type') === 'ObjStm') compressed.push(...objectStreamMembers(ctx, num, value));
  }
  for (const c of compressed) {
    if (found.has(c.num)) continue;
    found.set(c.num, { gen: 0, offset: -1 });
    builder.add({ type: 'compressed', num: c.num, gen: 0, stream: c.stream, index: c.index });
    if (!root && c.dict?.getName('Type') === 'Catalog') root = new PdfRef(c.num, 0);
  }
  const candidates = [...trailers, ...streamTrailers].filter((t) => t.get('Root') instanceof PdfRef);
  const trailer = (candidates[candidates.length - 1] ?? new PdfDict()).clone();
  trailer.delete('Prev');
  trailer.delete('XRefStm');
  if (!(trailer.get('Root') instanceof PdfRef)) {
    if (!root) throw new PdfMalformedError('no catalog found while recovering the file');
    trailer.set('Root', root);
  }
  let max = 0;
  for (const n of found.keys()) max = Math.max(max, n);
  trailer.set('Size', max + 1);
  return new XrefSection('recovered', -1, trailer, bytes.length, builder);
}

/** Objects listed by an object stream found while scanning (unencrypted files only; others are skipped). */
function objectStreamMembers(ctx: ParseContext, stream: number, s: PdfStream): { num: number; stream: number; index: number; dict: PdfDict | undefined }[] {
  try {
    const data = decodeStreamData(s.encoded, s.dict, ctx.limits.maxDecodedStreamSize, (o) => o).data;
    ctx.budget.spend(data.length);
    const idx = parseObjectStreamIndex(ctx, s.dict, data);
    return [...idx.nums].map((num, index) => {
      let dict: PdfDict | undefined;
      try {
        const o = objectFromStream(ctx, idx, index, num);
        dict = o instanceof PdfDict ? o : undefined;
      } catch (e) {
        if (!(e instanceof PdfMalformedError)) throw e;
      }
      return { num, stream, index, dict };
    });
  } catch (e) {
    if (e instanceof PdfMalformedError || e instanceof PdfUnsupportedError) return [];
    throw e;
  }
}
