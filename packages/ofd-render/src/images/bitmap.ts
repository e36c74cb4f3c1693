import type { RasterImage } from '@openseal/images';

/** An injected decoder for formats the renderer cannot decode itself (TIFF, …): RGBA8 pixels, or undefined. */
export type ImageDecoder = (bytes: Uint8Array, format: string) => Promise<RasterImage | undefined> | RasterImage | undefined;
