import { ImageMalformedError, ImageUnsupportedError } from '../errors.js';
import { checkDimensions, type ImageLimits, type RasterImage } from '../raster-image.js';

const bad = (reason: string, details: Record<string, unknown> = {}): ImageMalformedError => new ImageMalformedError('BMP', reason, details);

// BITMAPINFOHEADER biCompression values (MS-WMF / Windows GDI).
const BI_RGB = 0, BI_BITFIELDS = 3, BI_ALPHABITFIELDS = 6;

interface Mask { shift: number; bits: number; mask: number }

function mask(m: number): Mask {
  if (m === 0) return { shift: 0, bits: 0, mask: 0 };
  let shift = 0;
  while (((m >>> shift) & 1) === 0) shift++;
  let bits = 0;
  while (bits < 32 - shift && ((m >>> (shift + bits)) & 1) === 1) bits++;
  return { shift, bits, mask: m >>> 0 };
}

/** Scales an n-bit field to 8 bits by bit replication (5-bit 0b11000 → 0b11000110), as libraries commonly do. */
function channel(v: number, m: Mask, dflt: number): number {
  if (m.bits === 0) return dflt;
  const x = ((v & m.mask) >>> m.shift) & ((2 ** m.bits - 1) >>> 0);
  if (m.bits >= 8) return x >>> (m.bits - 8);
  let r = 0;
  for (let s = 8 - m.bits; s > -m.bits; s -= m.bits) r |= s >= 0 ? x << s : x >>> -s;
  return r & 0xff;
}

/** Decodes uncompressed Windows bitmaps (1/4/8/16/24/32 bpp, BI_RGB and BI_BITFIELDS) to RGBA8. */
export function decodeBmp(bytes: Uint8Array, limits: ImageLimits = {}): RasterImage {
  if (bytes.length < 26 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) throw bad('bad signature');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataOffset = dv.getUint32(10, true);
  const headerSize = dv.getUint32(14, true);
  if (headerSize !== 12 && headerSize < 40) throw bad('unknown header size', { headerSize });
  if (14 + headerSize > bytes.length) throw bad('truncated header');
  const core = headerSize === 12;
  const width = core ? dv.getUint16(18, true) : dv.getInt32(18, true);
  const rawHeight = core ? dv.getUint16(20, true) : dv.getInt32(22, true);
  const bpp = core ? dv.getUint16(24, true) : dv.getUint16(28, true);
  const compression = core ? BI_RGB : dv.getUint32(30, true);
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  checkDimensions('BMP', width, height, limits);
  if (![1, 4, 8, 16, 24, 32].includes(bpp)) throw new ImageUnsupportedError('BMP', `${bpp} bits per pixel`);
  if (compression !== BI_RGB && compression !== BI_BITFIELDS && compression !== BI_ALPHABITFIELDS) throw new ImageUnsupportedError('BMP', `compression ${compression} (RLE/JPEG/PNG)`);

  let masks: [Mask, Mask, Mask, Mask] | undefined;
  if (bpp === 16 || bpp === 32) {
    if (compression === BI_RGB) {
      masks = bpp === 16 ? [mask(0x7c00), mask(0x03e0), mask(0x001f), mask(0)] : [mask(0xff0000), mask(0xff00), mask(0xff), mask(0)];
    } else {
      // Masks follow a 40-byte header (12 or 16 bytes) or sit inside V2+ headers at the same offset.
      const at = 14 + 40;
      if (at + 12 > bytes.length) throw bad('truncated colour masks');
      const hasAlphaMask = headerSize >= 56 || compression === BI_ALPHABITFIELDS;
      masks = [mask(dv.getUint32(at, true)), mask(dv.getUint32(at + 4, true)), mask(dv.getUint32(at + 8, true)), mask(hasAlphaMask && at + 16 <= bytes.length ? dv.getUint32(at + 12, true) : 0)];
    }
  }

  let palette: Uint8Array | undefined;
  let paletteEntrySize = 4;
  if (bpp <= 8) {
    paletteEntrySize = core ? 3 : 4;
    const used = core ? 0 : dv.getUint32(46, true);
    const count = used === 0 || used > 1 << bpp ? 1 << bpp : used;
    let at = 14 + headerSize;
    if (compression === BI_BITFIELDS && headerSize === 40) at += 12;
    palette = bytes.subarray(at, Math.min(bytes.length, at + count * paletteEntrySize));
  }

  const stride = Math.floor((width * bpp + 31) / 32) * 4;
  if (dataOffset + stride * (height - 1) + Math.ceil((width * bpp) / 8) > bytes.length) throw bad('pixel data is truncated');
  const pixels = new Uint8Array(width * height * 4);
  let anyAlpha = false;
  for (let y = 0; y < height; y++) {
    const row = dataOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (palette) {
        const bit = x * bpp;
        const idx = ((bytes[row + (bit >> 3)] as number) >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        const p = idx * paletteEntrySize;
        if (p + 3 > palette.length) throw bad('palette index out of range', { idx });
        pixels[o] = palette[p + 2] as number;
        pixels[o + 1] = palette[p + 1] as number;
        pixels[o + 2] = palette[p] as number;
        pixels[o + 3] = 255;
      } else if (bpp === 24) {
        const p = row + x * 3;
        pixels[o] = bytes[p + 2] as number;
        pixels[o + 1] = bytes[p + 1] as number;
        pixels[o + 2] = bytes[p] as number;
        pixels[o + 3] = 255;
      } else {
        const [r, g, b, a] = masks as [Mask, Mask, Mask, Mask];
        const v = bpp === 16 ? dv.getUint16(row + x * 2, true) : dv.getUint32(row + x * 4, true);
        pixels[o] = channel(v, r, 0);
        pixels[o + 1] = channel(v, g, 0);
        pixels[o + 2] = channel(v, b, 0);
        pixels[o + 3] = channel(v, a, 255);
        if (a.bits !== 0 && pixels[o + 3] !== 0) anyAlpha = true;
      }
    }
  }
  // An alpha mask whose values are all zero means the writer did not use alpha: show the image opaque.
  if (masks && masks[3].bits !== 0 && !anyAlpha) for (let i = 3; i < pixels.length; i += 4) pixels[i] = 255;
  return { width, height, pixels };
}
