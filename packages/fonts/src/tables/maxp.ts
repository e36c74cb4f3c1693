import type { BinaryReader } from '../binary-reader.js';
import { FontMalformedError } from '../errors.js';

export function parseMaxpNumGlyphs(r: BinaryReader): number {
  r.seek(4);
  const n = r.u16();
  if (n === 0) throw new FontMalformedError('maxp.numGlyphs is 0');
  return n;
}
