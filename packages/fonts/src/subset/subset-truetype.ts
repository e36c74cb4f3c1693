import { InvalidArgumentError } from '@openseal/kernel';
import { FontMalformedError, FontUnsupportedError } from '../errors.js';
import type { Font } from '../font.js';
import { buildCmapTable } from './cmap-writer.js';
import { writeSfnt, type SfntTable } from './sfnt-writer.js';
import { stripInstructions } from './strip-instructions.js';

export interface SubsetOptions {
  /** Keep cvt/fpgm/prep and glyph instructions (default false: hinting is dropped, outlines stay exact). */
  readonly keepHinting?: boolean;
  /** Keep the vertical metrics tables vhea/vmtx (default true when present). */
  readonly keepVerticalMetrics?: boolean;
}

const MAX_CLOSURE_STEPS = 1_000_000;

/** The requested glyphs plus .notdef and every component of composite glyphs. */
export function glyphClosure(font: Font, glyphIds: Iterable<number>): Set<number> {
  const tt = font.trueType;
  if (!tt) throw new FontUnsupportedError('subsetting CFF-based (OTTO) fonts', { postScriptName: font.names.postScriptName });
  const keep = new Set<number>([0]);
  const todo: number[] = [];
  for (const gid of glyphIds) {
    if (!Number.isInteger(gid) || gid < 0 || gid >= font.numGlyphs) throw new InvalidArgumentError('glyph id out of range', { gid, numGlyphs: font.numGlyphs });
    if (!keep.has(gid)) {
      keep.add(gid);
      todo.push(gid);
    }
  }
  for (let steps = 0; todo.length > 0; steps++) {
    if (steps > MAX_CLOSURE_STEPS) throw new FontMalformedError('composite glyph closure does not terminate');
    for (const c of tt.components(todo.pop() as number)) {
      if (c >= font.numGlyphs) throw new FontMalformedError('composite glyph refers to a missing glyph', { gid: c });
      if (!keep.has(c)) {
        keep.add(c);
        todo.push(c);
      }
    }
  }
  return keep;
}

/**
 * A standalone TrueType font holding only the given glyphs, at their ORIGINAL glyph ids (other glyphs are
 * empty and share one advance), so PDF CIDToGIDMap /Identity and OFD glyph references stay valid.
 * Works for faces of a .ttc.
 */
export function subsetTrueType(font: Font, glyphIds: Iterable<number>, options: SubsetOptions = {}): Uint8Array {
  const keep = glyphClosure(font, glyphIds);
  const tt = font.trueType;
  if (!tt) throw new FontUnsupportedError('subsetting CFF-based (OTTO) fonts');
  const keepHinting = options.keepHinting ?? false;
  let numGlyphs = 1;
  for (const gid of keep) numGlyphs = Math.max(numGlyphs, gid + 1);

  const glyphs: Uint8Array[] = [];
  let glyfSize = 0;
  for (let gid = 0; gid < numGlyphs; gid++) {
    let g = keep.has(gid) ? tt.glyphBytes(gid) : new Uint8Array(0);
    if (!keepHinting) g = stripInstructions(g);
    glyphs.push(g);
    glyfSize += (g.length + 3) & ~3;
  }
  const shortLoca = glyfSize <= 0x1fffe;
  const glyf = new Uint8Array(glyfSize);
  const loca = new Uint8Array((numGlyphs + 1) * (shortLoca ? 2 : 4));
  const locaView = new DataView(loca.buffer);
  let at = 0;
  glyphs.forEach((g, gid) => {
    if (shortLoca) locaView.setUint16(gid * 2, at / 2);
    else locaView.setUint32(gid * 4, at);
    glyf.set(g, at);
    at += (g.length + 3) & ~3;
  });
  if (shortLoca) locaView.setUint16(numGlyphs * 2, at / 2);
  else locaView.setUint32(numGlyphs * 4, at);

  const tables: SfntTable[] = [
    { tag: 'glyf', data: glyf },
    { tag: 'loca', data: loca },
    { tag: 'head', data: patch(required(font, 'head'), (dv) => dv.setInt16(50, shortLoca ? 0 : 1)) },
    { tag: 'maxp', data: patch(required(font, 'maxp'), (dv) => dv.setUint16(4, numGlyphs)) },
    ...horizontalMetrics(font, numGlyphs, keep),
    { tag: 'cmap', data: buildCmapTable(subsetMappings(font, keep)) },
    { tag: 'post', data: postVersion3(required(font, 'post')) },
  ];
  for (const tag of ['name', 'OS/2', 'gasp', ...(keepHinting ? ['cvt ', 'fpgm', 'prep'] : [])]) {
    const t = font.table(tag);
    if (t) tables.push({ tag, data: t });
  }
  if ((options.keepVerticalMetrics ?? true) && font.table('vhea') && font.table('vmtx')) tables.push(...verticalMetrics(font, numGlyphs, keep));
  return writeSfnt(tables);
}

