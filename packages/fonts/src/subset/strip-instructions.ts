import { BinaryReader } from '../binary-reader.js';
import { componentTail, MORE_COMPONENTS, WE_HAVE_INSTRUCTIONS } from '../tables/glyf.js';

/** A glyph record without TrueType instructions (used when the hinting tables are dropped). */
export function stripInstructions(glyph: Uint8Array): Uint8Array {
  if (glyph.length < 10) return glyph;
  const r = new BinaryReader(glyph, 0, glyph.length, 'glyph');
  const nContours = r.i16();
  r.seek(10);
  if (nContours >= 0) {
    r.skip(2 * nContours);
    const lenAt = r.offset;
    const len = r.u16();
    if (len === 0) return glyph;
    const out = new Uint8Array(glyph.length - len);
    out.set(glyph.subarray(0, lenAt));
    out.set(glyph.subarray(lenAt + 2 + len), lenAt + 2); // the length field stays, zeroed by construction
    return out;
  }
  const out = glyph.slice();
  let flags: number;
  let flagsAt: number;
  do {
    flagsAt = r.offset;
    flags = r.u16();
    r.skip(2 + componentTail(flags));
    out[flagsAt] = (flags & ~WE_HAVE_INSTRUCTIONS) >> 8;
    out[flagsAt + 1] = flags & 0xff;
  } while (flags & MORE_COMPONENTS);
  return out.subarray(0, r.offset);
}
