import type { DigestAlgorithm, SignatureAlgorithm } from './algorithms.js';
import type { Hasher } from './hasher.js';

/**
 * The verification-side cryptography every engine uses. One implementation per platform:
 * `NodeCryptoProvider` (node:crypto, fast) and `BrowserCryptoProvider` (WebCrypto + JS SM2/SM3).
 * Both must give identical answers; the shared test suite runs against both (and in Chromium).
 */
export interface CryptoProvider {
  readonly name: string;
  createHash(algorithm: DigestAlgorithm): Hasher;
  digest(algorithm: DigestAlgorithm, data: Uint8Array): Uint8Array;
  /**
   * Verifies `signature` over `data` (the message, not a digest: SM2 hashes Z‖M itself) with the
   * public key given as DER SubjectPublicKeyInfo. Returns false for any bad signature or a key
   * that does not fit the algorithm; throws only for unsupported algorithms (CRYPTO_UNSUPPORTED).
   */
  verify(algorithm: SignatureAlgorithm, publicKeySpki: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean>;
}
