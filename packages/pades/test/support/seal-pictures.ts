// Test-only seal pictures: a vector seal and a PNG/JPEG raster seal, each with an orientation marker
// (a filled red dot in the top-left quadrant) so tests can tell whether the seal shows upright.
import { execFileSync } from 'node:child_process';
import { encodePng } from '@openseal/images';
import type { VectorDrawing } from '../../src/appearance/vector-drawing.js';

export const SEAL_RED = '#ff0000';

/** 100 × 100 units: ring (r 48, width 4: its outer edge is the picture's edge), five-pointed star (r 18), marker dot at (25, 25) r 6. */
export function vectorSeal(): VectorDrawing {
  return {
    kind: 'vector',
    width: 100,
    height: 100,
    shapes: [
      { type: 'circle', cx: 50, cy: 50, r: 48, stroke: SEAL_RED, strokeWidth: 4 },
      { type: 'star', cx: 50, cy: 50, r: 18, fill: SEAL_RED },
      { type: 'circle', cx: 25, cy: 25, r: 6, fill: SEAL_RED },
    ],
  };
}

/** The same design as RGBA pixels (transparent outside the drawing), `size` pixels square. */
export function rasterSealPixels(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const s = size / 100;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / s;
      const v = (y + 0.5) / s;
      const d = Math.hypot(u - 50, v - 50);
      const ring = Math.abs(d - 48) <= 2;
      const dot = Math.hypot(u - 25, v - 25) <= 6;
      const centre = d <= 12; // a disc stands in for the star in the raster
      if (ring || dot || centre) {
        const i = (y * size + x) * 4;
        px[i] = 255;
        px[i + 3] = 255;
      }
    }
  }
  return px;
}

export function pngSeal(size = 300): Uint8Array {
  return encodePng(rasterSealPixels(size), size, size);
}

/** A JPEG of the raster seal on white (JPEG has no alpha), made by ImageMagick. */
export function jpegSeal(size = 300): Uint8Array {
  return new Uint8Array(execFileSync('/usr/bin/convert', ['png:-', '-background', 'white', '-flatten', '-quality', '95', 'jpeg:-'], { input: pngSeal(size) }));
}
