import type { DigestAlgorithm } from './algorithms.js';

/** An incremental digest: feed large documents in chunks while reading them. */
export interface Hasher {
  readonly algorithm: DigestAlgorithm;
  update(data: Uint8Array): this;
  /** Finishes the digest; the hasher cannot be used afterwards. */
  digest(): Uint8Array;
}