function required(font: Font, tag: string): Uint8Array {
  const t = font.table(tag);
  if (!t) throw new FontMalformedError(`required table '${tag}' is missing`);
  return t;
}

function patch(table: Uint8Array, edit: (dv: DataView) => void): Uint8Array {
  const copy = table.slice();
  edit(new DataView(copy.buffer));
  return copy;
}

interface LongMetrics {
  /** Advance and side bearing of glyph gid in the subset (unused glyphs: the shared advance, bearing 0). */
  (gid: number): [advance: number, bearing: number];
}

/**
 * A metrics table ('hmtx'/'vmtx'): glyphs past numberOfLongMetrics repeat the last advance. Unused glyphs take
 * the advance of the last glyph, so only the used glyphs with other advances need long entries.
 */
function metricsTable(numGlyphs: number, metric: LongMetrics): { n: number; data: Uint8Array } {
  const lastAdvance = metric(numGlyphs - 1)[0];
  let n = numGlyphs;
  while (n > 1 && metric(n - 2)[0] === lastAdvance) n--;
  const data = new Uint8Array(n * 4 + (numGlyphs - n) * 2);
  const dv = new DataView(data.buffer);
  for (let gid = 0; gid < numGlyphs; gid++) {
    const [advance, bearing] = metric(gid);
    if (gid < n) {
      dv.setUint16(gid * 4, advance);
      dv.setInt16(gid * 4 + 2, bearing);
    } else dv.setInt16(n * 4 + (gid - n) * 2, bearing);
  }
  return { n, data };
}

function horizontalMetrics(font: Font, numGlyphs: number, keep: ReadonlySet<number>): SfntTable[] {
  const shared = font.advanceWidth(numGlyphs - 1);
  const { n, data } = metricsTable(numGlyphs, (gid) => (keep.has(gid) ? [font.advanceWidth(gid), font.leftSideBearing(gid)] : [shared, 0]));
  return [
    { tag: 'hhea', data: patch(required(font, 'hhea'), (v) => v.setUint16(34, n)) },
    { tag: 'hmtx', data },
  ];
}

function verticalMetrics(font: Font, numGlyphs: number, keep: ReadonlySet<number>): SfntTable[] {
  const vhea = required(font, 'vhea');
  const vmtx = required(font, 'vmtx');
  const src = new DataView(vmtx.buffer, vmtx.byteOffset, vmtx.byteLength);
  const nOld = new DataView(vhea.buffer, vhea.byteOffset, vhea.byteLength).getUint16(34);
  if (nOld === 0) throw new FontMalformedError('vhea.numOfLongVerMetrics is 0');
  const original = (gid: number): [number, number] => {
    const longAt = Math.min(gid, nOld - 1) * 4;
    const tsbAt = gid < nOld ? gid * 4 + 2 : nOld * 4 + (gid - nOld) * 2;
    return [longAt + 2 <= vmtx.length ? src.getUint16(longAt) : 0, tsbAt + 2 <= vmtx.length ? src.getInt16(tsbAt) : 0];
  };
  const shared = original(numGlyphs - 1)[0];
  const { n, data } = metricsTable(numGlyphs, (gid) => (keep.has(gid) ? original(gid) : [shared, 0]));
  return [
    { tag: 'vhea', data: patch(vhea, (v) => v.setUint16(34, n)) },
    { tag: 'vmtx', data },
  ];
}

function subsetMappings(font: Font, keep: ReadonlySet<number>): Map<number, number> {
  const m = new Map<number, number>();
  font.forEachCodePoint((cp, gid) => {
    if (keep.has(gid) && !m.has(cp)) m.set(cp, gid);
  });
  return m;
}

/** 'post' version 3.0: the header only, no glyph names (they would name glyphs that are gone). */
function postVersion3(post: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  out.set(post.subarray(0, Math.min(32, post.length)));
  new DataView(out.buffer).setUint32(0, 0x00030000);
  return out;
}
