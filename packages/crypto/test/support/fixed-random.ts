import type { RandomSource } from '@openseal/kernel';

/** Test-only RandomSource that returns the given byte strings in order, then fails. */
export class FixedRandom implements RandomSource {
  readonly #queue: Uint8Array[];
  constructor(...chunks: Uint8Array[]) {
    this.#queue = chunks.map((c) => c.slice());
  }
  bytes(length: number): Uint8Array {
    const next = this.#queue.shift();
    if (!next || next.length !== length) throw new Error(`FixedRandom: no ${length}-byte value left`);
    return next;
  }
}
