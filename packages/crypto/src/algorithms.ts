/** Digest algorithms OpenSeal computes (SM3: GB/T 32905; SHA-2: FIPS 180-4). */
export type DigestAlgorithm = 'SM3' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** Key types OpenSeal signs and verifies with. SM2 keys are on sm2p256v1 (GB/T 32918.5). */
export type KeyType = 'SM2' | 'RSA' | 'EC-P256' | 'EC-P384';

/**
 * A signature scheme with its parameters. Signatures are always in their standard wire encoding:
 * DER SEQUENCE{r,s} for SM2 and ECDSA (GB/T 35276, RFC 5480), the raw modulus-sized block for RSA.
 * Verifiers also accept raw r‖s for SM2/ECDSA on input.
 */
export type SignatureAlgorithm =
  | { readonly name: 'SM2'; readonly hash: 'SM3'; readonly userId?: Uint8Array }
  | { readonly name: 'RSASSA-PKCS1-v1_5'; readonly hash: DigestAlgorithm }
  | { readonly name: 'RSA-PSS'; readonly hash: DigestAlgorithm; readonly saltLength?: number }
  | { readonly name: 'ECDSA'; readonly hash: DigestAlgorithm };

/** GM/T 0009-2012 §10: the default SM2 signer ID "1234567812345678" (ENTL = 0x0080). */
export const SM2_DEFAULT_USER_ID: Uint8Array = new Uint8Array([
  0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38,
]);

export const DIGEST_LENGTH: Readonly<Record<DigestAlgorithm, number>> = {
  SM3: 32,
  'SHA-1': 20,
  'SHA-256': 32,
  'SHA-384': 48,
  'SHA-512': 64,
};

/** The usual signature algorithm for a key type (what a Signer uses when none is asked for). */
export function defaultSignatureAlgorithm(keyType: KeyType): SignatureAlgorithm {
  switch (keyType) {
    case 'SM2':
      return { name: 'SM2', hash: 'SM3' };
    case 'RSA':
      return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    case 'EC-P256':
      return { name: 'ECDSA', hash: 'SHA-256' };
    case 'EC-P384':
      return { name: 'ECDSA', hash: 'SHA-384' };
  }
}

/** Whether a signature algorithm can be used with a key type. */
export function algorithmFitsKey(alg: SignatureAlgorithm, keyType: KeyType): boolean {
  switch (alg.name) {
    case 'SM2':
      return keyType === 'SM2';
    case 'RSASSA-PKCS1-v1_5':
    case 'RSA-PSS':
      return keyType === 'RSA';
    case 'ECDSA':
      return keyType === 'EC-P256' || keyType === 'EC-P384';
  }
}
