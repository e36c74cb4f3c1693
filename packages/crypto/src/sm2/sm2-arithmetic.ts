import type { AffinePoint, WeierstrassCurve } from './weierstrass-curve.js';
import { mod } from './modular.js';

/**
 * The scalar multiplications SM2 needs, behind one interface so that a platform can run the costly
 * ones natively (see the Node backend in src/node/) while the scheme logic stays in one place.
 */
export interface Sm2Arithmetic {
  readonly curve: WeierstrassCurve;
  /** k·G for a secret k in [1, n−1] (signing nonce, key generation, encryption). */
  mulBase(k: bigint): AffinePoint;
  /** k·P for a secret k in [1, n−1] (encryption and decryption); null for the point at infinity. */
  mul(point: AffinePoint, k: bigint): AffinePoint | null;
  /**
   * GB/T 32918.2 §7.1 B6–B7: whether (e + x1) mod n = r for (x1, y1) = s·G + t·P.
   * The caller has checked r, s ∈ [1, n−1], t = (r + s) mod n ≠ 0 and that P is on the curve.
   */
  verifyEquation(e: bigint, r: bigint, s: bigint, t: bigint, point: AffinePoint): boolean;
}

/** Pure BigInt arithmetic: runs everywhere (browsers included); not constant-time. */
export function pureSm2Arithmetic(curve: WeierstrassCurve): Sm2Arithmetic {
  return {
    curve,
    mulBase(k) {
      const pt = curve.mulBase(k);
      if (!pt) throw new RangeError('scalar is zero modulo n');
      return pt;
    },
    mul: (point, k) => curve.mul(point, k),
    verifyEquation(e, r, s, t, point) {
      const table = curve.pointTable(point);
      const sum = table ? curve.mulDoubleWithTable(s, t, table) : curve.mulDouble(s, t, point);
      return sum !== null && mod(e + sum.x, curve.n) === r;
    },
  };
}
