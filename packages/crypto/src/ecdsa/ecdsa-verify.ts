import { bytesToBigInt } from '@openseal/kernel';
import { invertMod, mod } from '../sm2/modular.js';
import type { AffinePoint, WeierstrassCurve } from '../sm2/weierstrass-curve.js';
import type { SignatureScalars } from './signature-encoding.js';

/**
 * ECDSA verification (FIPS 186-4 §6.4.2 / SEC 1 §4.1.4) of a precomputed digest, in BigInt.
 * Used where the platform cannot (WebCrypto has no SM3). The point must already be validated.
 */
export function ecdsaVerifyDigest(curve: WeierstrassCurve, point: AffinePoint, digest: Uint8Array, sig: SignatureScalars): boolean {
  const { n } = curve;
  const { r, s } = sig;
  if (r < 1n || r >= n || s < 1n || s >= n) return false;
  const w = invertMod(s, n);
  const e = bitsToInt(digest, n.toString(2).length);
  const sum = curve.mulDouble(mod(e * w, n), mod(r * w, n), point);
  return sum !== null && mod(sum.x, n) === r;
}

// SEC 1 §4.1.3 step 5: the leftmost bitLength(n) bits of the digest.
function bitsToInt(digest: Uint8Array, bits: number): bigint {
  const v = bytesToBigInt(digest);
  const excess = digest.length * 8 - bits;
  return excess > 0 ? v >> BigInt(excess) : v;
}
