import { describe, expect, it } from 'vitest';
import { bytesToBigInt, SeededRandom } from '@openseal/kernel';
import { pureSm2Arithmetic, SM2_CURVE, type AffinePoint } from '../src/index.js';
import { nativeSm2Arithmetic, nodeSm2VerificationBackend } from '../src/node/index.js';

// Every case uses fresh points, so none reaches the precomputed-table threshold: these exercise the
// OpenSSL paths themselves, with the BigInt arithmetic (checked against @noble/curves) as reference.
const native = nativeSm2Arithmetic(SM2_CURVE);
const pure = pureSm2Arithmetic(SM2_CURVE);
const { n } = SM2_CURVE;
const random = new SeededRandom(77);
const scalar = (): bigint => (bytesToBigInt(random.bytes(40)) % (n - 1n)) + 1n;
const freshPoint = (): AffinePoint => SM2_CURVE.mulBase(scalar()) as AffinePoint;

describe('native (OpenSSL) SM2 arithmetic', () => {
  it('passes its self-test here, so verification really runs on OpenSSL', () => {
    expect(native.verificationBackend()).toBe('openssl-ecdsa');
    expect(nodeSm2VerificationBackend()).toBe('openssl-ecdsa');
  });

  it('k·G and k·P equal the BigInt results (k·P recovered exactly from two x-only products)', () => {
    for (let i = 0; i < 20; i++) {
      const k = scalar();
      const P = freshPoint();
      expect(native.mulBase(k)).toEqual(pure.mulBase(k));
      expect(native.mul(P, k)).toEqual(pure.mul(P, k));
    }
    // degenerate inputs handled by the BigInt fallback: P = ±G
    const G = SM2_CURVE.G;
    expect(native.mul(G, 5n)).toEqual(pure.mul(G, 5n));
    expect(native.mul({ x: G.x, y: SM2_CURVE.p - G.y }, 5n)).toEqual(pure.mul({ x: G.x, y: SM2_CURVE.p - G.y }, 5n));
  });

  it('the ECDSA-based verification answers exactly like (e + x1) mod n = r, for true and false cases', () => {
    for (let i = 0; i < 30; i++) {
      const P = freshPoint();
      const s = scalar();
      const t = i === 0 ? 1n : scalar();
      const x1 = (SM2_CURVE.mulDouble(s, t, P) as AffinePoint).x;
      const r = (((t - s) % n) + n) % n;
      const e = (((r - x1) % n) + n) % n;
      expect(native.verifyEquation(e, r, s, t, P)).toBe(true);
      expect(native.verifyEquation((e + 1n) % n, r, s, t, P)).toBe(false);
      // the same x with the other sign of y: s·G − t·P must not be accepted
      const xMinus = (SM2_CURVE.mulDouble(s, n - t, P) as AffinePoint).x;
      const eMinus = (((r - xMinus) % n) + n) % n;
      expect(native.verifyEquation(eMinus, r, s, t, P)).toBe(pure.verifyEquation(eMinus, r, s, t, P));
      expect(native.verifyEquation(eMinus, r, s, t, P)).toBe(false);
    }
  });

  it('falls back to BigInt where ECDSA cannot express the check (r − e ≡ 0)', () => {
    const P = freshPoint();
    const s = scalar();
    const t = scalar();
    const r = (((t - s) % n) + n) % n;
    expect(native.verifyEquation(r, r, s, t, P)).toBe(pure.verifyEquation(r, r, s, t, P));
  });
});
