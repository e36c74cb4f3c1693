/** ISO 32000-2 §7.4.4.2 LZWDecode (codes of 9–12 bits, 256 = clear, 257 = EOD, EarlyChange). */
import { OutputBuffer } from './output-buffer.js';

export function lzwDecode(data: Uint8Array, earlyChange: number, maxOutput: number): Uint8Array {
  const out = new OutputBuffer(maxOutput, data.length * 3);
  // Each table entry = (prefix entry, last byte, length); strings are rebuilt into a scratch buffer.
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const length = new Uint32Array(4096);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    suffix[i] = i;
    length[i] = 1;
  }
  const scratch = new Uint8Array(4096);
  let next = 258;
  let width = 9;
  let prev = -1;
  let bitBuf = 0;
  let bits = 0;
  let pos = 0;
  const early = earlyChange === 0 ? 0 : 1;
  for (;;) {
    while (bits < width && pos < data.length) {
      bitBuf = ((bitBuf << 8) | (data[pos++] as number)) >>> 0;
      bits += 8;
    }
    if (bits < width) break;
    const code = (bitBuf >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    bitBuf &= (1 << bits) - 1;
    if (code === 256) {
      next = 258;
      width = 9;
      prev = -1;
      continue;
    }
    if (code === 257) break;
    let entry: number;
    if (code < next && (code < 256 || code >= 258)) entry = code;
    else if (code === next && prev >= 0) entry = -2;
    else break; // invalid code: stop as readers do
    const first = (e: number): number => {
      let k = e;
      while ((prefix[k] as number) >= 0) k = prefix[k] as number;
      return suffix[k] as number;
    };
    if (prev >= 0 && next < 4096) {
      prefix[next] = prev;
      suffix[next] = entry === -2 ? first(prev) : first(entry);
      length[next] = (length[prev] as number) + 1;
      next++;
    }
    const e = entry === -2 ? next - 1 : entry;
    const len = length[e] as number;
    for (let k = e, i = len - 1; i >= 0; i--, k = prefix[k] as number) scratch[i] = suffix[k] as number;
    out.pushBytes(scratch.subarray(0, len));
    prev = e;
    if (next + early >= 1 << width && width < 12) width++;
  }
  return out.toBytes();
}
