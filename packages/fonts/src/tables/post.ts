import type { BinaryReader } from '../binary-reader.js';

/** OpenType 'post' table header (glyph names are not read). */
export interface PostTable {
  readonly italicAngle: number;
  readonly underlinePosition: number;
  readonly underlineThickness: number;
  readonly isFixedPitch: boolean;
}

export function parsePost(r: BinaryReader): PostTable {
  r.seek(4);
  const italicAngle = r.fixed();
  const underlinePosition = r.i16();
  const underlineThickness = r.i16();
  return { italicAngle, underlinePosition, underlineThickness, isFixedPitch: r.u32() !== 0 };
}
