// Test-only helpers around ImageMagick 6 (Debian package imagemagick) as the independent codec.
import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';

const CONVERT = '/usr/bin/convert';

/** Runs convert with the given arguments; the output goes to stdout (use a `fmt:-` target). */
export function convert(args: readonly string[], input?: Uint8Array): Uint8Array {
  return new Uint8Array(execFileSync(CONVERT, args, { input, maxBuffer: 256 << 20 }));
}

/** ImageMagick's own decoding of an image to RGBA (8 bits, or 16 bits big-endian). */
export function magickRgba(image: Uint8Array, format = 'png', depth: 8 | 16 = 8): Uint8Array {
  return convert([`${format}:-`, '-depth', String(depth), '-endian', 'MSB', 'rgba:-'], image);
}

export function identify(image: Uint8Array, format: string, fmt: string): string {
  return execFileSync('/usr/bin/identify', ['-format', fmt, `${format}:-`], { input: image, encoding: 'utf8' });
}

function crc32(b: Uint8Array): number {
  let c = ~0;
  for (const v of b) {
    c ^= v;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

export function pngChunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, body.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(body, 8);
  dv.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

export interface RawPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** Scanlines WITH their filter-type byte, before compression. */
  scanlines: Uint8Array;
  palette?: Uint8Array;
  trns?: Uint8Array;
  extra?: Uint8Array[];
  idat?: Uint8Array;
}

/** Builds a PNG by hand, so tests can make exactly the (valid or broken) file they need. */
export function buildPng(p: RawPng): Uint8Array {
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, p.width);
  dv.setUint32(4, p.height);
  ihdr.set([p.bitDepth, p.colorType, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...(p.palette ? [pngChunk('PLTE', p.palette)] : []),
    ...(p.trns ? [pngChunk('tRNS', p.trns)] : []),
    ...(p.extra ?? []),
    pngChunk('IDAT', p.idat ?? new Uint8Array(deflateSync(p.scanlines))),
    pngChunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((s, x) => s + x.length, 0));
  let at = 0;
  for (const x of parts) {
    out.set(x, at);
    at += x.length;
  }
  return out;
}
