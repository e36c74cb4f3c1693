import { ImageLimitExceededError, ImageMalformedError } from './errors.js';

/** Decoded pixels: 8-bit RGBA, rows top to bottom, not premultiplied. */
export interface RasterImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

export interface ImageLimits {
  /** Refuse images with more pixels than this (default 50 million: 200 MB of RGBA). */
  readonly maxPixels?: number;
}

export const DEFAULT_MAX_PIXELS = 50_000_000;

/** Checks dimensions against the limits before any pixel memory is allocated. */
export function checkDimensions(format: string, width: number, height: number, limits: ImageLimits = {}): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new ImageMalformedError(format, 'width and height must be positive', { width, height });
  }
  const max = limits.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (width * height > max) throw new ImageLimitExceededError(width, height, max);
}
