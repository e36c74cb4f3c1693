import { ImageMalformedError, ImageUnsupportedError } from '../errors.js';

/** What a PDF writer needs to pass a JPEG through as /DCTDecode, read from the markers only. */
export interface JpegInfo {
  readonly width: number;
  readonly height: number;
  readonly components: 1 | 3 | 4;
  readonly bitsPerComponent: number;
  readonly progressive: boolean;
  /** 'ycbcr' and 'rgb' both become /DeviceRGB; 'cmyk'/'ycck' /DeviceCMYK. */
  readonly colorSpace: 'gray' | 'ycbcr' | 'rgb' | 'cmyk' | 'ycck';
  /**
   * Adobe APP14 transform flag when present. Adobe CMYK/YCCK JPEGs store inverted values: PDF needs
   * /Decode [1 0 1 0 1 0 1 0] for them.
   */
  readonly adobeTransform: number | undefined;
  /** From the JFIF APP0 density, when given in dots per inch or per cm (converted to inch). */
  readonly dpi: { readonly x: number; readonly y: number } | undefined;
}

const bad = (reason: string, details: Record<string, unknown> = {}): ImageMalformedError => new ImageMalformedError('JPEG', reason, details);

// ITU-T T.81 Table B.1: SOF markers; C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
const isSof = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/** Reads the frame header of a JPEG (ITU-T T.81 §B.2.2) without decoding any pixels. */
export function readJpegInfo(bytes: Uint8Array): JpegInfo {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw bad('no SOI marker');
  const u16 = (at: number): number => ((bytes[at] as number) << 8) | (bytes[at + 1] as number);
  let pos = 2;
  let adobeTransform: number | undefined;
  let dpi: JpegInfo['dpi'];
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) throw bad('expected a marker', { at: pos });
    while (bytes[pos] === 0xff) pos++; // fill bytes (T.81 §B.1.1.2)
    const marker = bytes[pos++];
    if (marker === undefined) break;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (marker === 0xd9 || marker === 0xda) break; // EOI or SOS before any frame header
    if (pos + 2 > bytes.length) break;
    const length = u16(pos);
    if (length < 2 || pos + length > bytes.length) throw bad('segment runs past the end of the file', { at: pos, marker });
    const seg = pos + 2;
    if (isSof(marker)) {
      if (length < 8) throw bad('frame header too short');
      const bitsPerComponent = bytes[seg] as number;
      const height = u16(seg + 1);
      const width = u16(seg + 3);
      const n = bytes[seg + 5] as number;
      if (n !== 1 && n !== 3 && n !== 4) throw new ImageUnsupportedError('JPEG', `${n} components`);
      if (length < 8 + 3 * n) throw bad('frame header too short for its components');
      if (width === 0) throw bad('width is 0');
      if (height === 0) throw new ImageUnsupportedError('JPEG', 'height defined by a DNL marker');
      const ids = Array.from({ length: n }, (_, i) => bytes[seg + 6 + 3 * i] as number);
      return {
        width, height, components: n, bitsPerComponent,
        progressive: marker === 0xc2 || marker === 0xc6 || marker === 0xca || marker === 0xce,
        colorSpace: colorSpaceOf(n, adobeTransform, ids), adobeTransform, dpi,
      };
    }
    if (marker === 0xee && length >= 14 && String.fromCharCode(...bytes.subarray(seg, seg + 5)) === 'Adobe') adobeTransform = bytes[seg + 11];
    if (marker === 0xe0 && length >= 16 && String.fromCharCode(...bytes.subarray(seg, seg + 5)) === 'JFIF\0') {
      const unit = bytes[seg + 7];
      const x = u16(seg + 8);
      const y = u16(seg + 10);
      if ((unit === 1 || unit === 2) && x > 0 && y > 0) dpi = unit === 1 ? { x, y } : { x: x * 2.54, y: y * 2.54 };
    }
    pos += length;
  }
  throw bad('no frame header (SOF) before the scan');
}

function colorSpaceOf(n: number, adobe: number | undefined, ids: readonly number[]): JpegInfo['colorSpace'] {
  if (n === 1) return 'gray';
  if (n === 3) {
    if (adobe === 0) return 'rgb';
    if (adobe === undefined && ids[0] === 0x52 && ids[1] === 0x47 && ids[2] === 0x42) return 'rgb'; // 'R','G','B'
    return 'ycbcr';
  }
  return adobe === 2 ? 'ycck' : 'cmyk';
}
