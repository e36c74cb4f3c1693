import type { BinaryReader } from '../binary-reader.js';
import { FontMalformedError } from '../errors.js';

/** OpenType 'head' table (fields this engine uses). */
export interface HeadTable {
  readonly unitsPerEm: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly macStyle: number;
  readonly indexToLocFormat: 0 | 1;
}

export function parseHead(r: BinaryReader): HeadTable {
  r.seek(12);
  if (r.u32() !== 0x5f0f3cf5) throw new FontMalformedError('head.magicNumber is wrong');
  r.seek(18);
  const unitsPerEm = r.u16();
  if (unitsPerEm < 16 || unitsPerEm > 16384) throw new FontMalformedError('head.unitsPerEm out of range', { unitsPerEm });
  r.seek(36);
  const xMin = r.i16();
  const yMin = r.i16();
  const xMax = r.i16();
  const yMax = r.i16();
  const macStyle = r.u16();
  r.seek(50);
  const loc = r.i16();
  return { unitsPerEm, xMin, yMin, xMax, yMax, macStyle, indexToLocFormat: loc === 0 ? 0 : 1 };
}
