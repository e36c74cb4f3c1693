/** One cross-reference section (ISO 32000-2 §7.5.4 table or §7.5.8 stream), stored compactly. */
import type { PdfDict } from './objects.js';

export type XrefEntry =
  | { readonly type: 'free'; readonly num: number; readonly gen: number; readonly next: number }
  | { readonly type: 'offset'; readonly num: number; readonly gen: number; readonly offset: number }
  | { readonly type: 'compressed'; readonly num: number; readonly gen: 0; readonly stream: number; readonly index: number };

export type XrefKind = 'table' | 'stream' | 'hybrid' | 'recovered';

const TYPE_FREE = 0;
const TYPE_OFFSET = 1;
const TYPE_COMPRESSED = 2;

export class XrefSection {
  readonly #nums: Uint32Array;
  readonly #types: Uint8Array;
  readonly #f2: Float64Array;
  readonly #f3: Uint32Array;

  constructor(
    readonly kind: XrefKind,
    /** Offset of the `xref` keyword or of the xref stream object. */
    readonly offset: number,
    /** The trailer dictionary (for an xref stream: the stream dictionary). */
    readonly trailer: PdfDict,
    /** Offset just after the trailer dictionary or the xref stream object. */
    readonly end: number,
    builder: XrefSectionBuilder,
    /** For hybrid files: the offset of the /XRefStm stream merged into this section. */
    readonly xrefStm?: number,
  ) {
    [this.#nums, this.#types, this.#f2, this.#f3] = builder.build();
  }

  get size(): number {
    return this.#nums.length;
  }

  #find(num: number): number {
    let lo = 0;
    let hi = this.#nums.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.#nums[mid] as number;
      if (v === num) return mid;
      if (v < num) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  #entry(i: number): XrefEntry {
    const num = this.#nums[i] as number;
    const t = this.#types[i];
    const f2 = this.#f2[i] as number;
    const f3 = this.#f3[i] as number;
    if (t === TYPE_OFFSET) return { type: 'offset', num, gen: f3, offset: f2 };
    if (t === TYPE_COMPRESSED) return { type: 'compressed', num, gen: 0, stream: f2, index: f3 };
    return { type: 'free', num, gen: f3, next: f2 };
  }

  get(num: number): XrefEntry | undefined {
    const i = this.#find(num);
    return i < 0 ? undefined : this.#entry(i);
  }

  *entries(): IterableIterator<XrefEntry> {
    for (let i = 0; i < this.#nums.length; i++) yield this.#entry(i);
  }

  /** Highest object number listed, or -1. */
  get maxNum(): number {
    return this.#nums.length === 0 ? -1 : (this.#nums[this.#nums.length - 1] as number);
  }
}

/** Collects entries; when an object number repeats, the first entry added wins. */
export class XrefSectionBuilder {
  #nums: number[] = [];
  #types: number[] = [];
  #f2: number[] = [];
  #f3: number[] = [];

  add(entry: XrefEntry): void {
    const [t, f2, f3] =
      entry.type === 'offset' ? [TYPE_OFFSET, entry.offset, entry.gen] : entry.type === 'compressed' ? [TYPE_COMPRESSED, entry.stream, entry.index] : [TYPE_FREE, entry.next, entry.gen];
    this.#nums.push(entry.num);
    this.#types.push(t);
    this.#f2.push(f2);
    this.#f3.push(f3);
  }

  get count(): number {
    return this.#nums.length;
  }

  build(): [Uint32Array, Uint8Array, Float64Array, Uint32Array] {
    // Array.prototype.sort is stable, so the first entry of each number stays first.
    const order = this.#nums.map((_, i) => i).sort((a, b) => (this.#nums[a] as number) - (this.#nums[b] as number));
    const keep = order.filter((src, k) => k === 0 || this.#nums[order[k - 1] as number] !== this.#nums[src]);
    const nums = new Uint32Array(keep.length);
    const types = new Uint8Array(keep.length);
    const f2 = new Float64Array(keep.length);
    const f3 = new Uint32Array(keep.length);
    keep.forEach((src, dst) => {
      nums[dst] = this.#nums[src] as number;
      types[dst] = this.#types[src] as number;
      f2[dst] = this.#f2[src] as number;
      f3[dst] = this.#f3[src] as number;
    });
    this.#nums = [];
    this.#types = [];
    this.#f2 = [];
    this.#f3 = [];
    return [nums, types, f2, f3];
  }
}
