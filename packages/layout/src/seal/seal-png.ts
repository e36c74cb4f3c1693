import { encodePng } from '@openseal/images';
import { rasterizeAlpha } from './rasterize.js';
import type { SealDrawing } from './seal-drawing.js';

/** The seal as a transparent-background RGBA PNG at `dpi` (default 300), with pHYs so its size in mm is kept. */
export function sealToPng(d: SealDrawing, dpi = 300): Uint8Array {
  const { width, height, rgba } = sealToRgba(d, dpi);
  return encodePng(rgba, width, height, { pixelsPerMeter: Math.round(dpi / 0.0254) });
}

export function sealToRgba(d: SealDrawing, dpi = 300): { width: number; height: number; rgba: Uint8Array } {
  const scale = dpi / 25.4;
  const width = Math.max(1, Math.ceil(d.widthMm * scale));
  const height = Math.max(1, Math.ceil(d.heightMm * scale));
  const alpha = rasterizeAlpha(d.shapes, width, height, scale);
  const rgba = new Uint8Array(width * height * 4);
  const [r, g, b] = d.color;
  for (let i = 0; i < alpha.length; i++) {
    rgba[i * 4] = r;
    rgba[i * 4 + 1] = g;
    rgba[i * 4 + 2] = b;
    rgba[i * 4 + 3] = Math.round((alpha[i] as number) * 255);
  }
  return { width, height, rgba };
}
