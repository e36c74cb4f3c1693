import type { RandomSource } from '@openseal/kernel';
import { bytesToBigInt } from '@openseal/kernel';
import { CryptoOperationError } from '../errors.js';

/**
 * A uniformly random integer in [1, max] (max < 2^bitLength(n)), by rejection sampling over
 * bitLength(n)-bit candidates. A RandomSource that never yields one is broken: fail after 256 tries.
 */
export function randomScalar(random: RandomSource, n: bigint, max: bigint): bigint {
  const bits = n.toString(2).length;
  const length = Math.ceil(bits / 8);
  const excess = length * 8 - bits;
  for (let i = 0; i < 256; i++) {
    const bytes = random.bytes(length);
    if (bytes.length !== length) throw new CryptoOperationError('random source returned too few bytes');
    if (excess > 0) bytes[0] = (bytes[0] as number) & (0xff >> excess);
    const k = bytesToBigInt(bytes);
    if (k >= 1n && k <= max) return k;
  }
  throw new CryptoOperationError('random source yields no usable scalar');
}
