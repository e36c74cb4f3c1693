import { describe, expect, it } from 'vitest';
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { p256, p384 } from '@noble/curves/nist.js';
import { SeededRandom, bytesToBigInt } from '@openseal/kernel';
import { P256_PARAMS, P384_PARAMS, SM2_P256V1, WeierstrassCurve, type CurveParams } from '../src/index.js';
import { TEST_CURVE } from './sm2-vectors.js';

// @noble/curves (audited) is the independent reference for our BigInt point arithmetic.
const curves: [string, CurveParams][] = [
  ['sm2p256v1', SM2_P256V1],
  ['GB/T 32918 test curve (a ≠ −3)', TEST_CURVE],
  ['P-256', P256_PARAMS],
  ['P-384', P384_PARAMS],
];

describe.each(curves)('WeierstrassCurve on %s agrees with @noble/curves', (_name, params) => {
  const ours = new WeierstrassCurve(params);
  const Point = weierstrass({ p: params.p, n: params.n, h: 1n, a: params.a, b: params.b, Gx: params.gx, Gy: params.gy });
  const random = new SeededRandom(params.p & 0xffffn);
  const scalar = (): bigint => bytesToBigInt(random.bytes(ours.byteLength + 8)) % params.n;
  const same = (a: { x: bigint; y: bigint } | null, b: { x: bigint; y: bigint }) => expect(a && [a.x, a.y]).toEqual([b.x, b.y]);

  it('k·G, k·P, s·G + t·P and k·G + P for random and edge scalars', () => {
    const edge = [1n, 2n, 3n, params.n - 1n, params.n - 2n, (params.n - 1n) / 2n];
    for (let i = 0; i < 25; i++) {
      const k = i < edge.length ? (edge[i] as bigint) : scalar();
      const P = Point.BASE.multiply(scalar() || 1n);
      const pt = P.toAffine();
      same(ours.mulBase(k), Point.BASE.multiply(k).toAffine());
      same(ours.mul(pt, k), P.multiply(k).toAffine());
      const s = scalar() || 1n;
      same(ours.mulDouble(s, k, pt), Point.BASE.multiply(s).add(P.multiply(k)).toAffine());
      same(ours.mulBaseAdd(k, pt), Point.BASE.multiply(k).add(P).toAffine());
      same(ours.mulDoubleWithTable(s, k, ours.precompute(pt, 4)), Point.BASE.multiply(s).add(P.multiply(k)).toAffine());
    }
  });

  it('returns null for the point at infinity and rejects points off the curve', () => {
    const k = scalar() || 1n;
    const pt = Point.BASE.multiply(k).toAffine();
    expect(ours.mulBase(0n)).toBeNull();
    expect(ours.mulBase(params.n)).toBeNull();
    expect(ours.mulBaseAdd(params.n - k, pt)).toBeNull();
    expect(ours.mulDouble(params.n - k, 1n, pt)).toBeNull();
    expect(ours.isOnCurve({ x: pt.x, y: (pt.y + 1n) % params.p })).toBe(false);
    expect(ours.decodePoint(ours.encodePoint(pt))).toEqual(pt);
  });
});

describe('NIST curve constants', () => {
  it('match @noble/curves', () => {
    for (const [ours, theirs] of [[P256_PARAMS, p256.Point.CURVE()], [P384_PARAMS, p384.Point.CURVE()]] as const) {
      expect([ours.p, ours.n, ours.a, ours.b, ours.gx, ours.gy]).toEqual([theirs.p, theirs.n, theirs.a, theirs.b, theirs.Gx, theirs.Gy]);
    }
  });
});
