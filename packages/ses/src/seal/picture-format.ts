/** Picture types GB/T 38540 sellers use in SES_ESPictrueInfo.type (the standard lists GIF, BMP, JPG; practice adds PNG, SVG, OFD). */
export type SealPictureType = 'PNG' | 'GIF' | 'JPG' | 'BMP' | 'SVG' | 'OFD';

const starts = (data: Uint8Array, sig: readonly number[]): boolean => sig.every((b, i) => data[i] === b);

/** The picture format the bytes really are, by their signature; undefined when unknown. */
export function sniffPictureType(data: Uint8Array): SealPictureType | undefined {
  if (starts(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (starts(data, [0x47, 0x49, 0x46, 0x38])) return 'GIF';
  if (starts(data, [0xff, 0xd8, 0xff])) return 'JPG';
  if (starts(data, [0x42, 0x4d])) return 'BMP';
  if (starts(data, [0x50, 0x4b, 0x03, 0x04])) return 'OFD';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(data.subarray(0, 1024));
  if (/<svg[\s>]/i.test(head)) return 'SVG';
  return undefined;
}
