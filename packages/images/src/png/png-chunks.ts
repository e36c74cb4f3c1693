import { ImageMalformedError, ImageUnsupportedError } from '../errors.js';
import { crc32 } from './crc32.js';

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
  readonly interlace: 0 | 1;
}

export interface PngChunks {
  readonly header: PngHeader;
  readonly palette: Uint8Array | undefined;
  readonly transparency: Uint8Array | undefined;
  readonly data: readonly Uint8Array[];
  readonly pixelsPerMeter: { readonly x: number; readonly y: number } | undefined;
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

// PNG spec §11.2.2 Table 11.1: allowed bit depths per colour type.
const DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

const bad = (reason: string, details: Record<string, unknown> = {}): ImageMalformedError => new ImageMalformedError('PNG', reason, details);

/** Walks the chunk list, checking CRCs, ordering and the critical chunks (PNG spec §5, §11.2). */
export function readPngChunks(bytes: Uint8Array): PngChunks {
  if (bytes.length < 8 || PNG_SIGNATURE.some((v, i) => bytes[i] !== v)) throw bad('bad signature');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: PngHeader | undefined;
  let palette: Uint8Array | undefined;
  let transparency: Uint8Array | undefined;
  let pixelsPerMeter: PngChunks['pixelsPerMeter'];
  const data: Uint8Array[] = [];
  let pos = 8;
  let ended = false;
  let lastType = '';
  while (pos < bytes.length && !ended) {
    if (pos + 12 > bytes.length) throw bad('truncated chunk header', { at: pos });
    const length = dv.getUint32(pos);
    if (length > 0x7fffffff || pos + 12 + length > bytes.length) throw bad('chunk runs past the end of the file', { at: pos, length });
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) throw bad('invalid chunk type', { at: pos });
    if (crc32(bytes, pos + 4, pos + 8 + length) !== dv.getUint32(pos + 8 + length)) throw bad(`CRC mismatch in ${type}`, { at: pos });
    const body = bytes.subarray(pos + 8, pos + 8 + length);
    if (!header && type !== 'IHDR') throw bad('IHDR is not the first chunk');
    switch (type) {
      case 'IHDR':
        if (header) throw bad('more than one IHDR');
        header = readHeader(body);
        break;
      case 'PLTE':
        if (length % 3 !== 0 || length === 0 || length > 768) throw bad('PLTE length is not 3·n with 1 ≤ n ≤ 256', { length });
        if (data.length > 0) throw bad('PLTE after IDAT');
        palette = body;
        break;
      case 'tRNS':
        if (data.length > 0) throw bad('tRNS after IDAT');
        transparency = body;
        break;
      case 'pHYs':
        if (length === 9 && body[8] === 1) pixelsPerMeter = { x: dv.getUint32(pos + 8), y: dv.getUint32(pos + 12) };
        break;
      case 'IDAT':
        if (data.length > 0 && lastType !== 'IDAT') throw bad('IDAT chunks are not consecutive');
        data.push(body);
        break;
      case 'IEND':
        ended = true;
        break;
      default:
        // Bit 5 of the first byte clear = critical chunk we would have to understand (PNG spec §5.4).
        if ((type.charCodeAt(0) & 0x20) === 0) throw new ImageUnsupportedError('PNG', `critical chunk ${type}`);
    }
    lastType = type;
    pos += 12 + length;
  }
  if (!header) throw bad('no IHDR');
  if (data.length === 0) throw bad('no IDAT');
  if (header.colorType === 3 && !palette) throw bad('palette image without PLTE');
  return { header, palette, transparency, data, pixelsPerMeter };
}

function readHeader(b: Uint8Array): PngHeader {
  if (b.length !== 13) throw bad('IHDR length is not 13');
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const width = dv.getUint32(0);
  const height = dv.getUint32(4);
  const [bitDepth, colorType, compression, filter, interlace] = [b[8], b[9], b[10], b[11], b[12]] as number[] as [number, number, number, number, number];
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) throw bad('invalid dimensions', { width, height });
  if (!DEPTHS[colorType]?.includes(bitDepth)) throw bad('invalid colour type / bit depth', { colorType, bitDepth });
  if (compression !== 0 || filter !== 0) throw bad('unknown compression or filter method', { compression, filter });
  if (interlace !== 0 && interlace !== 1) throw bad('unknown interlace method', { interlace });
  return { width, height, bitDepth, colorType, interlace };
}
