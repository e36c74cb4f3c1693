import { Unzlib } from 'fflate';
import { ImageMalformedError } from '../errors.js';

// Deflate expands at most ~1032:1, so one 4 KB slice yields at most ~4 MB past the end.
const SLICE = 4 * 1024;

/**
 * Inflates the zlib stream of the IDAT chunks into exactly `size` bytes. Input is fed in small slices and
 * decoding stops once the buffer is full, so a decompression bomb costs at most one slice of extra output.
 */
export function inflateExact(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let filled = 0;
  let full = false;
  const z = new Unzlib((chunk) => {
    const n = Math.min(chunk.length, size - filled);
    out.set(chunk.subarray(0, n), filled);
    filled += n;
    if (filled === size) full = true;
  });
  try {
    for (let p = 0; p < parts.length && !full; p++) {
      const part = parts[p] as Uint8Array;
      for (let i = 0; i < part.length && !full; i += SLICE) {
        z.push(part.subarray(i, i + SLICE), p === parts.length - 1 && i + SLICE >= part.length);
      }
    }
  } catch (cause) {
    if (full) return out; // trailing garbage after all pixels were read: libpng also only warns
    throw new ImageMalformedError('PNG', 'corrupt zlib stream in IDAT', { decoded: filled, expected: size }, { cause });
  }
  if (filled < size) throw new ImageMalformedError('PNG', 'image data is truncated', { decoded: filled, expected: size });
  return out;
}
