// Test-only: compares two page images as a person would, ignoring anti-aliasing and sub-pixel shifts.
import { decodePng } from '@openseal/images';

/**
 * Share of pixels (0–1) that differ visibly: both images to gray, blurred with a 3×3 box (absorbs edge
 * anti-aliasing and half-pixel offsets), then |a − b| > 48 of 255 counts as different. Sizes may differ
 * by rounding; the common area is compared.
 */
export function pixelDifference(pngA: Uint8Array, pngB: Uint8Array): { ratio: number; width: number; height: number } {
  const a = decodePng(pngA);
  const b = decodePng(pngB);
  const w = Math.min(a.width, b.width);
  const h = Math.min(a.height, b.height);
  const ga = blur(gray(a.pixels, a.width, w, h), w, h);
  const gb = blur(gray(b.pixels, b.width, w, h), w, h);
  let diff = 0;
  for (let i = 0; i < w * h; i++) if (Math.abs((ga[i] as number) - (gb[i] as number)) > 48) diff++;
  return { ratio: diff / (w * h), width: w, height: h };
}

function gray(rgba: Uint8Array, stride: number, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * stride + x) * 4;
      const alpha = (rgba[o + 3] as number) / 255;
      const v = 0.299 * (rgba[o] as number) + 0.587 * (rgba[o + 1] as number) + 0.114 * (rgba[o + 2] as number);
      out[y * w + x] = v * alpha + 255 * (1 - alpha);
    }
  }
  return out;
}

function blur(src: Float32Array, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
          sum += src[yy * w + xx] as number;
          n++;
        }
      }
      out[y * w + x] = sum / n;
    }
  }
  return out;
}
