// Test-only: seeded, DER-aware mutations for fuzzing every parser.
import { SeededRandom } from '@openseal/kernel';

export class Mutator {
  readonly #random: SeededRandom;
  constructor(seed: number) {
    this.#random = new SeededRandom(seed);
  }

  int(n: number): number {
    const b = this.#random.bytes(4);
    const x = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    return x % Math.max(1, n);
  }

  /** One to four mutations: bit flips, byte writes, DER length corruption, truncation, splices, nesting. */
  mutate(input: Uint8Array): Uint8Array {
    let out: Uint8Array = input.slice();
    const rounds = 1 + this.int(4);
    for (let r = 0; r < rounds && out.length > 0; r++) out = this.#once(out);
    return out;
  }

  #once(b: Uint8Array): Uint8Array {
    const at = this.int(b.length);
    switch (this.int(9)) {
      case 0: {
        const c = b.slice();
        c[at] = c[at]! ^ (1 << this.int(8));
        return c;
      }
      case 1: {
        const c = b.slice();
        c[at] = this.int(256);
        return c;
      }
      case 2: {
        // a DER length octet made huge or inconsistent
        const c = b.slice();
        const lengths = [0x80, 0x81, 0x84, 0xff, 0x00, 0x7f];
        c[at] = lengths[this.int(lengths.length)]!;
        return c;
      }
      case 3:
        return b.subarray(0, at);
      case 4: {
        const len = 1 + this.int(16);
        return concat(b.subarray(0, at), b.subarray(Math.min(b.length, at + len)));
      }
      case 5: {
        const from = this.int(b.length);
        const len = 1 + this.int(64);
        return concat(b.subarray(0, at), b.subarray(from, from + len), b.subarray(at));
      }
      case 6: {
        // tag byte swapped for another universal/context tag
        const c = b.slice();
        const tags = [0x30, 0x31, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0c, 0x13, 0x17, 0x18, 0xa0, 0xa3, 0x80];
        c[at] = tags[this.int(tags.length)]!;
        return c;
      }
      case 7: {
        // deep nesting bomb at the front: SEQUENCE { SEQUENCE { … } }
        const depth = 50 + this.int(2000);
        const head: number[] = [];
        for (let i = 0; i < depth; i++) head.push(0x30, 0x80);
        return concat(Uint8Array.from(head), b);
      }
      default: {
        const c = b.slice();
        const n = 1 + this.int(8);
        for (let i = 0; i < n; i++) c[this.int(c.length)] = this.int(256);
        return c;
      }
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const FUZZ_ITERATIONS = Number(process.env['FUZZ_ITERATIONS'] ?? 1000);
