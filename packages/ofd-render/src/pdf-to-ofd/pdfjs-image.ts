import { encodePng } from '@openseal/images';
import type { PdfJsImage, PdfJsPage } from './pdfjs-types.js';

/**
 * The pixels pdf.js decoded for an image (page.objs, or the inline image itself) as PNG. pdf.js ImageKind:
 * 1 = 1 bit per pixel gray, rows padded to bytes (1 = white); 2 = RGB; 3 = RGBA.
 */
export async function pdfJsImageToPng(page: PdfJsPage, id: string, inline: unknown, maxPixels: number): Promise<Uint8Array | undefined> {
  // Images used on several pages live in commonObjs under a "g_" id (pdf.js's global image cache).
  const objs = id.startsWith('g_') ? page.commonObjs : page.objs;
  const img = (inline ?? (await new Promise<unknown>((resolve) => objs.get(id, resolve)))) as PdfJsImage | null | undefined;
  if (img === null || img === undefined || img.data === undefined) return undefined;
  const { width, height, kind } = img;
  if (!(width > 0 && height > 0) || width * height > maxPixels) return undefined;
  const src = img.data;
  const rgba = new Uint8Array(width * height * 4);
  if (kind === 3 && src.length >= width * height * 4) rgba.set(src.subarray(0, width * height * 4));
  else if (kind === 2 && src.length >= width * height * 3) {
    for (let i = 0; i < width * height; i++) {
      rgba[i * 4] = src[i * 3] as number;
      rgba[i * 4 + 1] = src[i * 3 + 1] as number;
      rgba[i * 4 + 2] = src[i * 3 + 2] as number;
      rgba[i * 4 + 3] = 255;
    }
  } else if (kind === 1) {
    const stride = Math.ceil(width / 8);
    if (src.length < stride * height) return undefined;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = ((src[y * stride + (x >> 3)] as number) >> (7 - (x & 7))) & 1 ? 255 : 0;
        const o = (y * width + x) * 4;
        rgba[o] = v;
        rgba[o + 1] = v;
        rgba[o + 2] = v;
        rgba[o + 3] = 255;
      }
    }
  } else return undefined;
  return encodePng(rgba, width, height);
}
