import { ImageMalformedError } from '../errors.js';

/**
 * Reverses the per-scanline filters (PNG spec §9.2) of one (sub)image starting at `offset` of `raw`.
 * Returns rows of `rowBytes` without filter-type bytes.
 */
export function unfilter(raw: Uint8Array, offset: number, rowBytes: number, rows: number, bytesPerPixel: number): Uint8Array {
  const out = new Uint8Array(rowBytes * rows);
  const bpp = bytesPerPixel;
  for (let y = 0; y < rows; y++) {
    const src = offset + y * (rowBytes + 1);
    const type = raw[src] as number;
    const cur = y * rowBytes;
    const prev = cur - rowBytes;
    const line = raw.subarray(src + 1, src + 1 + rowBytes);
    switch (type) {
      case 0:
        out.set(line, cur);
        break;
      case 1:
        for (let i = 0; i < rowBytes; i++) out[cur + i] = ((line[i] as number) + (i >= bpp ? (out[cur + i - bpp] as number) : 0)) & 0xff;
        break;
      case 2:
        for (let i = 0; i < rowBytes; i++) out[cur + i] = ((line[i] as number) + (y > 0 ? (out[prev + i] as number) : 0)) & 0xff;
        break;
      case 3:
        for (let i = 0; i < rowBytes; i++) {
          const a = i >= bpp ? (out[cur + i - bpp] as number) : 0;
          const b = y > 0 ? (out[prev + i] as number) : 0;
          out[cur + i] = ((line[i] as number) + ((a + b) >> 1)) & 0xff;
        }
        break;
      case 4:
        for (let i = 0; i < rowBytes; i++) {
          const a = i >= bpp ? (out[cur + i - bpp] as number) : 0;
          const b = y > 0 ? (out[prev + i] as number) : 0;
          const c = i >= bpp && y > 0 ? (out[prev + i - bpp] as number) : 0;
          out[cur + i] = ((line[i] as number) + paeth(a, b, c)) & 0xff;
        }
        break;
      default:
        throw new ImageMalformedError('PNG', 'unknown filter type', { row: y, type });
    }
  }
  return out;
}

export function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
