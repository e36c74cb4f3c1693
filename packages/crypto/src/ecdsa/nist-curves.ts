import type { CurveParams } from '../sm2/curve-params.js';
import { WeierstrassCurve } from '../sm2/weierstrass-curve.js';

/** NIST P-256 (FIPS 186-4 §D.1.2.3; SEC 2 secp256r1). */
export const P256_PARAMS: CurveParams = {
  name: 'P-256',
  p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
  a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
  b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
};

/** NIST P-384 (FIPS 186-4 §D.1.2.4; SEC 2 secp384r1). */
export const P384_PARAMS: CurveParams = {
  name: 'P-384',
  p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
  a: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000fffffffcn,
  b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
  gx: 0xaa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7n,
  gy: 0x3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5fn,
};

let p256: WeierstrassCurve | undefined;
let p384: WeierstrassCurve | undefined;

/** The curve of an ECDSA key type (built on first use). */
export function ecdsaCurve(keyType: 'EC-P256' | 'EC-P384'): WeierstrassCurve {
  return keyType === 'EC-P256' ? (p256 ??= new WeierstrassCurve(P256_PARAMS)) : (p384 ??= new WeierstrassCurve(P384_PARAMS));
}
