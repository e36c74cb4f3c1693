import type { RandomSource } from '@openseal/kernel';
import { bigIntToBytes, equalBytes } from '@openseal/kernel';
import { CryptoOperationError } from '../errors.js';
import { randomScalar } from './random-scalar.js';
import { decodeSm2Ciphertext, encodeSm2Ciphertext, type Sm2CiphertextFormat } from './sm2-ciphertext.js';
import type { Sm2Arithmetic } from './sm2-arithmetic.js';
import type { AffinePoint } from './weierstrass-curve.js';

export interface Sm2EncryptOptions {
  random: RandomSource;
  /** Output layout; default 'der' (GB/T 35276 SM2Cipher). */
  format?: Sm2CiphertextFormat;
}

export interface Sm2DecryptOptions {
  /** Input layout; default 'der'. */
  format?: Sm2CiphertextFormat;
}

interface Sm2Parts {
  readonly arithmetic: Sm2Arithmetic;
  readonly hash: (...parts: readonly Uint8Array[]) => Uint8Array;
}

/** GB/T 32918.4 §6.1 A1–A8 (cofactor 1, so S = h·P_B is P_B itself, already validated). */
export function sm2EncryptWith(sm2: Sm2Parts, publicKey: AffinePoint, plaintext: Uint8Array, options: Sm2EncryptOptions): Uint8Array {
  const { curve } = sm2.arithmetic;
  const L = curve.byteLength;
  for (;;) {
    const k = randomScalar(options.random, curve.n, curve.n - 1n);
    const c1 = sm2.arithmetic.mulBase(k);
    const shared = sm2.arithmetic.mul(publicKey, k);
    if (!shared) throw new CryptoOperationError('SM2 encryption: k·P is the point at infinity');
    const x2 = bigIntToBytes(shared.x, L);
    const y2 = bigIntToBytes(shared.y, L);
    const t = sm2Kdf(sm2.hash, x2, y2, plaintext.length);
    if (plaintext.length > 0 && t.every((b) => b === 0)) continue; // A5: all-zero key stream → new k
    const c2 = xor(plaintext, t);
    const c3 = sm2.hash(x2, plaintext, y2);
    return encodeSm2Ciphertext({ c1, c3, c2 }, options.format ?? 'der', curve);
  }
}

/** GB/T 32918.4 §7.1 B1–B7; one error for every failure so the caller learns nothing more. */
export function sm2DecryptWith(sm2: Sm2Parts, d: bigint, ciphertext: Uint8Array, options: Sm2DecryptOptions): Uint8Array {
  const { curve } = sm2.arithmetic;
  const L = curve.byteLength;
  const { c1, c2, c3 } = decodeSm2Ciphertext(ciphertext, options.format ?? 'der', curve);
  const shared = sm2.arithmetic.mul(c1, d);
  if (!shared) throw new CryptoOperationError('SM2 decryption');
  const x2 = bigIntToBytes(shared.x, L);
  const y2 = bigIntToBytes(shared.y, L);
  const t = sm2Kdf(sm2.hash, x2, y2, c2.length);
  if (c2.length > 0 && t.every((b) => b === 0)) throw new CryptoOperationError('SM2 decryption');
  const plaintext = xor(c2, t);
  if (!equalBytes(sm2.hash(x2, plaintext, y2), c3)) throw new CryptoOperationError('SM2 decryption');
  return plaintext;
}

/** GB/T 32918.4 §5.4.3 key derivation: SM3(Z‖ct) for ct = 1, 2, … (32-bit big-endian), truncated. */
export function sm2Kdf(hash: Sm2Parts['hash'], x2: Uint8Array, y2: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const counter = new Uint8Array(4);
  for (let offset = 0, ct = 1; offset < length; offset += 32, ct++) {
    counter[0] = ct >>> 24;
    counter[1] = (ct >>> 16) & 0xff;
    counter[2] = (ct >>> 8) & 0xff;
    counter[3] = ct & 0xff;
    const block = hash(x2, y2, counter);
    out.set(block.subarray(0, Math.min(32, length - offset)), offset);
  }
  return out;
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] as number) ^ (b[i] as number);
  return out;
}
