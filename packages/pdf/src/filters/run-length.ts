/** ISO 32000-2 §7.4.5 RunLengthDecode. */
import { OutputBuffer } from './output-buffer.js';

export function runLengthDecode(data: Uint8Array, maxOutput: number): Uint8Array {
  const out = new OutputBuffer(maxOutput, data.length * 2);
  let i = 0;
  while (i < data.length) {
    const n = data[i++] as number;
    if (n === 128) break; // EOD
    if (n < 128) {
      out.pushBytes(data.subarray(i, i + n + 1));
      i += n + 1;
    } else {
      if (i >= data.length) break;
      out.repeat(data[i++] as number, 257 - n);
    }
  }
  return out.toBytes();
}
