import type { RasterImage } from '../display/display-list.js';
import type { Bitmap, ImageDecoder } from './bitmap.js';
import { bitmapToPng, imageSize, sniffFormat } from './codec.js';
import { decodeBmp } from './decode-bmp.js';
import { decodeJbig2 } from './decode-jbig2.js';

export interface PrepareImageOptions {
  readonly decoder?: ImageDecoder;
  readonly maxPixels: number;
}

export type PreparedImage = { readonly ok: true; readonly image: RasterImage } | { readonly ok: false; readonly unsupported: boolean; readonly reason: string };

/**
 * Normalises a MultiMedia image to PNG or JPEG (what SVG, canvases and PDF all take): PNG and JPEG pass
 * through, JBIG2 and BMP are decoded here, anything else goes to the injected decoder.
 */
export async function prepareImage(bytes: Uint8Array, declaredFormat: string | undefined, key: string, options: PrepareImageOptions): Promise<PreparedImage> {
  const format = sniffFormat(bytes) ?? normaliseDeclared(declaredFormat);
  try {
    if (format === 'png' || format === 'jpeg') {
      const size = imageSize(bytes, format);
      if (size === undefined) return { ok: false, unsupported: false, reason: `${format.toUpperCase()} header is unreadable` };
      if (size.width * size.height > options.maxPixels) return { ok: false, unsupported: false, reason: `${size.width} × ${size.height} pixels is over the limit` };
      return { ok: true, image: { key, format, bytes, ...size } };
    }
    let bitmap: Bitmap | undefined;
    if (format === 'jbig2') bitmap = await decodeJbig2(bytes, options.maxPixels);
    else if (format === 'bmp') bitmap = decodeBmp(bytes, options.maxPixels);
    if (bitmap === undefined && options.decoder !== undefined) bitmap = await options.decoder(bytes, format ?? declaredFormat ?? 'unknown');
    if (bitmap === undefined) {
      return { ok: false, unsupported: true, reason: `no decoder for ${format ?? declaredFormat ?? 'an unrecognised'} image` };
    }
    if (bitmap.width * bitmap.height > options.maxPixels) return { ok: false, unsupported: false, reason: 'decoded image is over the pixel limit' };
    return { ok: true, image: { key, format: 'png', bytes: bitmapToPng(bitmap), width: bitmap.width, height: bitmap.height } };
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
