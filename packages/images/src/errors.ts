import { OpenSealError } from '@openseal/kernel';

/** Image bytes that do not follow their format (bad signature, CRC, chunk order, truncated data). */
export class ImageMalformedError extends OpenSealError {
  readonly code = 'IMAGE_MALFORMED';
  constructor(format: string, reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Malformed ${format} image: ${reason}`, { format, ...details }, options);
  }
}

/** An image larger than the configured limits (pixel count), refused before decoding. */
export class ImageLimitExceededError extends OpenSealError {
  readonly code = 'IMAGE_LIMIT_EXCEEDED';
  constructor(width: number, height: number, maxPixels: number) {
    super(`Image of ${width}×${height} pixels exceeds the limit of ${maxPixels} pixels`, { width, height, maxPixels });
  }
}

/** A valid image using a format or feature this engine does not decode (e.g. RLE BMP, JPEG pixels). */
export class ImageUnsupportedError extends OpenSealError {
  readonly code = 'IMAGE_UNSUPPORTED';
  constructor(format: string, feature: string, details: Record<string, unknown> = {}) {
    super(`Unsupported ${format} feature: ${feature}`, { format, feature, ...details });
  }
}
