import { equalBytes } from '@openseal/kernel';
import { encodeEcPublicKey } from '../public-key.js';
import { KeyFormatError } from '../errors.js';
import { EC_CURVES, normaliseScalar, type EcKeyType } from './ec-curves.js';

/**
 * An EC or SM2 private key. `d` is not enumerable, so it stays out of JSON, logs and error details;
 * read it explicitly where a signature needs it.
 */
export interface EcPrivateKey {
  readonly keyType: EcKeyType;
  /** Private scalar, big-endian, curve size (32 bytes; 48 for P-384). */
  readonly d: Uint8Array;
  /** Public point 04‖x‖y. */
  readonly point: Uint8Array;
  /** DER SubjectPublicKeyInfo (SM2: id-ecPublicKey + sm2p256v1, GB/T 35276). */
  readonly publicKey: Uint8Array;
}

/** An RSA private key; `pkcs1` (DER RSAPrivateKey, RFC 8017 A.1.2) is not enumerable. */
export interface RsaPrivateKey {
  readonly keyType: 'RSA';
  readonly pkcs1: Uint8Array;
  readonly bits: number;
  /** DER SubjectPublicKeyInfo (rsaEncryption). */
  readonly publicKey: Uint8Array;
}

/** A private key read from a key file or generated in software. */
export type PrivateKey = EcPrivateKey | RsaPrivateKey;

/**
 * Builds an EC/SM2 private key, checking that d lies in [1, n-1] ([1, n-2] for SM2) and, when a
 * public point is given, that it equals d·G (a corrupted or mismatched key file is rejected).
 */
export function createEcPrivateKey(keyType: EcKeyType, d: Uint8Array, point?: Uint8Array): EcPrivateKey {
  const curve = EC_CURVES[keyType];
  const scalar = normaliseScalar(curve, d);
  if (!scalar) throw new KeyFormatError('EC private scalar is out of range', { keyType });
  const computed = curve.publicFromPrivate(scalar);
  if (point !== undefined && !equalBytes(point, computed)) {
    throw new KeyFormatError('EC public key does not match the private key', { keyType });
  }
  const key = { keyType, point: computed, publicKey: encodeEcPublicKey(keyType, computed) };
  Object.defineProperty(key, 'd', { value: scalar, enumerable: false });
  return Object.freeze(key) as EcPrivateKey;
}

/** Builds an RSA private key from its parts; `pkcs1` must already have been checked by the parser. */
export function createRsaPrivateKey(pkcs1: Uint8Array, bits: number, publicKey: Uint8Array): RsaPrivateKey {
  const key = { keyType: 'RSA' as const, bits, publicKey };
  Object.defineProperty(key, 'pkcs1', { value: pkcs1.slice(), enumerable: false });
  return Object.freeze(key) as RsaPrivateKey;
}
