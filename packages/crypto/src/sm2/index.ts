// Contract for the SM2 module (GB/T 32918). Implementation pending in this work session.
import type { RandomSource } from '@openseal/kernel';

export interface Sm2SignOptions {
  /** Signer ID for Z; defaults to SM2_DEFAULT_USER_ID. */
  userId?: Uint8Array;
  random: RandomSource;
}
export interface Sm2VerifyOptions {
  userId?: Uint8Array;
}

/** Z = SM3(ENTL‖ID‖a‖b‖Gx‖Gy‖xA‖yA) (GB/T 32918.2 §5.5). `publicKey` is 04‖x‖y (65 bytes). */
export declare function sm2Za(publicKey: Uint8Array, userId?: Uint8Array): Uint8Array;
/** Returns DER SEQUENCE{r,s}. `privateKey` is the 32-byte scalar d. */
export declare function sm2Sign(privateKey: Uint8Array, message: Uint8Array, options: Sm2SignOptions): Uint8Array;
/** Accepts DER SEQUENCE{r,s} or raw r‖s (64 bytes). Never throws on a bad signature. */
export declare function sm2Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array, options?: Sm2VerifyOptions): boolean;
/** 04‖x‖y of d·G. */
export declare function sm2PublicKeyFromPrivate(privateKey: Uint8Array): Uint8Array;
/** A fresh private scalar in [1, n-2]. */
export declare function sm2GeneratePrivateKey(random: RandomSource): Uint8Array;
