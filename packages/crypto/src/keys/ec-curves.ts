import { p256, p384 } from '@noble/curves/nist.js';
import { OID } from '@openseal/asn1';
import { bigIntToBytes, bytesToBigInt } from '@openseal/kernel';
import { sm2PublicKeyFromPrivate } from '../sm2/index.js';

export type EcKeyType = 'SM2' | 'EC-P256' | 'EC-P384';

/** Domain parameters of a curve OpenSeal signs with, and how to compute d·G on it. */
export interface EcCurve {
  readonly keyType: EcKeyType;
  readonly oid: string;
  /** Field and scalar size in bytes. */
  readonly size: number;
  readonly p: bigint;
  readonly a: bigint;
  readonly b: bigint;
  readonly gx: bigint;
  readonly gy: bigint;
  readonly n: bigint;
  /** Largest valid private scalar: n-2 for SM2 (GB/T 32918.1 §6.1, (1+d)⁻¹ must exist), n-1 otherwise. */
  readonly maxD: bigint;
  /** 04‖x‖y of d·G. */
  publicFromPrivate(d: Uint8Array): Uint8Array;
}

function nistCurve(keyType: 'EC-P256' | 'EC-P384', oid: string, curve: typeof p256): EcCurve {
  const c = curve.Point.CURVE();
  return {
    keyType,
    oid,
    size: keyType === 'EC-P256' ? 32 : 48,
    p: c.p,
    a: c.a,
    b: c.b,
    gx: c.Gx,
    gy: c.Gy,
    n: c.n,
    maxD: c.n - 1n,
    publicFromPrivate: (d) => curve.getPublicKey(d, false),
  };
}

const SM2_N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

// GB/T 32918.5-2017: recommended curve sm2p256v1.
const SM2_CURVE: EcCurve = {
  keyType: 'SM2',
  oid: OID.sm2,
  size: 32,
  p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
  a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
  b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  gx: 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  gy: 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
  n: SM2_N,
  maxD: SM2_N - 2n,
  publicFromPrivate: (d) => sm2PublicKeyFromPrivate(d),
};

export const EC_CURVES: Readonly<Record<EcKeyType, EcCurve>> = {
  SM2: SM2_CURVE,
  'EC-P256': nistCurve('EC-P256', OID.secp256r1, p256),
  'EC-P384': nistCurve('EC-P384', OID.secp384r1, p384),
};

export function curveByOid(oid: string): EcCurve | undefined {
  return Object.values(EC_CURVES).find((c) => c.oid === oid);
}

/** Identifies explicit (specifiedCurve) domain parameters as one of our named curves, by p, a, b, G and n. */
export function curveByParameters(params: { p: bigint; a: bigint; b: bigint; base: Uint8Array; n: bigint }): EcCurve | undefined {
  return Object.values(EC_CURVES).find((c) => {
    if (c.p !== params.p || c.a !== params.a || c.b !== params.b || c.n !== params.n) return false;
    const base = params.base;
    return (
      base.length === 2 * c.size + 1 &&
      base[0] === 0x04 &&
      bytesToBigInt(base.subarray(1, 1 + c.size)) === c.gx &&
      bytesToBigInt(base.subarray(1 + c.size)) === c.gy
    );
  });
}

/** Left-pads a big-endian scalar to the curve size, rejecting values outside [1, maxD]. */
export function normaliseScalar(curve: EcCurve, raw: Uint8Array): Uint8Array | undefined {
  const d = bytesToBigInt(raw);
  if (d < 1n || d > curve.maxD) return undefined;
  return bigIntToBytes(d, curve.size);
}
