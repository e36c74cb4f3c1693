import type { BinaryReader } from '../binary-reader.js';

/** OpenType 'hhea' table (fields this engine uses). */
export interface HheaTable {
  readonly ascender: number;
  readonly descender: number;
  readonly lineGap: number;
  readonly advanceWidthMax: number;
  readonly numberOfHMetrics: number;
}

export function parseHhea(r: BinaryReader): HheaTable {
  r.seek(4);
  const ascender = r.i16();
  const descender = r.i16();
  const lineGap = r.i16();
  const advanceWidthMax = r.u16();
  r.seek(34);
  return { ascender, descender, lineGap, advanceWidthMax, numberOfHMetrics: r.u16() };
}
