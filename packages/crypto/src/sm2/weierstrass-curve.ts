import { bigIntToBytes, bytesToBigInt } from '@openseal/kernel';
import type { CurveParams } from './curve-params.js';
import { HotPointTables } from './hot-point-tables.js';
import { invertMod, mod } from './modular.js';

/** A point on the curve in affine coordinates (never the point at infinity). */
export interface AffinePoint {
  readonly x: bigint;
  readonly y: bigint;
}

/** Jacobian coordinates (X/Z², Y/Z³); z = 0 is the point at infinity. */
interface Jacobian {
  readonly x: bigint;
  readonly y: bigint;
  readonly z: bigint;
}

const INFINITY: Jacobian = { x: 1n, y: 1n, z: 0n };
const BASE_WINDOW = 8; // fixed-base signed window: 33 rows × 128 affine points for a 256-bit n
const NAF_WIDTH = 5; // variable-base wNAF: 8 precomputed odd multiples
const POINT_WINDOW = 6; // tables for often-used public keys: 43 rows × 32 points (~8 ms to build)

/** Precomputed multiples of one point for fast repeated multiplication (see `pointTable`). */
export interface PointTable {
  readonly point: AffinePoint;
  readonly window: number;
  readonly rows: readonly (readonly AffinePoint[])[];
}

/**
 * Prime-order short Weierstrass curve arithmetic in BigInt (Jacobian coordinates, a = −3 fast path,
 * lazily built fixed-base table, wNAF for other points). Runs everywhere, including browsers.
 * BigInt arithmetic is not constant-time: secret scalars (nonces, private keys) may leak through timing.
 */
export class WeierstrassCurve {
  readonly params: CurveParams;
  readonly p: bigint;
  readonly n: bigint;
  /** Bytes of one coordinate (32 for 256-bit curves). */
  readonly byteLength: number;
  readonly G: AffinePoint;
  readonly #aIsMinus3: boolean;
  #baseTable: PointTable | undefined;
  readonly #hot = new HotPointTables((point) => this.precompute(point, POINT_WINDOW));

  constructor(params: CurveParams) {
    this.params = params;
    this.p = params.p;
    this.n = params.n;
    this.byteLength = Math.ceil(params.p.toString(2).length / 8);
    this.G = { x: params.gx, y: params.gy };
    this.#aIsMinus3 = params.a === params.p - 3n;
    if (!this.isOnCurve(this.G)) throw new RangeError(`base point is not on curve ${params.name}`);
  }

  isOnCurve(pt: AffinePoint): boolean {
    const { p, a, b } = this.params;
    if (pt.x < 0n || pt.x >= p || pt.y < 0n || pt.y >= p) return false;
    return (pt.y * pt.y - ((pt.x * pt.x + a) * pt.x + b)) % p === 0n;
  }

  /** GB/T 32918.1 §6.2.2 (cofactor 1): decodes 04‖x‖y and checks it lies on the curve; null otherwise. */
  decodePoint(bytes: Uint8Array): AffinePoint | null {
    const L = this.byteLength;
    if (bytes.length !== 1 + 2 * L || bytes[0] !== 0x04) return null;
    const pt = { x: bytesToBigInt(bytes.subarray(1, 1 + L)), y: bytesToBigInt(bytes.subarray(1 + L)) };
    return this.isOnCurve(pt) ? pt : null;
  }

  encodePoint(pt: AffinePoint): Uint8Array {
    const L = this.byteLength;
    const out = new Uint8Array(1 + 2 * L);
    out[0] = 0x04;
    out.set(bigIntToBytes(pt.x, L), 1);
    out.set(bigIntToBytes(pt.y, L), 1 + L);
    return out;
  }

  /** k·G; null when k ≡ 0 (mod n). */
  mulBase(k: bigint): AffinePoint | null {
    return this.#toAffine(this.#mulBaseJ(mod(k, this.n)));
  }

  /** k·G + P; null when the sum is the point at infinity. */
  mulBaseAdd(k: bigint, pt: AffinePoint): AffinePoint | null {
    return this.#toAffine(this.#addMixed(this.#mulBaseJ(mod(k, this.n)), pt));
  }

  /** k·P; null when k ≡ 0 (mod n). */
  mul(pt: AffinePoint, k: bigint): AffinePoint | null {
    return this.#toAffine(this.#mulJ(pt, mod(k, this.n)));
  }

