import { FontMalformedError } from '../errors.js';

/** DICT operator → operands (Adobe TN 5176 §4); two-byte operators are keyed 1200 + second byte. */
export type CffDict = Map<number, number[]>;

const REAL_NIBBLES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', 'E', 'E-', '', '-', ''];

export function parseCffDict(b: Uint8Array, start: number, end: number): CffDict {
  const dict: CffDict = new Map();
  let operands: number[] = [];
  let i = start;
  const byte = (): number => {
    if (i >= end) throw new FontMalformedError('CFF DICT is truncated');
    return b[i++] as number;
  };
  while (i < end) {
    const b0 = byte();
    if (b0 <= 21) {
      const op = b0 === 12 ? 1200 + byte() : b0;
      dict.set(op, operands);
      operands = [];
    } else if (b0 === 28) {
      const v = (byte() << 8) | byte();
      operands.push(v > 0x7fff ? v - 0x10000 : v);
    } else if (b0 === 29) {
      operands.push((byte() << 24) | (byte() << 16) | (byte() << 8) | byte());
    } else if (b0 === 30) {
      let s = '';
      for (;;) {
        const n = byte();
        const hi = n >> 4, lo = n & 15;
        if (hi === 15) break;
        s += REAL_NIBBLES[hi];
        if (lo === 15) break;
        s += REAL_NIBBLES[lo];
      }
      operands.push(Number.parseFloat(s) || 0);
    } else if (b0 >= 32 && b0 <= 246) operands.push(b0 - 139);
    else if (b0 >= 247 && b0 <= 250) operands.push((b0 - 247) * 256 + byte() + 108);
    else if (b0 >= 251 && b0 <= 254) operands.push(-(b0 - 251) * 256 - byte() - 108);
    else throw new FontMalformedError('reserved byte in CFF DICT', { b0 });
    if (operands.length > 48) throw new FontMalformedError('too many CFF DICT operands');
  }
  return dict;
}
