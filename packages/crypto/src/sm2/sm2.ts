import type { RandomSource } from '@openseal/kernel';
import { bigIntToBytes, bytesToBigInt, concatBytes, equalBytes, InvalidArgumentError } from '@openseal/kernel';
import { SM2_DEFAULT_USER_ID } from '../algorithms.js';
import { decodeSignature, encodeSignatureDer } from '../ecdsa/signature-encoding.js';
import { KeyFormatError } from '../errors.js';
import { sm3 } from '../sm3/sm3.js';
import { invertMod, mod } from './modular.js';
import { randomScalar } from './random-scalar.js';
import type { Sm2Arithmetic } from './sm2-arithmetic.js';
import { sm2DecryptWith, sm2EncryptWith, type Sm2DecryptOptions, type Sm2EncryptOptions } from './sm2-encryption.js';
import type { AffinePoint, WeierstrassCurve } from './weierstrass-curve.js';

export interface Sm2SignOptions {
  /** Signer ID for Z; defaults to SM2_DEFAULT_USER_ID. */
  userId?: Uint8Array;
  random: RandomSource;
  /** The key's public point 04‖x‖y, if the caller has it (saves one scalar multiplication). */
  publicKey?: Uint8Array;
}

export interface Sm2VerifyOptions {
  userId?: Uint8Array;
}

/** SM3 over the concatenation of its arguments. */
export type Sm3Function = (...parts: readonly Uint8Array[]) => Uint8Array;

interface PreparedKey {
  readonly copy: Uint8Array;
  /** Whether publicKey was computed here rather than taken from the caller. */
  readonly derived: boolean;
  readonly d: bigint;
  /** (1 + d)⁻¹ mod n, GB/T 32918.2 §6.1 A6. */
  readonly inverse: bigint;
  readonly publicKey: Uint8Array;
}

/**
 * SM2 (GB/T 32918) over one curve, with pluggable point arithmetic and SM3. The module-level
 * `sm2*` functions use the pure-JS instance on sm2p256v1; Node code builds one with native arithmetic.
 */
export class Sm2 {
  readonly curve: WeierstrassCurve;
  readonly arithmetic: Sm2Arithmetic;
  readonly hash: Sm3Function;
  readonly #curveBytes: Uint8Array;
  readonly #prepared = new WeakMap<Uint8Array, PreparedKey>();

  constructor(arithmetic: Sm2Arithmetic, hash: Sm3Function = sm3) {
    this.arithmetic = arithmetic;
    this.curve = arithmetic.curve;
    this.hash = hash;
    const { a, b, gx, gy } = this.curve.params;
    const L = this.curve.byteLength;
    this.#curveBytes = concatBytes(...[a, b, gx, gy].map((v) => bigIntToBytes(v, L)));
  }

  /** Z = SM3(ENTL‖ID‖a‖b‖Gx‖Gy‖xA‖yA) (GB/T 32918.2 §5.5). `publicKey` is 04‖x‖y. */
  za(publicKey: Uint8Array, userId: Uint8Array = SM2_DEFAULT_USER_ID): Uint8Array {
    if (!this.curve.decodePoint(publicKey)) throw new KeyFormatError('SM2 public key is not a point of the curve');
    return this.#za(publicKey, userId);
  }

