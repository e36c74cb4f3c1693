import { ImageMalformedError } from '../errors.js';
import { checkDimensions, type ImageLimits, type RasterImage } from '../raster-image.js';
import { readPngChunks, type PngHeader } from './png-chunks.js';
import { inflateExact } from './png-inflate.js';
import { unfilter } from './png-unfilter.js';

export interface DecodedPng extends RasterImage {
  /** Bit depth and colour type of the file (PNG spec §11.2.2); `pixels` are always RGBA8. */
  readonly bitDepth: number;
  readonly colorType: number;
  /** Samples per pixel in the file: 1 grey or palette index, 2 grey+alpha, 3 RGB, 4 RGBA. */
  readonly channels: number;
  readonly interlaced: boolean;
  /** True when some pixel is not fully opaque (alpha channel or tRNS). */
  readonly hasAlpha: boolean;
  /** From pHYs when its unit is the metre (1 inch = 0.0254 m). */
  readonly pixelsPerMeter: { readonly x: number; readonly y: number } | undefined;
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

// Adam7 passes (PNG spec §8.2): x0, y0, dx, dy.
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

interface Pass { x0: number; y0: number; dx: number; dy: number; w: number; h: number; rowBytes: number }

function passes(h: PngHeader, channels: number): Pass[] {
  const layout = h.interlace ? ADAM7 : ([[0, 0, 1, 1]] as const);
  return layout
    .map(([x0, y0, dx, dy]) => {
      const w = Math.ceil((h.width - x0) / dx);
      const hh = Math.ceil((h.height - y0) / dy);
      return { x0, y0, dx, dy, w: Math.max(w, 0), h: Math.max(hh, 0), rowBytes: Math.ceil((Math.max(w, 0) * channels * h.bitDepth) / 8) };
    })
    .filter((p) => p.w > 0 && p.h > 0);
}

/** Decodes any standard PNG (all colour types and bit depths, palette + tRNS, Adam7) to RGBA8. */
export function decodePng(bytes: Uint8Array, limits: ImageLimits = {}): DecodedPng {
  const { header, palette, transparency, data, pixelsPerMeter } = readPngChunks(bytes);
  const { width, height, bitDepth, colorType } = header;
  checkDimensions('PNG', width, height, limits);
  const channels = CHANNELS[colorType] as number;
  const ps = passes(header, channels);
  const raw = inflateExact(data, ps.reduce((s, p) => s + p.h * (p.rowBytes + 1), 0));
  const pixels = new Uint8Array(width * height * 4);
  const bpp = Math.max(1, (channels * bitDepth) >> 3);
  const toRgba = pixelWriter(header, channels, palette, transparency);
  let offset = 0;
  let hasAlpha = false;
  for (const p of ps) {
    const rows = unfilter(raw, offset, p.rowBytes, p.h, bpp);
    offset += p.h * (p.rowBytes + 1);
    for (let y = 0; y < p.h; y++) {
      const rowStart = y * p.rowBytes;
      const outRow = (p.y0 + y * p.dy) * width;
      for (let x = 0; x < p.w; x++) {
        const o = (outRow + p.x0 + x * p.dx) * 4;
        toRgba(rows, rowStart, x, pixels, o);
        if (pixels[o + 3] !== 255) hasAlpha = true;
      }
    }
  }
  return { width, height, pixels, bitDepth, colorType, channels, interlaced: header.interlace === 1, hasAlpha, pixelsPerMeter };
}

type PixelWriter = (row: Uint8Array, rowStart: number, x: number, out: Uint8Array, o: number) => void;

function pixelWriter(h: PngHeader, channels: number, palette: Uint8Array | undefined, trns: Uint8Array | undefined): PixelWriter {
  const bd = h.bitDepth;
  const mask = (1 << bd) - 1;
  // Sample i of the row (in file units, before scaling).
  const sample = (row: Uint8Array, start: number, i: number): number => {
    if (bd === 8) return row[start + i] as number;
    if (bd === 16) return ((row[start + 2 * i] as number) << 8) | (row[start + 2 * i + 1] as number);
    const bit = i * bd;
    return ((row[start + (bit >> 3)] as number) >> (8 - bd - (bit & 7))) & mask;
  };
  // To 8 bits: 16-bit values round v/257 (as 65535 = 255·257); low depths scale v·255/(2^bd − 1).
  const to8 = (v: number): number => (bd === 16 ? Math.round(v / 257) : bd === 8 ? v : Math.round((v * 255) / mask));
  const trnsValue = (k: number): number => (trns && trns.length >= 2 * (k + 1) ? ((trns[2 * k] as number) << 8) | (trns[2 * k + 1] as number) : -1);
  switch (h.colorType) {
    case 0: {
      const key = trnsValue(0);
      return (row, s, x, out, o) => {
        const v = sample(row, s, x);
        const g = to8(v);
        out[o] = out[o + 1] = out[o + 2] = g;
        out[o + 3] = v === key ? 0 : 255;
      };
    }
    case 2: {
      const [kr, kg, kb] = [trnsValue(0), trnsValue(1), trnsValue(2)];
      return (row, s, x, out, o) => {
        const r = sample(row, s, 3 * x), g = sample(row, s, 3 * x + 1), b = sample(row, s, 3 * x + 2);
        out[o] = to8(r);
        out[o + 1] = to8(g);
        out[o + 2] = to8(b);
        out[o + 3] = r === kr && g === kg && b === kb ? 0 : 255;
      };
    }
    case 3: {
      const pal = palette as Uint8Array;
      const entries = pal.length / 3;
      return (row, s, x, out, o) => {
        const i = sample(row, s, x);
        if (i >= entries) throw new ImageMalformedError('PNG', 'palette index out of range', { index: i, entries });
        out[o] = pal[3 * i] as number;
        out[o + 1] = pal[3 * i + 1] as number;
        out[o + 2] = pal[3 * i + 2] as number;
        out[o + 3] = trns?.[i] ?? 255;
      };
    }
    default:
      return (row, s, x, out, o) => {
        const base = channels * x;
        if (channels === 2) {
          out[o] = out[o + 1] = out[o + 2] = to8(sample(row, s, base));
          out[o + 3] = to8(sample(row, s, base + 1));
        } else {
          out[o] = to8(sample(row, s, base));
          out[o + 1] = to8(sample(row, s, base + 1));
          out[o + 2] = to8(sample(row, s, base + 2));
          out[o + 3] = to8(sample(row, s, base + 3));
        }
      };
  }
}
