import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { sha1 } from '@noble/hashes/legacy.js';
import type { DigestAlgorithm } from '../algorithms.js';
import { CryptoUnsupportedError } from '../errors.js';
import type { Hasher } from '../hasher.js';
import { Sm3 } from '../sm3/sm3.js';

const NOBLE = { 'SHA-1': sha1, 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 } as const;
type NobleHash = ReturnType<(typeof NOBLE)[keyof typeof NOBLE]['create']>;

/** SHA-1/SHA-2 from @noble/hashes as a Hasher. */
class NobleHasher implements Hasher {
  readonly algorithm: DigestAlgorithm;
  readonly #inner: NobleHash;
  #finished = false;
  constructor(algorithm: keyof typeof NOBLE) {
    this.algorithm = algorithm;
    this.#inner = NOBLE[algorithm].create();
  }
  update(data: Uint8Array): this {
    if (this.#finished) throw new Error(`${this.algorithm}: update() after digest()`);
    this.#inner.update(data);
    return this;
  }
  digest(): Uint8Array {
    if (this.#finished) throw new Error(`${this.algorithm}: digest() called twice`);
    this.#finished = true;
    return this.#inner.digest();
  }
}

/** A streaming digest in plain JavaScript (WebCrypto has no incremental digest): @noble/hashes and SM3. */
export function createJsHasher(algorithm: DigestAlgorithm): Hasher {
  if (algorithm === 'SM3') return new Sm3();
  if (!Object.hasOwn(NOBLE, algorithm)) throw new CryptoUnsupportedError(`digest ${String(algorithm)}`);
  return new NobleHasher(algorithm);
}

export function jsDigest(algorithm: DigestAlgorithm, data: Uint8Array): Uint8Array {
  return createJsHasher(algorithm).update(data).digest();
}
