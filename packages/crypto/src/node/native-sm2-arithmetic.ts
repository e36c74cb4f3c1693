import { createECDH, verify as nodeVerify, type ECDH } from 'node:crypto';
import { bigIntToBytes, bytesToBigInt, concatBytes, fromHex } from '@openseal/kernel';
import { invertMod, mod } from '../sm2/modular.js';
import { pureSm2Arithmetic, type Sm2Arithmetic } from '../sm2/sm2-arithmetic.js';
import type { AffinePoint, WeierstrassCurve } from '../sm2/weierstrass-curve.js';

const EMPTY = new Uint8Array(0);
// SHA-256("") as an integer: the fixed ECDSA digest of the verification oracle below.
const H_EMPTY = 0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855n;

export interface NativeSm2Arithmetic extends Sm2Arithmetic {
  /** Which code verifies signatures of keys without a table: OpenSSL (after a one-time self-test) or BigInt. */
  verificationBackend(): 'openssl-ecdsa' | 'pure';
}

/**
 * SM2 point arithmetic on OpenSSL's native sm2p256v1 code (node:crypto):
 * - k·G: `ECDH.setPrivateKey(k)` (OpenSSL's constant-time ladder);
 * - k·P: two native ECDH products, x(k·P) and x(k·(P+G)), give y(k·P) exactly (see `mul`);
 * - verification: one native ECDSA verification that holds exactly when the SM2 equation does
 *   (see `ecdsaOracle`); keys verified often use a precomputed BigInt table instead, which is faster.
 * Falls back to the pure arithmetic only in the degenerate cases named in the code.
 */
export function nativeSm2Arithmetic(curve: WeierstrassCurve): NativeSm2Arithmetic {
  const pure = pureSm2Arithmetic(curve);
  const L = curve.byteLength;
  const ecdh = createECDH('SM2');
  const spkiPrefix = explicitCurveSpkiPrefix(curve);
  const { p, n } = curve;

  // The ECDH object holds the last k; encryption asks for k·G and then k·P with the same k.
  let last: { k: bigint; K: AffinePoint } | undefined;
  const mulBase = (k: bigint): AffinePoint => {
    if (last?.k !== k) last = { k, K: decodeNative(ecdh, curve, k) };
    return last.K;
  };
  let oracle: 'untested' | 'native' | 'pure' = 'untested';

  const backend = (): 'native' | 'pure' => {
    if (oracle === 'untested') oracle = oracleWorks(curve, ecdsaOracle) ? 'native' : 'pure';
    return oracle;
  };

  return {
    curve,
    mulBase,
    verificationBackend: () => (backend() === 'native' ? 'openssl-ecdsa' : 'pure'),

    mul(point: AffinePoint, k: bigint): AffinePoint | null {
      // K = k·G (full point), xB = x(k·P), xC = x(k·P + K). With B = k·P on the line through B and K:
      // (yB − yK)² = (xC + xB + xK)(xB − xK)², which is linear in yB once yB² = xB³ + a·xB + b is used.
      const K = mulBase(k); // also leaves k as the ECDH private key
      const shiftedPoint = curve.mulBaseAdd(1n, point);
      if (!shiftedPoint) return pure.mul(point, k);
      const xB = bytesToBigInt(ecdh.computeSecret(curve.encodePoint(point)));
      const xC = bytesToBigInt(ecdh.computeSecret(curve.encodePoint(shiftedPoint)));
      if (xB === K.x) return pure.mul(point, k); // k·P = ±k·G: the line is a tangent or vertical
      const fx = mod((xB * xB + curve.params.a) * xB + curve.params.b, p);
      const dx = mod(xB - K.x, p);
      const rhs = mod((xC + xB + K.x) * ((dx * dx) % p), p);
      const yB = mod((fx + K.y * K.y - rhs) * invertMod(2n * K.y, p), p);
      if ((yB * yB) % p !== fx) throw new Error('native SM2 point multiplication gave an inconsistent result');
      return { x: xB, y: yB };
    },

    verifyEquation(e, r, s, t, point) {
      // A key verified against often has a precomputed table: the pure path is then faster than OpenSSL.
      const table = curve.pointTable(point);
      if (table) {
        const sum = curve.mulDoubleWithTable(s, t, table);
        return sum !== null && mod(e + sum.x, n) === r;
      }
      return backend() === 'native' ? ecdsaOracle(e, r, s, t, point) : pure.verifyEquation(e, r, s, t, point);
    },
  };

  function ecdsaOracle(e: bigint, r: bigint, s: bigint, t: bigint, point: AffinePoint): boolean {
    // ECDSA over the curve with generator −G and key Q' = P + c·G checks x(u1·(−G) + u2·Q') ≡ r'
    // (mod n), u1 = h/s', u2 = r'/s'. With r' = r − e, s' = r'/t and c = (s + u1)/t, the point is
    // exactly s·G + t·P, so ECDSA accepts iff (e + x1) mod n = r (GB/T 32918.2 §7.1 B7).
    const rPrime = mod(r - e, n);
    if (rPrime === 0n) return pure.verifyEquation(e, r, s, t, point); // ECDSA forbids r' = 0
    const inv = invertMod(t * rPrime, n);
    const tInv = mod(rPrime * inv, n);
    const sPrime = mod(rPrime * tInv, n);
    const u1 = mod(H_EMPTY * t * mod(t * inv, n), n);
    const c = mod((s + u1) * tInv, n);
    const q = curve.mulBaseAdd(c, point);
    if (!q) return pure.verifyEquation(e, r, s, t, point);
    const spki = concatBytes(spkiPrefix, curve.encodePoint(q));
    const sig = concatBytes(bigIntToBytes(rPrime, L), bigIntToBytes(sPrime, L));
    return nodeVerify('sha256', EMPTY, { key: Buffer.from(spki), format: 'der', type: 'spki', dsaEncoding: 'ieee-p1363' }, sig);
  }
}

