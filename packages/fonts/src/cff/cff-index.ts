import type { BinaryReader } from '../binary-reader.js';
import { FontMalformedError } from '../errors.js';

/** A CFF INDEX (Adobe TN 5176 §5): `count` byte strings addressed by 1-based offsets. */
export interface CffIndex {
  readonly count: number;
  /** Absolute [start, end) of item i in the underlying bytes. */
  range(i: number): [number, number];
  /** Offset just past the INDEX, relative to the reader's start. */
  readonly end: number;
}

export function readCffIndex(r: BinaryReader, offset: number): CffIndex {
  r.seek(offset);
  const count = r.u16();
  if (count === 0) return { count, range: () => [0, 0], end: offset + 2 };
  const offSize = r.u8();
  if (offSize < 1 || offSize > 4) throw new FontMalformedError('CFF INDEX offSize out of range', { offSize });
  const offsetsAt = r.offset;
  const dataBase = offsetsAt + (count + 1) * offSize - 1;
  const readOffset = (i: number): number => {
    r.seek(offsetsAt + i * offSize);
    let v = 0;
    for (let k = 0; k < offSize; k++) v = v * 256 + r.u8();
    return v;
  };
  const last = readOffset(count);
  if (dataBase + last > r.length) throw new FontMalformedError('CFF INDEX data runs past the table');
  return {
    count,
    end: dataBase + last,
    range(i) {
      const s = readOffset(i);
      const e = readOffset(i + 1);
      if (s < 1 || e < s || e > last) throw new FontMalformedError('CFF INDEX offsets are not increasing', { i });
      return [r.start + dataBase + s, r.start + dataBase + e];
    },
  };
}
