/** Decoded pixels, row by row from the top: 1 (gray), 3 (RGB) or 4 (RGBA) bytes per pixel. */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3 | 4;
  readonly data: Uint8Array;
}

/** An injected decoder for formats the renderer has no decoder for (GIF, TIFF, …); undefined = cannot. */
export type ImageDecoder = (bytes: Uint8Array, format: string) => Promise<Bitmap | undefined> | Bitmap | undefined;