  /** s·G + t·P (the SM2/ECDSA verification combination); null for the point at infinity. */
  mulDouble(s: bigint, t: bigint, pt: AffinePoint): AffinePoint | null {
    return this.#toAffine(this.#add(this.#mulBaseJ(mod(s, this.n)), this.#mulJ(pt, mod(t, this.n))));
  }

  /** s·G + t·P with P's precomputed table: no doublings at all. Null for the point at infinity. */
  mulDoubleWithTable(s: bigint, t: bigint, table: PointTable): AffinePoint | null {
    const acc = this.#comb(this.#mulBaseJ(mod(s, this.n)), mod(t, this.n), table);
    return this.#toAffine(acc);
  }

  /**
   * Counts a use of `point` (a public key being verified against) and returns its table once the
   * point is used often; null before that. Repeated verification with one key then runs ~3× faster.
   */
  pointTable(point: AffinePoint): PointTable | null {
    return this.#hot.lookup(point);
  }

  /** Table of j·2^(w·i)·P for j = 1 … 2^(w−1), enough rows for any scalar below n (signed digits). */
  precompute(point: AffinePoint, window: number): PointTable {
    const rows = Math.ceil((this.n.toString(2).length + 1) / window);
    const half = 1 << (window - 1);
    const all: Jacobian[] = [];
    let base: AffinePoint = point;
    for (let i = 0; i < rows; i++) {
      let acc: Jacobian = { x: base.x, y: base.y, z: 1n };
      all.push(acc);
      for (let j = 2; j <= half; j++) {
        acc = this.#addMixed(acc, base);
        all.push(acc);
      }
      let next: Jacobian = { x: base.x, y: base.y, z: 1n };
      for (let j = 0; j < window; j++) next = this.#double(next);
      base = this.#toAffine(next) as AffinePoint;
    }
    const flat = this.#normalizeAll(all);
    const table: AffinePoint[][] = [];
    for (let i = 0; i < rows; i++) table.push(flat.slice(i * half, (i + 1) * half));
    return { point, window, rows: table };
  }

