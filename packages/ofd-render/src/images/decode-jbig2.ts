import type { RasterImage } from '@openseal/images';

/**
 * JBIG2 (ITU T.88; the "GBIG2" MultiMedia format of tax e-invoices) through pdf.js's standalone decoder,
 * loaded on first use. Black stays black; the image is opaque.
 */
export async function decodeJbig2(bytes: Uint8Array, maxPixels: number): Promise<RasterImage> {
  const { Jbig2Image } = await import('pdfjs-dist/image_decoders/pdf.image_decoders.mjs');
  const decoder = new Jbig2Image();
  const gray = decoder.parse(bytes);
  const { width, height } = decoder;
  if (!(width > 0 && height > 0) || width * height > maxPixels || gray.length < width * height) {
    throw new RangeError(`JBIG2 image of ${width} × ${height} pixels is empty or over the limit`);
  }
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const v = gray[i] as number;
    pixels[i * 4] = v;
    pixels[i * 4 + 1] = v;
    pixels[i * 4 + 2] = v;
    pixels[i * 4 + 3] = 255;
  }
  return { width, height, pixels };
}
