import type { KeyType, SignatureAlgorithm } from './algorithms.js';

/**
 * Holds (or reaches) a private key and signs what an engine prepared. Engines work in stages:
 * prepare the to-be-signed bytes → `signer.sign(tbs)` (in-process, on a PKCS#11 token, or in a
 * remote agent) → embed the signature. The signer never sees the document, only `tbs`.
 */
export interface Signer {
  readonly keyType: KeyType;
  /** DER SubjectPublicKeyInfo of the signing key. */
  readonly publicKey: Uint8Array;
  /** The algorithm used when `sign` is called without one. */
  readonly algorithm: SignatureAlgorithm;
  /**
   * Signs `data` (the message; the signer hashes it as the algorithm requires) and returns the
   * signature in its standard encoding (DER SEQUENCE{r,s} for SM2/ECDSA).
   * Throws KEY_ALGORITHM_MISMATCH when `algorithm` does not fit the key.
   */
  sign(data: Uint8Array, algorithm?: SignatureAlgorithm): Promise<Uint8Array>;
}
