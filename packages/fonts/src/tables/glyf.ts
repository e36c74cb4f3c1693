import { BinaryReader } from '../binary-reader.js';
import { FontMalformedError } from '../errors.js';
import type { PathCommand } from '../path-commands.js';

export interface GlyphPoint {
  x: number;
  y: number;
  onCurve: boolean;
}

// Composite glyph flags (OpenType 'glyf', "Composite Glyph Description").
export const ARG_1_AND_2_ARE_WORDS = 0x0001;
const ARGS_ARE_XY_VALUES = 0x0002;
const WE_HAVE_A_SCALE = 0x0008;
export const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
export const WE_HAVE_INSTRUCTIONS = 0x0100;
const SCALED_COMPONENT_OFFSET = 0x0800;
const UNSCALED_COMPONENT_OFFSET = 0x1000;

const MAX_COMPOSITE_DEPTH = 16;
const MAX_POINTS = 65536;

/** TrueType outlines ('loca' + 'glyf'). */
export class TrueTypeOutlines {
  constructor(
    private readonly glyf: BinaryReader,
    readonly offsets: Uint32Array,
  ) {}

  static parse(glyf: BinaryReader, loca: BinaryReader, numGlyphs: number, longFormat: boolean): TrueTypeOutlines {
    const offsets = new Uint32Array(numGlyphs + 1);
    const available = Math.floor(loca.length / (longFormat ? 4 : 2));
    if (available < numGlyphs + 1) throw new FontMalformedError('loca is shorter than numGlyphs + 1', { available, numGlyphs });
    for (let i = 0; i <= numGlyphs; i++) offsets[i] = longFormat ? loca.u32() : loca.u16() * 2;
    return new TrueTypeOutlines(glyf, offsets);
  }

  /** Raw glyph record; empty for glyphs without an outline (or with broken offsets). */
  glyphBytes(gid: number): Uint8Array {
    const start = this.offsets[gid];
    const end = this.offsets[gid + 1];
    if (start === undefined || end === undefined || end <= start || end > this.glyf.length) return new Uint8Array(0);
    return this.glyf.bytes.subarray(this.glyf.start + start, this.glyf.start + end);
  }

  private reader(gid: number): BinaryReader | undefined {
    const b = this.glyphBytes(gid);
    return b.length >= 10 ? new BinaryReader(b, 0, b.length, `glyph ${gid}`) : undefined;
  }

  /** Glyph ids referenced directly by a composite glyph (empty for simple glyphs). */
  components(gid: number): number[] {
    const r = this.reader(gid);
    if (!r || r.i16() >= 0) return [];
    r.seek(10);
    const out: number[] = [];
    let flags: number;
    do {
      flags = r.u16();
      out.push(r.u16());
      r.skip(componentTail(flags));
    } while (flags & MORE_COMPONENTS);
    return out;
  }

  bbox(gid: number): { xMin: number; yMin: number; xMax: number; yMax: number } | undefined {
    const r = this.reader(gid);
    if (!r) return undefined;
    r.i16();
    return { xMin: r.i16(), yMin: r.i16(), xMax: r.i16(), yMax: r.i16() };
  }

  /** Contours with composite glyphs resolved into one point list per contour. */
  contours(gid: number, depth = 0, seen: ReadonlySet<number> = new Set()): GlyphPoint[][] {
    if (depth > MAX_COMPOSITE_DEPTH || seen.has(gid)) throw new FontMalformedError('composite glyph nesting too deep or cyclic', { gid });
    const r = this.reader(gid);
    if (!r) return [];
    const n = r.i16();
    r.seek(10);
    return n >= 0 ? readSimple(r, n) : this.readComposite(r, depth, new Set([...seen, gid]));
  }

  private readComposite(r: BinaryReader, depth: number, seen: ReadonlySet<number>): GlyphPoint[][] {
    const out: GlyphPoint[][] = [];
    let flags: number;
    do {
      flags = r.u16();
      const child = r.u16();
      let a1: number;
      let a2: number;
      if (flags & ARG_1_AND_2_ARE_WORDS) {
        a1 = flags & ARGS_ARE_XY_VALUES ? r.i16() : r.u16();
        a2 = flags & ARGS_ARE_XY_VALUES ? r.i16() : r.u16();
      } else {
        a1 = flags & ARGS_ARE_XY_VALUES ? r.i8() : r.u8();
        a2 = flags & ARGS_ARE_XY_VALUES ? r.i8() : r.u8();
      }
      let a = 1, b = 0, c = 0, d = 1;
      if (flags & WE_HAVE_A_SCALE) a = d = r.f2dot14();
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) { a = r.f2dot14(); d = r.f2dot14(); }
      else if (flags & WE_HAVE_A_TWO_BY_TWO) { a = r.f2dot14(); b = r.f2dot14(); c = r.f2dot14(); d = r.f2dot14(); }
      const childContours = this.contours(child, depth + 1, seen).map((ct) =>
        ct.map((p) => ({ x: a * p.x + c * p.y, y: b * p.x + d * p.y, onCurve: p.onCurve })),
      );
      let dx: number;
      let dy: number;
      if (flags & ARGS_ARE_XY_VALUES) {
        dx = a1;
        dy = a2;
        if ((flags & SCALED_COMPONENT_OFFSET) && !(flags & UNSCALED_COMPONENT_OFFSET)) {
          [dx, dy] = [a * a1 + c * a2, b * a1 + d * a2];
        }
      } else {
        // Point matching: align child point a2 with parent point a1 (both counted across contours).
        const parentPt = out.flat()[a1];
        const childPt = childContours.flat()[a2];
        if (!parentPt || !childPt) throw new FontMalformedError('composite anchor point out of range');
        dx = parentPt.x - childPt.x;
        dy = parentPt.y - childPt.y;
      }
      for (const ct of childContours) out.push(ct.map((p) => ({ x: p.x + dx, y: p.y + dy, onCurve: p.onCurve })));
    } while (flags & MORE_COMPONENTS);
    return out;
  }
}

