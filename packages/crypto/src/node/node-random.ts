import { randomBytes } from 'node:crypto';
import type { RandomSource } from '@openseal/kernel';

/** The operating system's CSPRNG through node:crypto: the RandomSource for production Node code. */
export const nodeRandom: RandomSource = {
  bytes(length: number): Uint8Array {
    return new Uint8Array(randomBytes(length));
  },
};
