/** A seal picture file (PNG with transparency, or JPEG) prepared for embedding. */
import { decodePng, readJpegInfo, sniffImageFormat } from '@openseal/images';
import { OpenSealError } from '@openseal/kernel';
import { SealImageUnsupportedError } from './errors.js';
import { rasterFromJpeg, rasterFromRgba, type PreparedRaster } from './raster-image.js';

/** Decodes a PNG (any bit depth/colour type → 8-bit RGB(A) + soft mask) or reads a JPEG's header. */
export function prepareSealImage(bytes: Uint8Array): PreparedRaster {
  const format = sniffImageFormat(bytes);
  try {
    if (format === 'png') {
      const png = decodePng(bytes);
      return rasterFromRgba(png.width, png.height, png.pixels);
    }
    if (format === 'jpeg') {
      const info = readJpegInfo(bytes);
      return rasterFromJpeg(bytes, { width: info.width, height: info.height, components: info.components, bitsPerComponent: info.bitsPerComponent, adobe: info.adobeTransform !== undefined });
    }
  } catch (e) {
    if (e instanceof OpenSealError) throw new SealImageUnsupportedError(`the ${format.toUpperCase()} could not be read`, { format, cause: e.code }, { cause: e });
    throw e;
  }
  throw new SealImageUnsupportedError('only PNG and JPEG seal pictures are supported', { format });
}
