import type { Hasher } from '../hasher.js';

// GB/T 32905-2016 §4: initial value and round constants.
const IV = new Uint32Array([0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e]);
const T = new Int32Array(64);
for (let j = 0; j < 64; j++) {
  const t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
  const n = j % 32;
  T[j] = n === 0 ? t : (t << n) | (t >>> (32 - n));
}

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/**
 * SM3 (GB/T 32905-2016) in plain JavaScript, as a streaming Hasher. Used in browsers; Node code
 * uses node:crypto's 'sm3' instead (faster), see NodeCryptoProvider.
 */
export class Sm3 implements Hasher {
  readonly algorithm = 'SM3' as const;
  readonly #v = new Int32Array(IV);
  readonly #w = new Int32Array(68);
  readonly #block = new Uint8Array(64);
  #blockLength = 0;
  #total = 0;
  #finished = false;

  update(data: Uint8Array): this {
    if (this.#finished) throw new Error('Sm3: update() after digest()');
    let offset = 0;
    this.#total += data.length;
    if (this.#blockLength > 0) {
      const take = Math.min(64 - this.#blockLength, data.length);
      this.#block.set(data.subarray(0, take), this.#blockLength);
      this.#blockLength += take;
      offset = take;
      if (this.#blockLength < 64) return this;
      this.#compress(this.#block, 0);
      this.#blockLength = 0;
    }
    for (; offset + 64 <= data.length; offset += 64) this.#compress(data, offset);
    if (offset < data.length) {
      this.#block.set(data.subarray(offset));
      this.#blockLength = data.length - offset;
    }
    return this;
  }

  digest(): Uint8Array {
    if (this.#finished) throw new Error('Sm3: digest() called twice');
    this.#finished = true;
    // GB/T 32905 §5.2: append bit 1, zeros to 448 mod 512, then the 64-bit message bit length.
    const block = this.#block;
    let n = this.#blockLength;
    block[n++] = 0x80;
    if (n > 56) {
      block.fill(0, n);
      this.#compress(block, 0);
      n = 0;
    }
    block.fill(0, n, 56);
    const high = Math.floor(this.#total / 0x20000000);
    const low = (this.#total * 8) >>> 0;
    writeU32(block, 56, high);
    writeU32(block, 60, low);
    this.#compress(block, 0);
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) writeU32(out, 4 * i, this.#v[i] as number);
    return out;
  }

  // GB/T 32905 §5.3: message expansion and compression function CF.
  #compress(buf: Uint8Array, off: number): void {
    const w = this.#w;
    for (let j = 0; j < 16; j++) {
      const p = off + 4 * j;
      w[j] = ((buf[p] as number) << 24) | ((buf[p + 1] as number) << 16) | ((buf[p + 2] as number) << 8) | (buf[p + 3] as number);
    }
    for (let j = 16; j < 68; j++) {
      const x = (w[j - 16] as number) ^ (w[j - 9] as number) ^ rotl(w[j - 3] as number, 15);
      w[j] = x ^ rotl(x, 15) ^ rotl(x, 23) ^ rotl(w[j - 13] as number, 7) ^ (w[j - 6] as number);
    }
    const v = this.#v;
    let a = v[0] as number, b = v[1] as number, c = v[2] as number, d = v[3] as number;
    let e = v[4] as number, f = v[5] as number, g = v[6] as number, h = v[7] as number;
    for (let j = 0; j < 64; j++) {
      const a12 = rotl(a, 12);
      const ss1 = rotl((a12 + e + (T[j] as number)) | 0, 7);
      const ss2 = ss1 ^ a12;
      const wj = w[j] as number;
      const wj1 = wj ^ (w[j + 4] as number);
      let tt1: number, tt2: number;
      if (j < 16) {
        tt1 = ((a ^ b ^ c) + d + ss2 + wj1) | 0;
        tt2 = ((e ^ f ^ g) + h + ss1 + wj) | 0;
      } else {
        tt1 = (((a & b) | (a & c) | (b & c)) + d + ss2 + wj1) | 0;
        tt2 = (((e & f) | (~e & g)) + h + ss1 + wj) | 0;
      }
      d = c;
      c = rotl(b, 9);
      b = a;
      a = tt1;
      h = g;
      g = rotl(f, 19);
      f = e;
      e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17);
    }
    v[0] = (v[0] as number) ^ a;
    v[1] = (v[1] as number) ^ b;
    v[2] = (v[2] as number) ^ c;
    v[3] = (v[3] as number) ^ d;
    v[4] = (v[4] as number) ^ e;
    v[5] = (v[5] as number) ^ f;
    v[6] = (v[6] as number) ^ g;
    v[7] = (v[7] as number) ^ h;
  }
}

function writeU32(out: Uint8Array, offset: number, value: number): void {
  out[offset] = value >>> 24;
  out[offset + 1] = (value >>> 16) & 0xff;
  out[offset + 2] = (value >>> 8) & 0xff;
  out[offset + 3] = value & 0xff;
}

/** One-shot SM3 digest (pure JavaScript). */
export function sm3(...parts: readonly Uint8Array[]): Uint8Array {
  const h = new Sm3();
  for (const p of parts) h.update(p);
  return h.digest();
}
