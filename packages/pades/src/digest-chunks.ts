import type { CryptoProvider, DigestAlgorithm } from '@openseal/crypto';

/** Hashes views of a file one after the other (no concatenated copy of a large document). */
export function digestChunks(provider: Pick<CryptoProvider, 'createHash'>, algorithm: DigestAlgorithm, chunks: readonly Uint8Array[]): Uint8Array {
  const h = provider.createHash(algorithm);
  for (const c of chunks) h.update(c);
  return h.digest();
}

/** Views of `bytes` that a ByteRange [o1 l1 o2 l2 …] covers; undefined when a range leaves the file. */
export function byteRangeChunks(bytes: Uint8Array, range: readonly number[]): Uint8Array[] | undefined {
  const out: Uint8Array[] = [];
  for (let i = 0; i + 1 < range.length; i += 2) {
    const start = range[i] as number;
    const length = range[i + 1] as number;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < 0 || length < 0 || start + length > bytes.length) return undefined;
    out.push(bytes.subarray(start, start + length));
  }
  return out;
}
