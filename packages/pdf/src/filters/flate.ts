/** ISO 32000-2 §7.4.4 FlateDecode: zlib (RFC 1950) around deflate (RFC 1951), with a size limit. */
import { Inflate, zlibSync } from 'fflate';
import { PdfLimitExceededError, PdfMalformedError } from '../errors.js';

const CHUNK = 4096;

export function flateDecode(data: Uint8Array, maxOutput: number): Uint8Array {
  // RFC 1950 §2.2 header: CM = 8 and the 16-bit header a multiple of 31. Some producers omit it.
  const cmf = data[0] ?? 0;
  const flg = data[1] ?? 0;
  const zlib = data.length >= 2 && (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
  if (zlib && (flg & 0x20) !== 0) throw new PdfMalformedError('FlateDecode with a preset dictionary');
  const body = zlib ? data.subarray(2) : data;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxOutput) throw new PdfLimitExceededError('maxDecodedStreamSize', maxOutput);
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < body.length; i += CHUNK) inflater.push(body.subarray(i, i + CHUNK), false);
    inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof PdfLimitExceededError) throw e;
    // A truncated final block (or missing Adler-32) is common in real files: keep what was inflated.
    if (total === 0) throw new PdfMalformedError('FlateDecode data is corrupt', {}, { cause: e });
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export function flateEncode(data: Uint8Array): Uint8Array {
  return zlibSync(data, { level: 6 });
}
