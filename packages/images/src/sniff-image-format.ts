export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'bmp' | 'tiff' | 'jbig2' | 'unknown';

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => sig.every((v, i) => b[i] === v);

/** Identifies an image by its signature bytes (never by file name). */
export function sniffImageFormat(bytes: Uint8Array): ImageFormat {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'gif';
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length >= 26) return 'bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // ISO/IEC 14492 Annex D.4: JBIG2 file header id string.
  if (startsWith(bytes, [0x97, 0x4a, 0x42, 0x32, 0x0d, 0x0a, 0x1a, 0x0a])) return 'jbig2';
  return 'unknown';
}
