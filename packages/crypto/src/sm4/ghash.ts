// Reduction constants for shifting a GF(2^128) element by 4 bit positions (NIST SP 800-38D §6.3,
// R = 11100001‖0^120), indexed by the 4 bits shifted out.
const LAST4 = [
  0x0000, 0x1c20, 0x3840, 0x2460, 0x7080, 0x6ca0, 0x48c0, 0x54e0, 0xe100, 0xfd20, 0xd940, 0xc560, 0x9180, 0x8da0, 0xa9c0, 0xb5e0,
];

/**
 * GHASH_H (NIST SP 800-38D §6.4) with a 4-bit table of multiples of H (Shoup's method) on 32-bit
 * words. Pure JavaScript; one instance per key. Data is absorbed in 16-byte blocks (zero-padded).
 */
export class Ghash {
  // table[i] = i·H for the 16 nibble values, as 4 big-endian 32-bit words each.
  readonly #table = new Uint32Array(64);
  readonly #y = new Uint32Array(4);
  readonly #block = new Uint8Array(16);

  constructor(h: Uint8Array) {
    if (h.length !== 16) throw new RangeError('GHASH key must be 16 bytes');
    const t = this.#table;
    let v0 = readU32(h, 0), v1 = readU32(h, 4), v2 = readU32(h, 8), v3 = readU32(h, 12);
    t.set([v0, v1, v2, v3], 8 * 4);
    // 4·H, 2·H, 1·H (in GCM's reflected bit order "·x" is a right shift with reduction).
    for (let i = 4; i > 0; i >>= 1) {
      const carry = v3 & 1;
      v3 = (v3 >>> 1) | (v2 << 31);
      v2 = (v2 >>> 1) | (v1 << 31);
      v1 = (v1 >>> 1) | (v0 << 31);
      v0 = (v0 >>> 1) ^ (carry ? 0xe1000000 : 0);
      t.set([v0 >>> 0, v1 >>> 0, v2 >>> 0, v3 >>> 0], i * 4);
    }
    for (let i = 2; i <= 8; i *= 2) {
      for (let j = 1; j < i; j++) {
        for (let w = 0; w < 4; w++) t[(i + j) * 4 + w] = (t[i * 4 + w] as number) ^ (t[j * 4 + w] as number);
      }
    }
  }

  /** Absorbs `data`, zero-padding its last partial block (as GCM pads A and C). */
  update(data: Uint8Array): this {
    let offset = 0;
    for (; offset + 16 <= data.length; offset += 16) this.#absorb(data, offset);
    if (offset < data.length) {
      this.#block.fill(0);
      this.#block.set(data.subarray(offset));
      this.#absorb(this.#block, 0);
    }
    return this;
  }

  digest(): Uint8Array {
    const out = new Uint8Array(16);
    for (let w = 0; w < 4; w++) writeU32(out, 4 * w, this.#y[w] as number);
    return out;
  }

  // Y = (Y ⊕ X)·H
  #absorb(data: Uint8Array, offset: number): void {
    const y = this.#y;
    const x = data.subarray(offset, offset + 16);
    const b = new Uint8Array(16);
    for (let w = 0; w < 4; w++) writeU32(b, 4 * w, (y[w] as number) ^ readU32(x, 4 * w));
    const t = this.#table;
    let z0 = 0, z1 = 0, z2 = 0, z3 = 0;
    for (let i = 15; i >= 0; i--) {
      const byte = b[i] as number;
      for (let half = 0; half < 2; half++) {
        const nibble = half === 0 ? byte & 0x0f : byte >>> 4;
        if (i !== 15 || half !== 0) {
          const rem = z3 & 0x0f;
          z3 = (z3 >>> 4) | (z2 << 28);
          z2 = (z2 >>> 4) | (z1 << 28);
          z1 = (z1 >>> 4) | (z0 << 28);
          z0 = (z0 >>> 4) ^ ((LAST4[rem] as number) << 16);
        }
        const k = nibble * 4;
        z0 ^= t[k] as number;
        z1 ^= t[k + 1] as number;
        z2 ^= t[k + 2] as number;
        z3 ^= t[k + 3] as number;
      }
    }
    y[0] = z0;
    y[1] = z1;
    y[2] = z2;
    y[3] = z3;
  }
}

function readU32(b: Uint8Array, o: number): number {
  return (((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number)) >>> 0;
}

function writeU32(b: Uint8Array, o: number, v: number): void {
  b[o] = v >>> 24;
  b[o + 1] = (v >>> 16) & 0xff;
  b[o + 2] = (v >>> 8) & 0xff;
  b[o + 3] = v & 0xff;
}
