import type { RasterImage as Pixels } from '@openseal/images';
import { decodeImage, encodePng, readJpegInfo, sniffImageFormat } from '@openseal/images';
import type { RasterImage } from '../display/display-list.js';
import type { ImageDecoder } from './bitmap.js';
import { pngSize } from './codec.js';
import { decodeJbig2 } from './decode-jbig2.js';

export interface PrepareImageOptions {
  readonly decoder?: ImageDecoder;
  readonly maxPixels: number;
}

export type PreparedImage = { readonly ok: true; readonly image: RasterImage } | { readonly ok: false; readonly unsupported: boolean; readonly reason: string };

/**
 * Normalises a MultiMedia image to PNG or JPEG (what SVG, canvases and PDF all take): PNG and JPEG pass
 * through; GIF and BMP (@openseal/images) and JBIG2 (pdf.js) are decoded; anything else goes to the
 * injected decoder.
 */
export async function prepareImage(bytes: Uint8Array, declaredFormat: string | undefined, key: string, options: PrepareImageOptions): Promise<PreparedImage> {
  const sniffed = sniffImageFormat(bytes);
  const format = sniffed === 'unknown' ? normaliseDeclared(declaredFormat) : sniffed;
  try {
    if (format === 'png' || format === 'jpeg') {
      const size = format === 'png' ? pngSize(bytes) : readJpegInfo(bytes);
      if (size === undefined) return { ok: false, unsupported: false, reason: 'PNG header is unreadable' };
      if (size.width * size.height > options.maxPixels) return { ok: false, unsupported: false, reason: `${size.width} × ${size.height} pixels is over the limit` };
      return { ok: true, image: { key, format, bytes, width: size.width, height: size.height } };
    }
    let pixels: Pixels | undefined;
    if (format === 'jbig2') pixels = await decodeJbig2(bytes, options.maxPixels);
    else if (format === 'gif' || format === 'bmp') pixels = decodeImage(bytes, { maxPixels: options.maxPixels });
    else if (options.decoder !== undefined) pixels = await options.decoder(bytes, format ?? declaredFormat ?? 'unknown');
    if (pixels === undefined) return { ok: false, unsupported: true, reason: `no decoder for ${format ?? declaredFormat ?? 'an unrecognised'} image` };
    if (pixels.width * pixels.height > options.maxPixels) return { ok: false, unsupported: false, reason: 'decoded image is over the pixel limit' };
    return { ok: true, image: { key, format: 'png', bytes: encodePng(pixels.pixels, pixels.width, pixels.height, { level: 6 }), width: pixels.width, height: pixels.height } };
  } catch (e) {
    return { ok: false, unsupported: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

function normaliseDeclared(format: string | undefined): string | undefined {
  const f = format?.trim().toLowerCase();
  if (f === undefined || f === '') return undefined;
  if (f === 'gbig2' || f === 'jb2' || f === 'jbig2') return 'jbig2';
  if (f === 'jpg' || f === 'jpeg') return 'jpeg';
  if (f === 'tif' || f === 'tiff') return 'tiff';
  return f;
}
