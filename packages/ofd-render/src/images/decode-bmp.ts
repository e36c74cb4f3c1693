import type { Bitmap } from './bitmap.js';

/**
 * Windows bitmap (BITMAPINFOHEADER and later): uncompressed 1/4/8-bit palette, 24-bit BGR and 32-bit
 * BGRA/BI_BITFIELDS with the usual masks. Returns undefined for compressed (RLE) or malformed files.
 */
export function decodeBmp(bytes: Uint8Array, maxPixels: number): Bitmap | undefined {
  if (bytes.length < 54 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) return undefined;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataOffset = v.getUint32(10, true);
  const headerSize = v.getUint32(14, true);
  if (headerSize < 40) return undefined;
  const width = v.getInt32(18, true);
  const rawHeight = v.getInt32(22, true);
  const bpp = v.getUint16(28, true);
  const compression = v.getUint32(30, true);
  const height = Math.abs(rawHeight);
  if (width <= 0 || height === 0 || width * height > maxPixels) return undefined;
  if (!(compression === 0 || (compression === 3 && bpp === 32))) return undefined;
  if (![1, 4, 8, 24, 32].includes(bpp)) return undefined;
  const stride = Math.ceil((width * bpp) / 32) * 4;
  if (dataOffset + stride * height > bytes.length) return undefined;
  const palette: number[][] = [];
  if (bpp <= 8) {
    const colors = v.getUint32(46, true) || 1 << bpp;
    const at = 14 + headerSize;
    for (let i = 0; i < colors && at + i * 4 + 3 < bytes.length; i++) {
      palette.push([bytes[at + i * 4 + 2] as number, bytes[at + i * 4 + 1] as number, bytes[at + i * 4] as number]);
    }
  }
  const channels = bpp === 32 ? 4 : 3;
  const out = new Uint8Array(width * height * channels);
  for (let row = 0; row < height; row++) {
    const src = dataOffset + (rawHeight > 0 ? height - 1 - row : row) * stride;
    for (let x = 0; x < width; x++) {
      const o = (row * width + x) * channels;
      if (bpp >= 24) {
        const p = src + x * (bpp / 8);
        out[o] = bytes[p + 2] as number;
        out[o + 1] = bytes[p + 1] as number;
        out[o + 2] = bytes[p] as number;
        if (channels === 4) out[o + 3] = bytes[p + 3] as number;
      } else {
        const bit = x * bpp;
        const byte = bytes[src + (bit >> 3)] as number;
        const index = (byte >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        const c = palette[index] ?? [0, 0, 0];
        out[o] = c[0] as number;
        out[o + 1] = c[1] as number;
        out[o + 2] = c[2] as number;
      }
    }
  }
  // 32-bit files often leave the alpha byte at zero: treat an all-zero alpha as opaque.
  if (channels === 4 && !out.some((b, i) => i % 4 === 3 && b !== 0)) for (let i = 3; i < out.length; i += 4) out[i] = 255;
  return { width, height, channels, data: out };
}
