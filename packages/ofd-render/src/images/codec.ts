/** Pixel size from a PNG's IHDR (PNG spec §11.2.2) without decoding; undefined when unreadable. */
export function pngSize(b: Uint8Array): { width: number; height: number } | undefined {
  if (b.length < 24 || b[12] !== 0x49 || b[13] !== 0x48 || b[14] !== 0x44 || b[15] !== 0x52) return undefined;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const width = v.getUint32(16);
  const height = v.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : undefined;
}
