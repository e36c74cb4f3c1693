import { zlibSync } from 'fflate';
import type { Bitmap } from './bitmap.js';

/** Image format by magic number. */
export function sniffFormat(b: Uint8Array): string | undefined {
  const at = (i: number): number => b[i] ?? -1;
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'png';
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpeg';
  if (at(0) === 0x97 && at(1) === 0x4a && at(2) === 0x42 && at(3) === 0x32) return 'jbig2';
  if (at(0) === 0x42 && at(1) === 0x4d) return 'bmp';
  if (at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46) return 'gif';
  if ((at(0) === 0x49 && at(1) === 0x49 && at(2) === 0x2a) || (at(0) === 0x4d && at(1) === 0x4d && at(3) === 0x2a)) return 'tiff';
  return undefined;
}

/** Pixel size from the PNG IHDR or the JPEG SOFn marker (ITU T.81 B.2.2); undefined when unreadable. */
export function imageSize(b: Uint8Array, format: 'png' | 'jpeg'): { width: number; height: number } | undefined {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (format === 'png') {
    if (b.length < 24) return undefined;
    const width = v.getUint32(16);
    const height = v.getUint32(20);
    return width > 0 && height > 0 ? { width, height } : undefined;
  }
  let p = 2;
  while (p + 9 < b.length) {
    if (b[p] !== 0xff) return undefined;
    const marker = b[p + 1] as number;
    if (marker === 0xff) {
      p++;
      continue;
    }
    const len = v.getUint16(p + 2);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      const height = v.getUint16(p + 5);
      const width = v.getUint16(p + 7);
      return width > 0 && height > 0 ? { width, height } : undefined;
    }
    p += 2 + len;
  }
  return undefined;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(parts: readonly Uint8Array[]): number {
  let c = 0xffffffff;
  for (const p of parts) for (const byte of p) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A PNG (ISO/IEC 15948) of the bitmap: 8-bit gray, RGB or RGBA, filter type 0, zlib level 6. */
export function bitmapToPng(bm: Bitmap): Uint8Array {
  const rowLen = bm.width * bm.channels;
  const raw = new Uint8Array((rowLen + 1) * bm.height);
  for (let y = 0; y < bm.height; y++) raw.set(bm.data.subarray(y * rowLen, (y + 1) * rowLen), y * (rowLen + 1) + 1);
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, bm.width);
  dv.setUint32(4, bm.height);
  ihdr[8] = 8;
  ihdr[9] = bm.channels === 1 ? 0 : bm.channels === 3 ? 2 : 6;
  const chunks = [chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw, { level: 6 })), chunk('IEND', new Uint8Array(0))];
  const sig = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  const out = new Uint8Array(sig.length + chunks.reduce((n, c) => n + c.length, 0));
  out.set(sig, 0);
  let o = sig.length;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const t = Uint8Array.from(type, (c) => c.charCodeAt(0));
  const out = new Uint8Array(12 + data.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, data.length);
  out.set(t, 4);
  out.set(data, 8);
  dv.setUint32(8 + data.length, crc32([t, data]));
  return out;
}
