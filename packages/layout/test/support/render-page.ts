// Test-only: rasterises PDF pages with poppler's pdftoppm at 254 dpi (10 pixels per millimetre).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePng } from '@openseal/images';

export const PX_PER_MM = 10;

export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

export function renderPages(pdf: Uint8Array): Raster[] {
  const dir = mkdtempSync(join(tmpdir(), 'openseal-layout-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '254', '-png', join(dir, 'in.pdf'), join(dir, 'p')]);
    return readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => decodePng(new Uint8Array(readFileSync(join(dir, f)))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const isRed = (r: Raster, x: number, y: number): boolean => {
  const i = (y * r.width + x) * 4;
  return (r.pixels[i] as number) > 170 && (r.pixels[i + 1] as number) < 110 && (r.pixels[i + 2] as number) < 110;
};
export const isDark = (r: Raster, x: number, y: number): boolean => {
  const i = (y * r.width + x) * 4;
  return (r.pixels[i] as number) < 110 && (r.pixels[i + 1] as number) < 110 && (r.pixels[i + 2] as number) < 110;
};

/** Rows (mm) in [y0, y1) mm with at least `min` pixels matching, and the x range (mm) of matches per band. */
export function bands(r: Raster, test: (r: Raster, x: number, y: number) => boolean, y0: number, y1: number, x0 = 0, x1 = 210, min = 1): { top: number; bottom: number; left: number; right: number }[] {
  const out: { top: number; bottom: number; left: number; right: number }[] = [];
  let cur: { top: number; bottom: number; left: number; right: number } | undefined;
  for (let y = Math.round(y0 * PX_PER_MM); y < Math.min(r.height, Math.round(y1 * PX_PER_MM)); y++) {
    let n = 0, l = Infinity, rt = -Infinity;
    for (let x = Math.round(x0 * PX_PER_MM); x < Math.min(r.width, Math.round(x1 * PX_PER_MM)); x++) {
      if (test(r, x, y)) { n++; l = Math.min(l, x); rt = Math.max(rt, x); }
    }
    if (n >= min) {
      if (cur === undefined) { cur = { top: y / PX_PER_MM, bottom: (y + 1) / PX_PER_MM, left: l / PX_PER_MM, right: (rt + 1) / PX_PER_MM }; out.push(cur); }
      else { cur.bottom = (y + 1) / PX_PER_MM; cur.left = Math.min(cur.left, l / PX_PER_MM); cur.right = Math.max(cur.right, (rt + 1) / PX_PER_MM); }
    } else cur = undefined;
  }
  return out;
}