  #mulBaseJ(k: bigint): Jacobian {
    return this.#comb(INFINITY, k, (this.#baseTable ??= this.precompute(this.G, BASE_WINDOW)));
  }

  // acc + k·P from P's table, with signed base-2^w digits of k.
  #comb(acc: Jacobian, k: bigint, table: PointTable): Jacobian {
    const p = this.p;
    const w = BigInt(table.window);
    const size = 1 << table.window;
    const mask = BigInt(size - 1);
    for (let i = 0; k > 0n; i++) {
      let d = Number(k & mask);
      k >>= w;
      if (d > size / 2) {
        d -= size;
        k += 1n;
      }
      if (d === 0) continue;
      const pt = (table.rows[i] as AffinePoint[])[Math.abs(d) - 1] as AffinePoint;
      acc = this.#addMixed(acc, d > 0 ? pt : { x: pt.x, y: p - pt.y });
    }
    return acc;
  }

  #mulJ(pt: AffinePoint, k: bigint): Jacobian {
    if (k === 0n) return INFINITY;
    const digits: number[] = [];
    const width = 1 << NAF_WIDTH;
    while (k > 0n) {
      let d = 0;
      if (k & 1n) {
        d = Number(k & BigInt(width - 1));
        if (d >= width / 2) d -= width;
        k -= BigInt(d);
      }
      digits.push(d);
      k >>= 1n;
    }
    const j: Jacobian = { x: pt.x, y: pt.y, z: 1n };
    const twice = this.#double(j);
    const odd: Jacobian[] = [j];
    for (let i = 1; i < width / 4; i++) odd.push(this.#add(odd[i - 1] as Jacobian, twice));
    const table = this.#normalizeAll(odd);
    let acc = INFINITY;
    for (let i = digits.length - 1; i >= 0; i--) {
      acc = this.#double(acc);
      const d = digits[i] as number;
      if (d === 0) continue;
      const q = table[(Math.abs(d) - 1) >> 1] as AffinePoint;
      acc = this.#addMixed(acc, d > 0 ? q : { x: q.x, y: this.p - q.y });
    }
    return acc;
  }

  /** Batch conversion to affine with one inversion (Montgomery's trick); inputs must be finite. */
  #normalizeAll(points: readonly Jacobian[]): AffinePoint[] {
    const p = this.p;
    const prefix: bigint[] = new Array<bigint>(points.length);
    let accz = 1n;
    for (let i = 0; i < points.length; i++) {
      prefix[i] = accz;
      accz = (accz * (points[i] as Jacobian).z) % p;
    }
    let inv = invertMod(accz, p);
    const out: AffinePoint[] = new Array<AffinePoint>(points.length);
    for (let i = points.length - 1; i >= 0; i--) {
      const pt = points[i] as Jacobian;
      const zi = (inv * (prefix[i] as bigint)) % p;
      inv = (inv * pt.z) % p;
      const zi2 = (zi * zi) % p;
      out[i] = { x: (pt.x * zi2) % p, y: (((pt.y * zi2) % p) * zi) % p };
    }
    return out;
  }

  #toAffine(pt: Jacobian): AffinePoint | null {
    if (pt.z === 0n) return null;
    const p = this.p;
    const zi = invertMod(pt.z, p);
    const zi2 = (zi * zi) % p;
    return { x: (pt.x * zi2) % p, y: (((pt.y * zi2) % p) * zi) % p };
  }

  #double(P: Jacobian): Jacobian {
    if (P.z === 0n || P.y === 0n) return INFINITY;
    const p = this.p;
    const { x, y, z } = P;
    if (this.#aIsMinus3) {
      // dbl-2001-b (a = −3): 3M + 5S
      const delta = (z * z) % p;
      const gamma = (y * y) % p;
      const beta = (x * gamma) % p;
      const alpha = (3n * mod(x - delta, p) * (x + delta)) % p;
      const x3 = mod(alpha * alpha - 8n * beta, p);
      const z3 = mod((y + z) * (y + z) - gamma - delta, p);
      const y3 = mod(alpha * (4n * beta - x3) - 8n * ((gamma * gamma) % p), p);
      return { x: x3, y: y3, z: z3 };
    }
    // dbl-2007-bl (any a): 1M + 8S
    const xx = (x * x) % p;
    const yy = (y * y) % p;
    const yyyy = (yy * yy) % p;
    const zz = (z * z) % p;
    const s = mod(2n * ((x + yy) * (x + yy) - xx - yyyy), p);
    const m = (3n * xx + this.params.a * ((zz * zz) % p)) % p;
    const x3 = mod(m * m - 2n * s, p);
    const y3 = mod(m * (s - x3) - 8n * yyyy, p);
    const z3 = mod((y + z) * (y + z) - yy - zz, p);
    return { x: x3, y: y3, z: z3 };
  }

  // madd-2007-bl: Jacobian + affine, 7M + 4S.
  #addMixed(P: Jacobian, Q: AffinePoint): Jacobian {
    if (P.z === 0n) return { x: Q.x, y: Q.y, z: 1n };
    const p = this.p;
    const z1z1 = (P.z * P.z) % p;
    const u2 = (Q.x * z1z1) % p;
    const s2 = (((Q.y * P.z) % p) * z1z1) % p;
    const h = mod(u2 - P.x, p);
    const r = mod(2n * (s2 - P.y), p);
    if (h === 0n) return r === 0n ? this.#double(P) : INFINITY;
    const hh = (h * h) % p;
    const i = (4n * hh) % p;
    const j = (h * i) % p;
    const v = (P.x * i) % p;
    const x3 = mod(r * r - j - 2n * v, p);
    const y3 = mod(r * (v - x3) - 2n * ((P.y * j) % p), p);
    const z3 = mod((P.z + h) * (P.z + h) - z1z1 - hh, p);
    return { x: x3, y: y3, z: z3 };
  }

  // add-2007-bl: Jacobian + Jacobian, 11M + 5S.
  #add(P: Jacobian, Q: Jacobian): Jacobian {
    if (P.z === 0n) return Q;
    if (Q.z === 0n) return P;
    const p = this.p;
    const z1z1 = (P.z * P.z) % p;
    const z2z2 = (Q.z * Q.z) % p;
    const u1 = (P.x * z2z2) % p;
    const u2 = (Q.x * z1z1) % p;
    const s1 = (((P.y * Q.z) % p) * z2z2) % p;
    const s2 = (((Q.y * P.z) % p) * z1z1) % p;
    const h = mod(u2 - u1, p);
    const r = mod(2n * (s2 - s1), p);
    if (h === 0n) return r === 0n ? this.#double(P) : INFINITY;
    const i = (4n * h * h) % p;
    const j = (h * i) % p;
    const v = (u1 * i) % p;
    const x3 = mod(r * r - j - 2n * v, p);
    const y3 = mod(r * (v - x3) - 2n * ((s1 * j) % p), p);
    const z3 = (mod((P.z + Q.z) * (P.z + Q.z) - z1z1 - z2z2, p) * h) % p;
    return { x: x3, y: y3, z: z3 };
  }
}
