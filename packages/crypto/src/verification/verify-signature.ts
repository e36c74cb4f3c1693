import { DIGEST_LENGTH, type DigestAlgorithm, type SignatureAlgorithm } from '../algorithms.js';
import { ecdsaCurve } from '../ecdsa/nist-curves.js';
import { decodeSignature, type SignatureScalars } from '../ecdsa/signature-encoding.js';
import { CryptoUnsupportedError } from '../errors.js';
import type { RsaPublicNumbers } from '../rsa/rsa-verify.js';
import type { AffinePoint } from '../sm2/weierstrass-curve.js';
import type { PublicKeyCache } from './public-key-cache.js';

/** RSA key sizes accepted for verification (older documents carry 1024-bit signatures). */
export const RSA_VERIFY_MIN_BITS = 1024;
export const RSA_VERIFY_MAX_BITS = 8192;

export type RsaVerifyAlgorithm =
  | { readonly name: 'RSASSA-PKCS1-v1_5'; readonly hash: DigestAlgorithm }
  | { readonly name: 'RSA-PSS'; readonly hash: DigestAlgorithm; readonly saltLength: number };

export interface EcdsaPublicKey {
  /** Cache slot for the platform's key objects of this key. */
  readonly platformKeys: Map<string, unknown>;
  readonly keyType: 'EC-P256' | 'EC-P384';
  /** 04‖x‖y, already checked to be on the curve. */
  readonly point: Uint8Array;
  readonly affine: AffinePoint;
  readonly spki: Uint8Array;
}

/** The platform primitives a CryptoProvider plugs into `verifySignature`. */
export interface VerificationPrimitives {
  sm2(point: Uint8Array, data: Uint8Array, signature: Uint8Array, userId: Uint8Array | undefined): boolean;
  rsa(key: RsaPublicNumbers & { readonly bits: number; readonly platformKeys: Map<string, unknown> }, algorithm: RsaVerifyAlgorithm, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
  /** `signature` is already decoded and r, s are in [1, n−1]. */
  ecdsa(key: EcdsaPublicKey, hash: DigestAlgorithm, data: Uint8Array, signature: SignatureScalars): Promise<boolean>;
}

const DIGESTS: ReadonlySet<string> = new Set<DigestAlgorithm>(['SM3', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']);

/** Throws CRYPTO_UNSUPPORTED unless the algorithm (and its parameters) is one OpenSeal verifies. */
export function assertSupportedAlgorithm(algorithm: SignatureAlgorithm): void {
  const { name, hash } = algorithm as { name: string; hash: string };
  if (!DIGESTS.has(hash)) throw new CryptoUnsupportedError(`digest ${String(hash)}`);
  switch (name) {
    case 'SM2':
      if (hash !== 'SM3') throw new CryptoUnsupportedError(`SM2 with ${hash}`);
      return;
    case 'RSASSA-PKCS1-v1_5':
    case 'ECDSA':
      return;
    case 'RSA-PSS': {
      // OpenSSL 3.0 refuses SM3 as an RSA digest; only SM3withRSA (PKCS#1 v1.5) is done in JavaScript.
      if (hash === 'SM3') throw new CryptoUnsupportedError('RSA-PSS with SM3');
      const salt = (algorithm as { saltLength?: number }).saltLength;
      if (salt !== undefined && (!Number.isInteger(salt) || salt < 0 || salt > 1024)) {
        throw new CryptoUnsupportedError('RSA-PSS salt length', { saltLength: salt });
      }
      return;
    }
    default:
      throw new CryptoUnsupportedError(`signature algorithm ${String(name)}`);
  }
}

/**
 * The CryptoProvider.verify contract, shared by every provider: checks the algorithm (throws
 * CRYPTO_UNSUPPORTED), reads the key, and returns false for any key, signature or encoding defect.
 */
export async function verifySignature(
  primitives: VerificationPrimitives,
  keys: PublicKeyCache,
  algorithm: SignatureAlgorithm,
  spki: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  assertSupportedAlgorithm(algorithm);
  const cached = keys.get(spki);
  const key = cached.info;
  if (!key) return false;
  const { platformKeys } = cached;
  switch (algorithm.name) {
    case 'SM2':
      return key.keyType === 'SM2' && primitives.sm2(key.point, data, signature, algorithm.userId);
    case 'ECDSA': {
      if (key.keyType !== 'EC-P256' && key.keyType !== 'EC-P384') return false;
      const curve = ecdsaCurve(key.keyType);
      const sig = decodeSignature(signature, curve.byteLength);
      const affine = curve.decodePoint(key.point);
      if (!affine || !sig) return false;
      if (sig.r < 1n || sig.r >= curve.n || sig.s < 1n || sig.s >= curve.n) return false;
      return primitives.ecdsa({ keyType: key.keyType, point: key.point, affine, spki, platformKeys }, algorithm.hash, data, sig);
    }
    case 'RSASSA-PKCS1-v1_5':
    case 'RSA-PSS': {
      if (key.keyType !== 'RSA' || key.bits < RSA_VERIFY_MIN_BITS || key.bits > RSA_VERIFY_MAX_BITS) return false;
      const rsaKey = { modulus: key.modulus, publicExponent: key.publicExponent, bits: key.bits, platformKeys };
      if (algorithm.name === 'RSASSA-PKCS1-v1_5') {
        return !cached.pssOnly && primitives.rsa(rsaKey, { name: algorithm.name, hash: algorithm.hash }, data, signature);
      }
      const saltLength = algorithm.saltLength ?? DIGEST_LENGTH[algorithm.hash];
      return primitives.rsa(rsaKey, { name: 'RSA-PSS', hash: algorithm.hash, saltLength }, data, signature);
    }
  }
}
