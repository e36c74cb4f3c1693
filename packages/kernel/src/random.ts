/** Randomness is an input: engines that need it (nonces, serials, SM2's k) take a RandomSource. */
export interface RandomSource {
  /** Returns `length` unpredictable bytes. */
  bytes(length: number): Uint8Array;
}

/**
 * Deterministic xorshift-based source — tests only; never for keys or signatures in production.
 */
export class SeededRandom implements RandomSource {
  #s: bigint;
  constructor(seed: number | bigint = 1) {
    this.#s = (BigInt(seed) & 0xffffffffffffffffn) || 0x9e3779b97f4a7c15n;
  }
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      let x = this.#s;
      x ^= (x << 13n) & 0xffffffffffffffffn;
      x ^= x >> 7n;
      x ^= (x << 17n) & 0xffffffffffffffffn;
      this.#s = x;
      out[i] = Number(x & 0xffn);
    }
    return out;
  }
}
