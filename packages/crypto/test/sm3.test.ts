import { describe, expect, it } from 'vitest';
import { createHash, createHmac } from 'node:crypto';
import { SeededRandom, toHex, utf8 } from '@openseal/kernel';
import { hmacSm3, Sm3, sm3 } from '../src/index.js';
import { NodeHasher, nodeSm3 } from '../src/node/index.js';

// sm-vectors.md §1 (GB/T 32905-2016 examples 1 and 2, and the empty message).
const VECTORS: [string, Uint8Array, string][] = [
  ['"abc"', utf8('abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
  ['"abcd" × 16', utf8('abcd'.repeat(16)), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
  ['the empty message', new Uint8Array(0), '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b'],
];

describe('SM3 (GB/T 32905)', () => {
  it.each(VECTORS)('pure JS: %s', (_name, input, digest) => {
    expect(toHex(sm3(input))).toBe(digest);
    expect(toHex(new Sm3().update(input).digest())).toBe(digest);
  });

  it.each(VECTORS)('node:crypto: %s', (_name, input, digest) => {
    expect(toHex(nodeSm3(input))).toBe(digest);
    expect(toHex(new NodeHasher('SM3').update(input).digest())).toBe(digest);
  });

  it('streams in arbitrary chunks and agrees with OpenSSL for every length up to 300 bytes', () => {
    const random = new SeededRandom(5);
    for (let length = 0; length <= 300; length++) {
      const data = random.bytes(length);
      const expected = createHash('sm3').update(data).digest('hex');
      const h = new Sm3();
      for (let o = 0; o < length; ) {
        const n = 1 + ((random.bytes(1)[0] as number) % 70);
        h.update(data.subarray(o, o + n));
        o += n;
      }
      expect(toHex(h.digest())).toBe(expected);
    }
  });

  it('refuses to be used after digest()', () => {
    const h = new Sm3().update(utf8('x'));
    h.digest();
    expect(() => h.update(utf8('y'))).toThrow();
    expect(() => h.digest()).toThrow();
  });

  it('HMAC-SM3 matches the published example and OpenSSL', () => {
    expect(toHex(hmacSm3(utf8('TestSecret'), utf8('Hello World')))).toBe('9d91da552268ddf11b9f69662773a66c6375b250336dfb9293e7e2611c36d79f');
    const random = new SeededRandom(9);
    for (const keyLength of [0, 16, 64, 65, 200]) {
      const key = random.bytes(keyLength);
      const data = random.bytes(keyLength * 3 + 1);
      expect(toHex(hmacSm3(key, data))).toBe(createHmac('sm3', key).update(data).digest('hex'));
    }
  });
});
