import { Sm2, type Sm2SignOptions, type Sm2VerifyOptions } from '../sm2/sm2.js';
import type { Sm2DecryptOptions, Sm2EncryptOptions } from '../sm2/sm2-encryption.js';
import { SM2_CURVE } from '../sm2/sm2-functions.js';
import { nativeSm2Arithmetic } from './native-sm2-arithmetic.js';
import { nodeSm3 } from './node-hash.js';

const arithmetic = nativeSm2Arithmetic(SM2_CURVE);

/** SM2 on sm2p256v1 with OpenSSL's native point arithmetic and SM3 (Node only). Same API as `SM2`. */
export const NODE_SM2: Sm2 = new Sm2(arithmetic, nodeSm3);

/** 'openssl-ecdsa' when this OpenSSL passed the verification self-test, 'pure' when BigInt is used instead. */
export function nodeSm2VerificationBackend(): 'openssl-ecdsa' | 'pure' {
  return arithmetic.verificationBackend();
}

/** `sm2Sign` on native arithmetic: DER SEQUENCE{r,s}; k comes from `options.random`. */
export function nodeSm2Sign(privateKey: Uint8Array, message: Uint8Array, options: Sm2SignOptions): Uint8Array {
  return NODE_SM2.sign(privateKey, message, options);
}

/** `sm2Verify` on native arithmetic: DER or raw r‖s; never throws on a bad signature. */
export function nodeSm2Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, options?: Sm2VerifyOptions): boolean {
  return NODE_SM2.verify(publicKey, message, signature, options);
}

export function nodeSm2Encrypt(publicKey: Uint8Array, plaintext: Uint8Array, options: Sm2EncryptOptions): Uint8Array {
  return NODE_SM2.encrypt(publicKey, plaintext, options);
}

export function nodeSm2Decrypt(privateKey: Uint8Array, ciphertext: Uint8Array, options?: Sm2DecryptOptions): Uint8Array {
  return NODE_SM2.decrypt(privateKey, ciphertext, options);
}
