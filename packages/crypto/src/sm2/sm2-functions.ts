import type { RandomSource } from '@openseal/kernel';
import { SM2_P256V1 } from './curve-params.js';
import { Sm2, type Sm2SignOptions, type Sm2VerifyOptions } from './sm2.js';
import { pureSm2Arithmetic } from './sm2-arithmetic.js';
import type { Sm2DecryptOptions, Sm2EncryptOptions } from './sm2-encryption.js';
import { WeierstrassCurve } from './weierstrass-curve.js';

/** sm2p256v1 arithmetic, shared by every SM2 instance on that curve (its base-point table is built once). */
export const SM2_CURVE: WeierstrassCurve = new WeierstrassCurve(SM2_P256V1);

/** SM2 on sm2p256v1 with pure-JS arithmetic and SM3: works in every runtime. */
export const PURE_SM2: Sm2 = new Sm2(pureSm2Arithmetic(SM2_CURVE));

/** Z = SM3(ENTL‖ID‖a‖b‖Gx‖Gy‖xA‖yA) (GB/T 32918.2 §5.5). `publicKey` is 04‖x‖y (65 bytes). */
export function sm2Za(publicKey: Uint8Array, userId?: Uint8Array): Uint8Array {
  return PURE_SM2.za(publicKey, userId);
}

/** Returns DER SEQUENCE{r,s}. `privateKey` is the 32-byte scalar d. */
export function sm2Sign(privateKey: Uint8Array, message: Uint8Array, options: Sm2SignOptions): Uint8Array {
  return PURE_SM2.sign(privateKey, message, options);
}

/** Accepts DER SEQUENCE{r,s} or raw r‖s (64 bytes). Never throws on a bad signature. */
export function sm2Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, options?: Sm2VerifyOptions): boolean {
  return PURE_SM2.verify(publicKey, message, signature, options);
}

/** 04‖x‖y of d·G. */
export function sm2PublicKeyFromPrivate(privateKey: Uint8Array): Uint8Array {
  return PURE_SM2.publicKeyFromPrivate(privateKey);
}

/** A fresh private scalar in [1, n-2]. */
export function sm2GeneratePrivateKey(random: RandomSource): Uint8Array {
  return PURE_SM2.generatePrivateKey(random);
}

/** GB/T 32918.4 encryption to a public key 04‖x‖y; DER SM2Cipher by default. */
export function sm2Encrypt(publicKey: Uint8Array, plaintext: Uint8Array, options: Sm2EncryptOptions): Uint8Array {
  return PURE_SM2.encrypt(publicKey, plaintext, options);
}

/** GB/T 32918.4 decryption; throws CRYPTO_OPERATION_FAILED for a malformed or altered ciphertext. */
export function sm2Decrypt(privateKey: Uint8Array, ciphertext: Uint8Array, options?: Sm2DecryptOptions): Uint8Array {
  return PURE_SM2.decrypt(privateKey, ciphertext, options);
}

/** Whether `publicKey` is 04‖x‖y of a point on sm2p256v1 (GB/T 32918.1 §6.2.2; cofactor 1). */
export function sm2IsValidPublicKey(publicKey: Uint8Array): boolean {
  return SM2_CURVE.decodePoint(publicKey) !== null;
}