  /** GB/T 32918.2 §6.1; returns DER SEQUENCE{r,s}. `privateKey` is the scalar d. */
  sign(privateKey: Uint8Array, message: Uint8Array, options: Sm2SignOptions): Uint8Array {
    const key = this.#prepare(privateKey, options.publicKey);
    const e = bytesToBigInt(this.hash(this.#za(key.publicKey, options.userId ?? SM2_DEFAULT_USER_ID), message));
    const n = this.curve.n;
    for (;;) {
      const k = randomScalar(options.random, n, n - 1n);
      const x1 = this.arithmetic.mulBase(k).x;
      const r = mod(e + x1, n);
      if (r === 0n || r + k === n) continue;
      const s = mod(key.inverse * (k - r * key.d), n);
      if (s === 0n) continue;
      return encodeSignatureDer(r, s);
    }
  }

  /** GB/T 32918.2 §7.1. Accepts DER SEQUENCE{r,s} or raw r‖s; any defect gives false, never a throw. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, options: Sm2VerifyOptions = {}): boolean {
    const point = this.curve.decodePoint(publicKey);
    const sig = decodeSignature(signature, this.curve.byteLength);
    const userId = options.userId ?? SM2_DEFAULT_USER_ID;
    if (!point || !sig || userId.length > 0x1fff) return false;
    const n = this.curve.n;
    const { r, s } = sig;
    if (r < 1n || r >= n || s < 1n || s >= n) return false; // B1, B2
    const t = mod(r + s, n); // B5
    if (t === 0n) return false;
    const e = bytesToBigInt(this.hash(this.#za(publicKey, userId), message)); // B3, B4
    return this.arithmetic.verifyEquation(e, r, s, t, point);
  }

  /** 04‖x‖y of d·G. */
  publicKeyFromPrivate(privateKey: Uint8Array): Uint8Array {
    return this.#prepare(privateKey).publicKey;
  }

  /** A fresh private scalar d in [1, n−2] (GB/T 32918.1 §6.1), as `byteLength` bytes. */
  generatePrivateKey(random: RandomSource): Uint8Array {
    return bigIntToBytes(randomScalar(random, this.curve.n, this.curve.n - 2n), this.curve.byteLength);
  }

  /** Validated public point, or a KEY_FORMAT_INVALID error. */
  publicPoint(publicKey: Uint8Array): AffinePoint {
    const point = this.curve.decodePoint(publicKey);
    if (!point) throw new KeyFormatError('SM2 public key is not a point of the curve');
    return point;
  }

  /** GB/T 32918.4 §6.1 public-key encryption. */
  encrypt(publicKey: Uint8Array, plaintext: Uint8Array, options: Sm2EncryptOptions): Uint8Array {
    return sm2EncryptWith(this, this.publicPoint(publicKey), plaintext, options);
  }

  /** GB/T 32918.4 §7.1 decryption; CRYPTO_OPERATION_FAILED for any malformed or altered ciphertext. */
  decrypt(privateKey: Uint8Array, ciphertext: Uint8Array, options: Sm2DecryptOptions = {}): Uint8Array {
    return sm2DecryptWith(this, this.privateScalar(privateKey), ciphertext, options);
  }

  /** The scalar d of a private key, checked to be `byteLength` bytes in [1, n−2]. */
  privateScalar(privateKey: Uint8Array): bigint {
    if (privateKey.length !== this.curve.byteLength) {
      throw new KeyFormatError(`SM2 private key must be ${this.curve.byteLength} bytes`, { length: privateKey.length });
    }
    const d = bytesToBigInt(privateKey);
    if (d < 1n || d > this.curve.n - 2n) throw new KeyFormatError('SM2 private key is outside [1, n-2]');
    return d;
  }

  // Cached per private-key array (a WeakMap, so nothing outlives the caller's key): d, (1+d)⁻¹, d·G.
  #prepare(privateKey: Uint8Array, publicKey?: Uint8Array): PreparedKey {
    if (publicKey && publicKey.length !== 1 + 2 * this.curve.byteLength) throw new KeyFormatError('SM2 public key must be 04‖x‖y');
    const cached = this.#prepared.get(privateKey);
    if (cached && equalBytes(cached.copy, privateKey)) {
      if (publicKey ? equalBytes(cached.publicKey, publicKey) : cached.derived) return cached;
    }
    const d = this.privateScalar(privateKey);
    const inverse = invertMod(1n + d, this.curve.n);
    const prepared: PreparedKey = publicKey
      ? { copy: privateKey.slice(), derived: false, d, inverse, publicKey: publicKey.slice() }
      : { copy: privateKey.slice(), derived: true, d, inverse, publicKey: this.curve.encodePoint(this.arithmetic.mulBase(d)) };
    this.#prepared.set(privateKey, prepared);
    return prepared;
  }

  #za(publicKey: Uint8Array, userId: Uint8Array): Uint8Array {
    const bits = userId.length * 8;
    if (bits > 0xffff) throw new InvalidArgumentError('SM2 user ID must be shorter than 8192 bytes', { length: userId.length });
    return this.hash(new Uint8Array([bits >>> 8, bits & 0xff]), userId, this.#curveBytes, publicKey.subarray(1));
  }
}