type Oracle = (e: bigint, r: bigint, s: bigint, t: bigint, point: AffinePoint) => boolean;

/**
 * Once per process: does this OpenSSL accept the explicit-parameter key and answer exactly? If not
 * (e.g. a build without explicit EC curves), verification uses the pure arithmetic instead.
 */
function oracleWorks(curve: WeierstrassCurve, oracle: Oracle): boolean {
  const point = curve.mulBase(0x5eed_0001n) as AffinePoint;
  const s = 0x1234_5678_9abc_def0n;
  const t = 0x0fed_cba9_8765_4321n;
  const x1 = (curve.mulDouble(s, t, point) as AffinePoint).x;
  const r = mod(t - s, curve.n);
  const e = mod(r - x1, curve.n);
  try {
    return oracle(e, r, s, t, point) && !oracle(e + 1n, r, s, t, point);
  } catch (error) {
    if (error instanceof Error) return false;
    throw error;
  }
}

function decodeNative(ecdh: ECDH, curve: WeierstrassCurve, k: bigint): AffinePoint {
  const L = curve.byteLength;
  ecdh.setPrivateKey(bigIntToBytes(k, L));
  const pt = curve.decodePoint(ecdh.getPublicKey());
  if (!pt) throw new Error('native SM2 base multiplication gave a point off the curve');
  return pt;
}

/**
 * DER SubjectPublicKeyInfo up to the BIT STRING contents, for id-ecPublicKey with explicit
 * ECParameters (SEC 1 §C.2) equal to the curve's but with generator −G. OpenSSL then treats the key as
 * plain EC (ECDSA) instead of recognising the named SM2 curve.
 */
function explicitCurveSpkiPrefix(curve: WeierstrassCurve): Uint8Array {
  const { p, a, b, n, gx, gy } = curve.params;
  const L = curve.byteLength;
  const fieldId = tlv(0x30, fromHex('06072a8648ce3d0101'), integer(p));
  const curveSeq = tlv(0x30, tlv(0x04, bigIntToBytes(a, L)), tlv(0x04, bigIntToBytes(b, L)));
  const base = tlv(0x04, new Uint8Array([0x04]), bigIntToBytes(gx, L), bigIntToBytes(p - gy, L));
  const params = tlv(0x30, integer(1n), fieldId, curveSeq, base, integer(n), integer(1n));
  const algorithm = tlv(0x30, fromHex('06072a8648ce3d0201'), params);
  const pointLength = 1 + 2 * L;
  const bitString = concatBytes(new Uint8Array([0x03]), derLength(pointLength + 1), new Uint8Array([0]));
  const total = algorithm.length + bitString.length + pointLength;
  return concatBytes(new Uint8Array([0x30]), derLength(total), algorithm, bitString);
}

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = concatBytes(...parts);
  return concatBytes(new Uint8Array([tag]), derLength(body.length), body);
}

function integer(v: bigint): Uint8Array {
  const raw = bigIntToBytes(v);
  return tlv(0x02, (raw[0] as number) & 0x80 ? concatBytes(new Uint8Array([0]), raw) : raw);
}

function derLength(length: number): Uint8Array {
  if (length < 0x80) return new Uint8Array([length]);
  if (length < 0x100) return new Uint8Array([0x81, length]);
  return new Uint8Array([0x82, length >>> 8, length & 0xff]);
}
