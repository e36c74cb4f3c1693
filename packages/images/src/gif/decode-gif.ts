import { ImageMalformedError } from '../errors.js';
import { checkDimensions, type ImageLimits, type RasterImage } from '../raster-image.js';
import { lzwDecode } from './lzw-decode.js';

export interface DecodedGif extends RasterImage {
  /** Number of image descriptors in the file; only the first frame is decoded. */
  readonly frameCount: number;
}

const bad = (reason: string, details: Record<string, unknown> = {}): ImageMalformedError => new ImageMalformedError('GIF', reason, details);

/** Decodes the first frame of a GIF87a/89a onto its logical screen (transparent background) as RGBA8. */
export function decodeGif(bytes: Uint8Array, limits: ImageLimits = {}): DecodedGif {
  const sig = String.fromCharCode(...bytes.subarray(0, 6));
  if (sig !== 'GIF87a' && sig !== 'GIF89a') throw bad('bad signature');
  if (bytes.length < 13) throw bad('truncated header');
  const u16 = (at: number): number => (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
  const width = u16(6);
  const height = u16(8);
  checkDimensions('GIF', width, height, limits);
  const flags = bytes[10] as number;
  let pos = 13;
  let globalTable: Uint8Array | undefined;
  if (flags & 0x80) {
    const size = 3 << ((flags & 7) + 1);
    if (pos + size > bytes.length) throw bad('truncated global colour table');
    globalTable = bytes.subarray(pos, pos + size);
    pos += size;
  }
  const pixels = new Uint8Array(width * height * 4);
  let transparent = -1;
  let frameCount = 0;
  let decoded = false;
  const need = (n: number): void => {
    if (pos + n > bytes.length) throw bad('truncated block', { at: pos });
  };
  const subBlocks = (): Uint8Array[] => {
    const parts: Uint8Array[] = [];
    for (;;) {
      need(1);
      const n = bytes[pos++] as number;
      if (n === 0) return parts;
      need(n);
      parts.push(bytes.subarray(pos, pos + n));
      pos += n;
    }
  };
  while (pos < bytes.length) {
    const block = bytes[pos++];
    if (block === 0x3b) break; // trailer
    if (block === 0x21) {
      need(1);
      const label = bytes[pos++];
      const parts = subBlocks();
      const gce = parts[0];
      if (label === 0xf9 && gce && gce.length >= 4 && !decoded) transparent = (gce[0] as number) & 1 ? (gce[3] as number) : -1;
      continue;
    }
    if (block !== 0x2c) throw bad('unknown block', { at: pos - 1, block });
    need(10);
    frameCount++;
    const [left, top, w, h] = [u16(pos), u16(pos + 2), u16(pos + 4), u16(pos + 6)];
    const f = bytes[pos + 8] as number;
    pos += 9;
    let table = globalTable;
    if (f & 0x80) {
      const size = 3 << ((f & 7) + 1);
      need(size);
      table = bytes.subarray(pos, pos + size);
      pos += size;
    }
    need(1);
    const minCodeSize = bytes[pos++] as number;
    const parts = subBlocks();
    if (decoded) continue;
    if (!table) throw bad('no colour table');
    checkDimensions('GIF', Math.max(w, 1), Math.max(h, 1), limits);
    const data = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    parts.reduce((at, p) => (data.set(p, at), at + p.length), 0);
    const indices = new Uint8Array(w * h);
    lzwDecode(data, minCodeSize, indices); // a short stream leaves the remaining pixels at index 0, as browsers do
    const rows = (f & 0x40) ? interlacedRows(h) : Array.from({ length: h }, (_, i) => i);
    rows.forEach((y, r) => {
      const py = top + y;
      if (py >= height) return;
      for (let x = 0; x < w; x++) {
        const px = left + x;
        if (px >= width) break;
        const idx = indices[r * w + x] as number;
        if (idx === transparent) continue;
        const o = (py * width + px) * 4;
        pixels[o] = table[3 * idx] ?? 0;
        pixels[o + 1] = table[3 * idx + 1] ?? 0;
        pixels[o + 2] = table[3 * idx + 2] ?? 0;
        pixels[o + 3] = 255;
      }
    });
    decoded = true;
  }
  if (!decoded) throw bad('no image data');
  return { width, height, pixels, frameCount };
}

/** Row order of an interlaced GIF frame (GIF89a spec Appendix E): every 8th from 0, 8th from 4, 4th from 2, 2nd from 1. */
function interlacedRows(h: number): number[] {
  const rows: number[] = [];
  for (const [start, step] of [[0, 8], [4, 8], [2, 4], [1, 2]] as const) for (let y = start; y < h; y += step) rows.push(y);
  return rows;
}
