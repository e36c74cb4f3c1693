import { zlibSync } from 'fflate';
import { InvalidArgumentError } from '@openseal/kernel';
import { crc32 } from './crc32.js';
import { PNG_SIGNATURE } from './png-chunks.js';
import { paeth } from './png-unfilter.js';

export interface EncodePngOptions {
  /** zlib level 0–9 (default 6). */
  readonly level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  /** Written as pHYs (e.g. 300 dpi = 11811 px/m) so viewers know the physical size. */
  readonly pixelsPerMeter?: number;
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  dv.setUint32(8 + body.length, crc32(out, 4, 8 + body.length));
  return out;
}

/** Encodes RGBA8 pixels as a colour type 6 PNG, choosing each row's filter by the minimum-sum heuristic. */
export function encodePng(rgba: Uint8Array, width: number, height: number, options: EncodePngOptions = {}): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || rgba.length !== width * height * 4) {
    throw new InvalidArgumentError('RGBA data does not match width × height × 4', { width, height, length: rgba.length });
  }
  const stride = width * 4;
  const filtered = new Uint8Array(height * (stride + 1));
  const candidate = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const cur = y * stride;
    let best = Infinity;
    for (let type = 0; type < 5; type++) {
      let sum = 0;
      for (let i = 0; i < stride; i++) {
        const x = rgba[cur + i] as number;
        const a = i >= 4 ? (rgba[cur + i - 4] as number) : 0;
        const b = y > 0 ? (rgba[cur - stride + i] as number) : 0;
        const c = i >= 4 && y > 0 ? (rgba[cur - stride + i - 4] as number) : 0;
        const pred = type === 0 ? 0 : type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : paeth(a, b, c);
        const v = (x - pred) & 0xff;
        candidate[i] = v;
        sum += v < 128 ? v : 256 - v;
      }
      if (sum < best) {
        best = sum;
        filtered[y * (stride + 1)] = type;
        filtered.set(candidate, y * (stride + 1) + 1);
      }
    }
  }
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, width);
  dv.setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const parts = [Uint8Array.from(PNG_SIGNATURE), chunk('IHDR', ihdr)];
  if (options.pixelsPerMeter !== undefined) {
    const phys = new Uint8Array(9);
    const pv = new DataView(phys.buffer);
    pv.setUint32(0, Math.round(options.pixelsPerMeter));
    pv.setUint32(4, Math.round(options.pixelsPerMeter));
    phys[8] = 1;
    parts.push(chunk('pHYs', phys));
  }
  parts.push(chunk('IDAT', zlibSync(filtered, { level: options.level ?? 6 })), chunk('IEND', new Uint8Array(0)));
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
