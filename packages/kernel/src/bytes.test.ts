import { describe, expect, it } from 'vitest';
import { bigIntToBytes, bytesToBigInt, concatBytes, equalBytes, fromBase64, fromHex, toBase64, toHex } from './bytes.js';

describe('bytes', () => {
  it('round-trips hex and base64 for every length up to 40', () => {
    for (let n = 0; n <= 40; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(fromHex(toHex(b))).toEqual(b);
      expect(fromBase64(toBase64(b))).toEqual(b);
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
    }
  });
  it('rejects malformed hex and base64', () => {
    expect(() => fromHex('abc')).toThrow(TypeError);
    expect(() => fromHex('zz')).toThrow(TypeError);
    expect(() => fromBase64('ab$d')).toThrow(TypeError);
  });
  it('compares and concatenates', () => {
    expect(equalBytes(concatBytes(fromHex('01'), fromHex('0203')), fromHex('010203'))).toBe(true);
    expect(equalBytes(fromHex('0102'), fromHex('0103'))).toBe(false);
  });
  it('converts big integers with fixed width', () => {
    expect(toHex(bigIntToBytes(0x0102n, 4))).toBe('00000102');
    expect(bytesToBigInt(fromHex('ff00'))).toBe(0xff00n);
    expect(() => bigIntToBytes(0x10000n, 2)).toThrow(RangeError);
  });
});