/** Bytes after flags+glyphIndex of one component record. */
export function componentTail(flags: number): number {
  let n = flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2;
  if (flags & WE_HAVE_A_SCALE) n += 2;
  else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) n += 4;
  else if (flags & WE_HAVE_A_TWO_BY_TWO) n += 8;
  return n;
}

function readSimple(r: BinaryReader, nContours: number): GlyphPoint[][] {
  const ends: number[] = [];
  for (let i = 0; i < nContours; i++) ends.push(r.u16());
  const nPoints = nContours === 0 ? 0 : (ends[nContours - 1] as number) + 1;
  if (nPoints > MAX_POINTS) throw new FontMalformedError('too many points in glyph', { nPoints });
  r.skip(r.u16()); // instructions
  const flags = new Uint8Array(nPoints);
  for (let i = 0; i < nPoints; ) {
    const f = r.u8();
    flags[i++] = f;
    if (f & 0x08) {
      const repeat = r.u8();
      for (let k = 0; k < repeat && i < nPoints; k++) flags[i++] = f;
    }
  }
  const xs = readCoords(r, flags, 0x02, 0x10);
  const ys = readCoords(r, flags, 0x04, 0x20);
  const contours: GlyphPoint[][] = [];
  let start = 0;
  for (const end of ends) {
    if (end < start || end >= nPoints) throw new FontMalformedError('glyph contour end points are not increasing');
    const ct: GlyphPoint[] = [];
    for (let i = start; i <= end; i++) ct.push({ x: xs[i] as number, y: ys[i] as number, onCurve: ((flags[i] as number) & 1) === 1 });
    contours.push(ct);
    start = end + 1;
  }
  return contours;
}

function readCoords(r: BinaryReader, flags: Uint8Array, shortBit: number, sameBit: number): Int32Array {
  const out = new Int32Array(flags.length);
  let v = 0;
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i] as number;
    if (f & shortBit) v += f & sameBit ? r.u8() : -r.u8();
    else if (!(f & sameBit)) v += r.i16();
    out[i] = v;
  }
  return out;
}

/** Quadratic path for TrueType contours; off-curve pairs imply an on-curve midpoint. */
export function contoursToPath(contours: readonly GlyphPoint[][]): PathCommand[] {
  const out: PathCommand[] = [];
  for (const ct of contours) {
    if (ct.length === 0) continue;
    const n = ct.length;
    const first = ct[0] as GlyphPoint;
    const last = ct[n - 1] as GlyphPoint;
    let start: { x: number; y: number };
    let i0: number;
    if (first.onCurve) { start = first; i0 = 1; }
    else if (last.onCurve) { start = last; i0 = 0; }
    else { start = { x: (first.x + last.x) / 2, y: (first.y + last.y) / 2 }; i0 = 0; }
    out.push({ type: 'M', x: start.x, y: start.y });
    const count = first.onCurve ? n - 1 : last.onCurve ? n - 1 : n;
    let ctrl: GlyphPoint | undefined;
    for (let k = 0; k < count; k++) {
      const p = ct[(i0 + k) % n] as GlyphPoint;
      if (p.onCurve) {
        out.push(ctrl ? { type: 'Q', x1: ctrl.x, y1: ctrl.y, x: p.x, y: p.y } : { type: 'L', x: p.x, y: p.y });
        ctrl = undefined;
      } else {
        if (ctrl) out.push({ type: 'Q', x1: ctrl.x, y1: ctrl.y, x: (ctrl.x + p.x) / 2, y: (ctrl.y + p.y) / 2 });
        ctrl = p;
      }
    }
    if (ctrl) out.push({ type: 'Q', x1: ctrl.x, y1: ctrl.y, x: start.x, y: start.y });
    else if (count > 0) out.push({ type: 'L', x: start.x, y: start.y });
    out.push({ type: 'Z' });
  }
  return out;
}
