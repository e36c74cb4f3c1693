import { createHash, type Hash } from 'node:crypto';
import type { DigestAlgorithm } from '../algorithms.js';
import type { Hasher } from '../hasher.js';

/** node:crypto names of the digests (OpenSSL). */
export const NODE_DIGEST_NAME: Readonly<Record<DigestAlgorithm, string>> = {
  SM3: 'sm3',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/** A streaming digest on node:crypto. */
export class NodeHasher implements Hasher {
  readonly algorithm: DigestAlgorithm;
  readonly #hash: Hash;
  constructor(algorithm: DigestAlgorithm) {
    this.algorithm = algorithm;
    this.#hash = createHash(NODE_DIGEST_NAME[algorithm]);
  }
  update(data: Uint8Array): this {
    this.#hash.update(data);
    return this;
  }
  digest(): Uint8Array {
    return new Uint8Array(this.#hash.digest());
  }
}

/** One-shot digest on node:crypto. */
export function nodeDigest(algorithm: DigestAlgorithm, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(NODE_DIGEST_NAME[algorithm]).update(data).digest());
}

/** SM3 over the concatenation of its arguments, on node:crypto. */
export function nodeSm3(...parts: readonly Uint8Array[]): Uint8Array {
  const h = createHash('sm3');
  for (const part of parts) h.update(part);
  return new Uint8Array(h.digest());
}
