/** ISO 32000-2 §7.4.2 ASCIIHexDecode. */
import { PdfMalformedError } from '../errors.js';
import { hexValue, isWhite } from '../parse/char-class.js';

export function asciiHexDecode(data: Uint8Array): Uint8Array {
  const out = new Uint8Array((data.length + 1) >> 1);
  let n = 0;
  let hi = -1;
  for (const c of data) {
    if (c === 0x3e) break; // EOD
    const v = hexValue(c);
    if (v < 0) {
      if (isWhite(c)) continue;
      throw new PdfMalformedError('invalid character in ASCIIHexDecode data');
    }
    if (hi < 0) hi = v;
    else {
      out[n++] = (hi << 4) | v;
      hi = -1;
    }
  }
  if (hi >= 0) out[n++] = hi << 4;
  return out.slice(0, n);
}
