/** ISO 32000-2 §7.4.3 ASCII85Decode. */
import { PdfMalformedError } from '../errors.js';
import { isWhite } from '../parse/char-class.js';

export function ascii85Decode(data: Uint8Array): Uint8Array {
  let start = 0;
  if (data[0] === 0x3c && data[1] === 0x7e) start = 2; // optional "<~"
  const out = new Uint8Array(4 * data.length + 4);
  let n = 0;
  const group: number[] = [];
  const flush = (count: number): void => {
    let v = 0;
    for (let i = 0; i < 5; i++) v = v * 85 + (group[i] ?? 84);
    if (v > 0xffffffff) throw new PdfMalformedError('ASCII85 group out of range');
    const bytes = [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
    for (let i = 0; i < count; i++) out[n++] = bytes[i] as number;
    group.length = 0;
  };
  for (let i = start; i < data.length; i++) {
    const c = data[i] as number;
    if (c === 0x7e) break; // "~>" EOD
    if (isWhite(c)) continue;
    if (c === 0x7a && group.length === 0) {
      out.fill(0, n, n + 4);
      n += 4;
      continue;
    }
    if (c < 0x21 || c > 0x75) throw new PdfMalformedError('invalid character in ASCII85Decode data');
    group.push(c - 0x21);
    if (group.length === 5) flush(4);
  }
  if (group.length === 1) throw new PdfMalformedError('ASCII85 final group of one character');
  if (group.length > 1) flush(group.length - 1);
  return out.slice(0, n);
}
