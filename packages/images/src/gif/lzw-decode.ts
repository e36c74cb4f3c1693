import { ImageMalformedError } from '../errors.js';

/**
 * GIF variable-length-code LZW (GIF89a spec §22, Appendix F) into `out` (colour indices). Stops when `out`
 * is full or at the End-of-Information code; returns the number of indices written.
 */
export function lzwDecode(data: Uint8Array, minCodeSize: number, out: Uint8Array): number {
  if (minCodeSize < 2 || minCodeSize > 8) throw new ImageMalformedError('GIF', 'LZW minimum code size out of range', { minCodeSize });
  const clear = 1 << minCodeSize;
  const eoi = clear + 1;
  const prefix = new Int16Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  for (let i = 0; i < clear; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    first[i] = i;
    length[i] = 1;
  }
  let codeSize = minCodeSize + 1;
  let next = eoi + 1;
  let prev = -1;
  let written = 0;
  let bits = 0;
  let nbits = 0;
  let pos = 0;
  while (written < out.length) {
    while (nbits < codeSize && pos < data.length) {
      bits |= (data[pos++] as number) << nbits;
      nbits += 8;
    }
    if (nbits < codeSize) break;
    const code = bits & ((1 << codeSize) - 1);
    bits >>>= codeSize;
    nbits -= codeSize;
    if (code === clear) {
      codeSize = minCodeSize + 1;
      next = eoi + 1;
      prev = -1;
      continue;
    }
    if (code === eoi) break;
    let entry: number;
    if (code < next) entry = code;
    else if (code === next && prev >= 0) entry = -1; // KwKwK case: previous string + its own first byte
    else throw new ImageMalformedError('GIF', 'LZW code out of sequence', { code, next });
    if (prev >= 0 && next < 4096) {
      prefix[next] = prev;
      suffix[next] = entry === -1 ? (first[prev] as number) : (first[entry] as number);
      first[next] = first[prev] as number;
      length[next] = (length[prev] as number) + 1;
      next++;
      if (next === 1 << codeSize && codeSize < 12) codeSize++;
    }
    const c = entry === -1 ? next - 1 : entry;
    const len = length[c] as number;
    // Write the string backwards from its last byte; clip at the end of the frame.
    let k = c;
    for (let i = len - 1; i >= 0; i--) {
      if (written + i < out.length) out[written + i] = suffix[k] as number;
      k = prefix[k] as number;
    }
    written = Math.min(out.length, written + len);
    prev = c;
  }
  return written;
}
