import { decodeBmp } from './bmp/decode-bmp.js';
import { ImageMalformedError, ImageUnsupportedError } from './errors.js';
import { decodeGif } from './gif/decode-gif.js';
import { decodePng } from './png/decode-png.js';
import type { ImageLimits, RasterImage } from './raster-image.js';
import { sniffImageFormat, type ImageFormat } from './sniff-image-format.js';

export interface DecodedImage extends RasterImage {
  readonly format: ImageFormat;
}

/** Decodes a PNG, GIF (first frame) or BMP to RGBA8 by its signature. JPEG is for pass-through only. */
export function decodeImage(bytes: Uint8Array, limits: ImageLimits = {}): DecodedImage {
  const format = sniffImageFormat(bytes);
  switch (format) {
    case 'png': {
      const { width, height, pixels } = decodePng(bytes, limits);
      return { format, width, height, pixels };
    }
    case 'gif': {
      const { width, height, pixels } = decodeGif(bytes, limits);
      return { format, width, height, pixels };
    }
    case 'bmp':
      return { format, ...decodeBmp(bytes, limits) };
    case 'unknown':
      throw new ImageMalformedError('unknown', 'not a recognised image format');
    default:
      throw new ImageUnsupportedError(format, 'decoding to pixels (use readJpegInfo for JPEG pass-through)');
  }
}
