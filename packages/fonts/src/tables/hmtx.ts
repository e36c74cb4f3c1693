import type { BinaryReader } from '../binary-reader.js';
import { FontMalformedError } from '../errors.js';

/** Horizontal metrics: glyphs past numberOfHMetrics repeat the last advance (OpenType 'hmtx'). */
export class HmtxTable {
  private constructor(
    private readonly advances: Uint16Array,
    private readonly lsbs: Int16Array,
  ) {}

  static parse(r: BinaryReader, numberOfHMetrics: number, numGlyphs: number): HmtxTable {
    if (numberOfHMetrics === 0) throw new FontMalformedError('hhea.numberOfHMetrics is 0');
    const nMetrics = Math.min(numberOfHMetrics, numGlyphs);
    const advances = new Uint16Array(numGlyphs);
    const lsbs = new Int16Array(numGlyphs);
    for (let i = 0; i < nMetrics; i++) {
      advances[i] = r.u16();
      lsbs[i] = r.i16();
    }
    const last = advances[nMetrics - 1] ?? 0;
    // Some fonts truncate the trailing lsb array; treat missing entries as 0 rather than failing.
    const lsbAvailable = Math.max(0, Math.floor((r.length - r.offset) / 2));
    for (let i = nMetrics; i < numGlyphs; i++) {
      advances[i] = last;
      lsbs[i] = i - nMetrics < lsbAvailable ? r.i16() : 0;
    }
    return new HmtxTable(advances, lsbs);
  }

  advance(gid: number): number {
    return this.advances[gid] ?? 0;
  }

  leftSideBearing(gid: number): number {
    return this.lsbs[gid] ?? 0;
  }
}
