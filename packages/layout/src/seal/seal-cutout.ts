/**
 * Cuts a scanned red seal out of white paper: alpha from how much redder than grey each pixel is, so
 * black text and the paper vanish; the colour becomes one ink colour (the scan's own, or a given one).
 * The result is cropped to the seal with a small margin.
 */
import { decodePng, encodePng, type RasterImage } from '@openseal/images';
import { LayoutInputError } from '../errors.js';

export interface CutoutOptions {
  /** Ink colour of the output; default: the mean colour of the clearly red pixels. */
  readonly color?: readonly [number, number, number];
  /** Redness (R − max(G, B), 0–255) below which a pixel is paper: default 40. */
  readonly low?: number;
  /** Redness at and above which a pixel is fully ink: default 110. */
  readonly high?: number;
  /** Margin kept around the seal, in pixels (default 4). */
  readonly margin?: number;
}

export interface Cutout extends RasterImage {
  readonly color: readonly [number, number, number];
}

export function cutOutSealPng(png: Uint8Array, options: CutoutOptions = {}): Uint8Array {
  const c = cutOutSeal(decodePng(png), options);
  return encodePng(c.pixels, c.width, c.height);
}

export function cutOutSeal(image: RasterImage, options: CutoutOptions = {}): Cutout {
  const low = options.low ?? 40;
  const high = options.high ?? 110;
  const { width, height, pixels } = image;
  const alpha = new Uint8Array(width * height);
  let sr = 0, sg = 0, sb = 0, n = 0;
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (let i = 0; i < width * height; i++) {
    const r = pixels[i * 4] as number;
    const g = pixels[i * 4 + 1] as number;
    const b = pixels[i * 4 + 2] as number;
    const a = pixels[i * 4 + 3] as number;
    const red = r - Math.max(g, b);
    const v = Math.round(Math.max(0, Math.min(1, (red - low) / (high - low))) * a);
    alpha[i] = v;
    if (v > 0) {
      const x = i % width;
      const y = (i - x) / width;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
    if (red >= high) {
      sr += r; sg += g; sb += b; n++;
    }
  }
  if (x1 < 0) throw new LayoutInputError('PNG', 'no red seal found in the image');
  const color = options.color ?? ([Math.round(sr / n), Math.round(sg / n), Math.round(sb / n)] as const);
  const m = options.margin ?? 4;
  const [cx0, cy0] = [Math.max(0, x0 - m), Math.max(0, y0 - m)];
  const [cw, ch] = [Math.min(width - 1, x1 + m) - cx0 + 1, Math.min(height - 1, y1 + m) - cy0 + 1];
  const out = new Uint8Array(cw * ch * 4);
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      const o = (y * cw + x) * 4;
      out[o] = color[0];
      out[o + 1] = color[1];
      out[o + 2] = color[2];
      out[o + 3] = alpha[(y + cy0) * width + x + cx0] as number;
    }
  }
  return { width: cw, height: ch, pixels: out, color };
}
