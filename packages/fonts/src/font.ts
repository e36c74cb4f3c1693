import { InvalidArgumentError } from '@openseal/kernel';
import { BinaryReader } from './binary-reader.js';
import type { CffOutlines } from './cff/cff-outlines.js';
import { FontUnsupportedError } from './errors.js';
import type { BBox, FontMetrics } from './font-metrics.js';
import type { FontNames } from './font-names.js';
import type { PathCommand } from './path-commands.js';
import type { SfntDirectory, OutlineFormat, TableRecord } from './sfnt-directory.js';
import type { CmapLookup } from './tables/cmap.js';
import { contoursToPath, type TrueTypeOutlines } from './tables/glyf.js';
import type { HmtxTable } from './tables/hmtx.js';
import { layoutText, type TextLayout } from './text-layout.js';

/** @internal what parseFontFile assembles; use parseFontFile to get a Font. */
export interface FontParts {
  readonly bytes: Uint8Array;
  readonly faceIndex: number;
  readonly directory: SfntDirectory;
  readonly numGlyphs: number;
  readonly names: FontNames;
  readonly metrics: FontMetrics;
  readonly cmap: CmapLookup;
  readonly hmtx: HmtxTable;
  readonly trueType: TrueTypeOutlines | undefined;
  readonly cff: CffOutlines | undefined;
}

/** One parsed face of a .ttf/.otf/.ttc file. Immutable; all measures in font units unless named *Pt. */
export class Font {
  readonly bytes: Uint8Array;
  readonly faceIndex: number;
  readonly outlineFormat: OutlineFormat;
  readonly numGlyphs: number;
  readonly unitsPerEm: number;
  readonly names: FontNames;
  readonly metrics: FontMetrics;
  /** @internal glyph sources, used by subsetting */
  readonly trueType: TrueTypeOutlines | undefined;
  private readonly cmap: CmapLookup;
  private readonly hmtx: HmtxTable;
  private readonly cff: CffOutlines | undefined;
  private readonly directory: SfntDirectory;

  constructor(parts: FontParts) {
    this.bytes = parts.bytes;
    this.faceIndex = parts.faceIndex;
    this.directory = parts.directory;
    this.outlineFormat = parts.directory.outlineFormat;
    this.numGlyphs = parts.numGlyphs;
    this.unitsPerEm = parts.metrics.unitsPerEm;
    this.names = parts.names;
    this.metrics = parts.metrics;
    this.cmap = parts.cmap;
    this.hmtx = parts.hmtx;
    this.trueType = parts.trueType;
    this.cff = parts.cff;
  }

  get bbox(): BBox {
    return this.metrics.bbox;
  }
  get ascent(): number {
    return this.metrics.ascent;
  }
  get descent(): number {
    return this.metrics.descent;
  }

  /** Glyph id for a Unicode code point; 0 (.notdef) when the font has none. */
  glyphIdForCodePoint(cp: number): number {
    return this.cmap.lookup(cp);
  }

  hasCodePoint(cp: number): boolean {
    return this.cmap.lookup(cp) !== 0;
  }

  /** Every (code point → glyph id) mapping of the Unicode cmap, in code point order per subtable segment. */
  forEachCodePoint(fn: (cp: number, gid: number) => void): void {
    this.cmap.forEach(fn);
  }

  /** Advance width in font units (0 for glyph ids out of range). */
  advanceWidth(gid: number): number {
    return this.hmtx.advance(gid);
  }

  leftSideBearing(gid: number): number {
    return this.hmtx.leftSideBearing(gid);
  }

  /** Bounding box of one glyph in font units; undefined for empty glyphs (e.g. space). */
  glyphBBox(gid: number): BBox | undefined {
    this.checkGid(gid);
    if (this.trueType) return this.trueType.bbox(gid);
    if (this.cff) return boxOf(this.cff.path(gid));
    return undefined;
  }

  /** Simple left-to-right layout at sizePt: glyph ids, advances in points, missing code points. */
  layoutText(text: string, sizePt: number): TextLayout {
    return layoutText(this, text, sizePt);
  }

  /** Outline in font units, y up: quadratic (TrueType) or cubic (CFF) commands. */
  glyphPath(gid: number): PathCommand[] {
    this.checkGid(gid);
    if (this.trueType) return contoursToPath(this.trueType.contours(gid));
    if (this.cff) return this.cff.path(gid);
    throw new FontUnsupportedError('outlines of this font', { outlineFormat: this.outlineFormat });
  }

  hasTable(tag: string): boolean {
    return this.directory.tables.has(tag);
  }

  /** Raw bytes of a table of this face (a view into `bytes`), or undefined. */
  table(tag: string): Uint8Array | undefined {
    const rec = this.directory.tables.get(tag);
    return rec ? this.bytes.subarray(rec.offset, rec.offset + rec.length) : undefined;
  }

  /** @internal */
  tableRecords(): readonly TableRecord[] {
    return [...this.directory.tables.values()];
  }

  /** @internal */
  tableReader(tag: string): BinaryReader | undefined {
    const rec = this.directory.tables.get(tag);
    return rec ? new BinaryReader(this.bytes, rec.offset, rec.offset + rec.length, `${tag} table`) : undefined;
  }

  private checkGid(gid: number): void {
    if (!Number.isInteger(gid) || gid < 0 || gid >= this.numGlyphs) throw new InvalidArgumentError('glyph id out of range', { gid, numGlyphs: this.numGlyphs });
  }
}

function boxOf(path: readonly PathCommand[]): BBox | undefined {
  let xMin = Infinity, yMin = Infinity, xMax = -Infinity, yMax = -Infinity;
  const add = (x: number, y: number): void => {
    xMin = Math.min(xMin, x); yMin = Math.min(yMin, y); xMax = Math.max(xMax, x); yMax = Math.max(yMax, y);
  };
  for (const c of path) {
    if (c.type === 'Z') continue;
    add(c.x, c.y);
    if (c.type === 'Q' || c.type === 'C') add(c.x1, c.y1);
    if (c.type === 'C') add(c.x2, c.y2);
  }
  return xMin === Infinity ? undefined : { xMin: Math.floor(xMin), yMin: Math.floor(yMin), xMax: Math.ceil(xMax), yMax: Math.ceil(yMax) };
}
