import type { Bitmap } from './bitmap.js';

/**
 * JBIG2 (ITU T.88; the "GBIG2" MultiMedia format of tax e-invoices) through pdf.js's standalone decoder,
 * loaded on first use. Returns a gray bitmap, black = 0.
 */
export async function decodeJbig2(bytes: Uint8Array, maxPixels: number): Promise<Bitmap> {
  const { Jbig2Image } = await import('pdfjs-dist/image_decoders/pdf.image_decoders.mjs');
  const decoder = new Jbig2Image();
  const pixels = decoder.parse(bytes);
  const { width, height } = decoder;
  if (!(width > 0 && height > 0) || width * height > maxPixels || pixels.length < width * height) {
    throw new RangeError(`JBIG2 image of ${width} × ${height} pixels is empty or over the limit`);
  }
  return { width, height, channels: 1, data: new Uint8Array(pixels.buffer, pixels.byteOffset, width * height) };
}
