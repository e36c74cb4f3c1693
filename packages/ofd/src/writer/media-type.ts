/** Sniffs common image formats by magic number: the MultiMedia@Format value and a file extension. */
export function sniffImage(bytes: Uint8Array): { format: string; ext: string } | undefined {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return { format: 'PNG', ext: 'png' };
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return { format: 'JPEG', ext: 'jpg' };
  if (b(0) === 0x42 && b(1) === 0x4d) return { format: 'BMP', ext: 'bmp' };
  if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return { format: 'GIF', ext: 'gif' };
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && b(3) === 0x2a)) {
    return { format: 'TIFF', ext: 'tif' };
  }
  return undefined;
}

/** Font file extension by its sfnt tag: OpenType-CFF `OTTO`, collection `ttcf`, otherwise TrueType. */
export function fontExtension(bytes: Uint8Array): string {
  const tag = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0);
  if (tag === 'OTTO') return 'otf';
  if (tag === 'ttcf') return 'ttc';
  return 'ttf';
}
