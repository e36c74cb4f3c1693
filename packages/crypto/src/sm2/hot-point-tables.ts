import type { AffinePoint, PointTable } from './weierstrass-curve.js';

const HOT_POINT_USES = 8; // a public key gets a table from its 8th use on …
const HOT_POINT_CAPACITY = 32; // … among the 32 most recently used keys

interface HotPoint {
  readonly y: bigint;
  uses: number;
  table: PointTable | null;
}

/**
 * Use counts and precomputed tables for the public keys verified against most recently: an LRU by x
 * (a Map keeps insertion order), bounded so that memory stays below ~7 MB for 256-bit curves.
 */
export class HotPointTables {
  readonly #build: (point: AffinePoint) => PointTable;
  readonly #entries = new Map<bigint, HotPoint>();

  constructor(build: (point: AffinePoint) => PointTable) {
    this.#build = build;
  }

  /** Counts a use of `point`; its table once it has been used HOT_POINT_USES times, else null. */
  lookup(point: AffinePoint): PointTable | null {
    let hot = this.#entries.get(point.x);
    if (hot && hot.y !== point.y) hot = undefined;
    if (hot) this.#entries.delete(point.x);
    hot ??= { y: point.y, uses: 0, table: null };
    this.#entries.set(point.x, hot);
    if (this.#entries.size > HOT_POINT_CAPACITY) this.#entries.delete(this.#entries.keys().next().value as bigint);
    if (++hot.uses >= HOT_POINT_USES && !hot.table) hot.table = this.#build(point);
    return hot.table;
  }
}
