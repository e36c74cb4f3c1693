import type { BinaryReader } from '../binary-reader.js';
import { FontUnsupportedError } from '../errors.js';

/** A Unicode → glyph id mapping read from one 'cmap' subtable (formats 0, 4, 6, 12, 13). */
export interface CmapLookup {
  readonly platformId: number;
  readonly encodingId: number;
  readonly format: number;
  /** Glyph id for a code point, 0 when unmapped. */
  lookup(cp: number): number;
  /** Calls fn for every mapped (code point, glyph id) with gid in [1, numGlyphs). */
  forEach(fn: (cp: number, gid: number) => void): void;
}

interface Subtable { platformId: number; encodingId: number; offset: number; format: number }

// Preference: full-repertoire Unicode first, then BMP Unicode, then Windows Symbol, then Mac Roman.
function rank(t: Subtable): number {
  const unicodeFull = (t.platformId === 3 && t.encodingId === 10) || (t.platformId === 0 && (t.encodingId === 4 || t.encodingId === 6));
  if (unicodeFull && (t.format === 12 || t.format === 13)) return 0;
  if (t.platformId === 3 && t.encodingId === 1 && t.format === 4) return 1;
  if (t.platformId === 0 && t.format === 4) return 2;
  if (t.platformId === 0 && (t.format === 12 || t.format === 6)) return 3;
  if (t.platformId === 3 && t.encodingId === 0 && (t.format === 4 || t.format === 6)) return 4;
  if (t.platformId === 1 && t.encodingId === 0 && (t.format === 0 || t.format === 6)) return 5;
  return 99;
}

export function parseCmap(r: BinaryReader, numGlyphs: number): CmapLookup {
  r.seek(2);
  const n = r.u16();
  const subtables: Subtable[] = [];
  for (let i = 0; i < n; i++) {
    const platformId = r.u16();
    const encodingId = r.u16();
    const offset = r.u32();
    if (offset + 2 > r.length) continue;
    const format = r.sub(offset, 2).u16();
    subtables.push({ platformId, encodingId, offset, format });
  }
  const best = subtables.filter((t) => rank(t) < 99).sort((a, b) => rank(a) - rank(b))[0];
  if (!best) throw new FontUnsupportedError('no Unicode cmap subtable', { subtables: subtables.map((t) => `${t.platformId}/${t.encodingId}/${t.format}`) });
  const body = r.sub(best.offset, r.length - best.offset, 'cmap subtable');
  const symbol = best.platformId === 3 && best.encodingId === 0;
  const m = readMappings(body, best.format, numGlyphs);
  const base = { platformId: best.platformId, encodingId: best.encodingId, format: best.format };
  if (symbol) {
    // Windows Symbol fonts map U+F020–F0FF; accept plain Latin-1 codes for them too.
    return { ...base, lookup: (cp) => m.lookup(cp) || (cp < 0x100 ? m.lookup(cp + 0xf000) : 0), forEach: m.forEach };
  }
  return { ...base, ...m };
}

type Mappings = Pick<CmapLookup, 'lookup' | 'forEach'>;

function readMappings(r: BinaryReader, format: number, numGlyphs: number): Mappings {
  const valid = (g: number): number => (g > 0 && g < numGlyphs ? g : 0);
  switch (format) {
    case 0: {
      r.seek(6);
      const ids = r.bytesAt(256).slice();
      return {
        lookup: (cp) => (cp < 256 ? valid(ids[cp] as number) : 0),
        forEach: (fn) => ids.forEach((g, cp) => valid(g) && fn(cp, g)),
      };
    }
    case 6: {
      r.seek(6);
      const first = r.u16();
      const count = r.u16();
      const ids: number[] = [];
      for (let i = 0; i < count; i++) ids.push(r.u16());
      return {
        lookup: (cp) => valid(ids[cp - first] ?? 0),
        forEach: (fn) => ids.forEach((g, i) => valid(g) && fn(first + i, g)),
      };
    }
    case 4:
      return readFormat4(r, valid);
    case 12:
    case 13:
      return readFormat12(r, format, valid);
    default:
      throw new FontUnsupportedError(`cmap format ${format}`);
  }
}

function readFormat4(r: BinaryReader, valid: (g: number) => number): Mappings {
  r.seek(6);
  const segX2 = r.u16();
  const segs = segX2 >> 1;
  r.seek(14);
  const ends = new Uint16Array(segs);
  const starts = new Uint16Array(segs);
  const deltas = new Int16Array(segs);
  const rangeOffsets = new Uint16Array(segs);
  for (let i = 0; i < segs; i++) ends[i] = r.u16();
  r.u16(); // reservedPad
  for (let i = 0; i < segs; i++) starts[i] = r.u16();
  for (let i = 0; i < segs; i++) deltas[i] = r.i16();
  const rangeBase = r.offset;
  for (let i = 0; i < segs; i++) rangeOffsets[i] = r.u16();
  const glyphAt = (seg: number, cp: number): number => {
    const ro = rangeOffsets[seg] as number;
    const delta = deltas[seg] as number;
    if (ro === 0) return valid((cp + delta) & 0xffff);
    // idRangeOffset is relative to its own slot in the idRangeOffset array.
    const at = rangeBase + seg * 2 + ro + (cp - (starts[seg] as number)) * 2;
    if (at + 2 > r.length) return 0;
    const g = r.seek(at).u16();
    return g === 0 ? 0 : valid((g + delta) & 0xffff);
  };
  return {
    lookup(cp) {
      if (cp > 0xffff) return 0;
      let lo = 0;
      let hi = segs - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((ends[mid] as number) < cp) lo = mid + 1;
        else hi = mid - 1;
      }
      if (lo >= segs || (starts[lo] as number) > cp) return 0;
      return glyphAt(lo, cp);
    },
    forEach(fn) {
      for (let s = 0; s < segs; s++) {
        const end = ends[s] as number;
        for (let cp = starts[s] as number; cp <= end && cp !== 0xffff; cp++) {
          const g = glyphAt(s, cp);
          if (g) fn(cp, g);
        }
      }
    },
  };
}

function readFormat12(r: BinaryReader, format: number, valid: (g: number) => number): Mappings {
  r.seek(12);
  const n = r.u32();
  if (n * 12 > r.length - 16) throw new FontUnsupportedError('cmap format 12 group count exceeds the table');
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const gids = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = r.u32();
    ends[i] = Math.min(r.u32(), 0x10ffff);
    gids[i] = r.u32();
  }
  const glyph = (i: number, cp: number): number => valid(format === 13 ? (gids[i] as number) : (gids[i] as number) + cp - (starts[i] as number));
  return {
    lookup(cp) {
      let lo = 0;
      let hi = n - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((ends[mid] as number) < cp) lo = mid + 1;
        else if ((starts[mid] as number) > cp) hi = mid - 1;
        else return glyph(mid, cp);
      }
      return 0;
    },
    forEach(fn) {
      for (let i = 0; i < n; i++) {
        for (let cp = starts[i] as number; cp <= (ends[i] as number); cp++) {
          const g = glyph(i, cp);
          if (g) fn(cp, g);
          else if (format === 12) break; // past numGlyphs: the rest of the group is out of range too
        }
      }
    },
  };
}
