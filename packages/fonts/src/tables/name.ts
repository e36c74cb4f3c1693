import type { BinaryReader } from '../binary-reader.js';

/** One decoded record of the 'name' table. */
export interface FontNameRecord {
  readonly platformId: number;
  readonly encodingId: number;
  readonly languageId: number;
  /** BCP 47 tag for the Windows/Mac language ids this engine knows ('en', 'zh-CN', 'zh-TW', …), else ''. */
  readonly language: string;
  readonly nameId: number;
  readonly value: string;
}

// Windows LCIDs (MS-LCID) for the languages official documents meet.
const WINDOWS_LANG: Readonly<Record<number, string>> = {
  0x0409: 'en', 0x0809: 'en', 0x0804: 'zh-CN', 0x1004: 'zh-SG', 0x0404: 'zh-TW', 0x0c04: 'zh-HK', 0x1404: 'zh-MO',
  0x0411: 'ja', 0x0412: 'ko',
};
// Mac language codes (OpenType 'name' table, Macintosh language IDs).
const MAC_LANG: Readonly<Record<number, string>> = { 0: 'en', 19: 'zh-TW', 33: 'zh-CN', 11: 'ja', 23: 'ko' };

const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»… ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uF8FFÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

function decodeUtf16Be(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(((b[i] as number) << 8) | (b[i + 1] as number));
  return s;
}

function decodeMacRoman(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += c < 0x80 ? String.fromCharCode(c) : MAC_ROMAN_HIGH[c - 0x80];
  return s;
}

function decodeWithLabel(b: Uint8Array, label: string): string | undefined {
  // TextDecoder for legacy CJK encodings exists in browsers and full-ICU Node; skip the record if absent.
  try {
    return new TextDecoder(label, { fatal: true }).decode(b);
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) return undefined;
    throw e;
  }
}

function decode(platformId: number, encodingId: number, b: Uint8Array): string | undefined {
  if (platformId === 0 || (platformId === 3 && (encodingId === 0 || encodingId === 1 || encodingId === 10))) return decodeUtf16Be(b);
  if (platformId === 1 && encodingId === 0) return decodeMacRoman(b);
  if (platformId === 1 && encodingId === 25) return decodeWithLabel(b, 'gbk');
  if (platformId === 1 && encodingId === 2) return decodeWithLabel(b, 'big5');
  // Windows PRC/Big5 records store each code as a 16-bit value, single-byte codes padded with 0x00.
  if (platformId === 3 && encodingId === 3) return decodeWithLabel(b.filter((x) => x !== 0), 'gbk');
  if (platformId === 3 && encodingId === 4) return decodeWithLabel(b.filter((x) => x !== 0), 'big5');
  return undefined;
}

/** Decodes every record of the 'name' table whose encoding is known; others are left out. */
export function parseName(r: BinaryReader): FontNameRecord[] {
  r.u16(); // format 0 or 1; language-tag records of format 1 are not needed
  const count = r.u16();
  const stringOffset = r.u16();
  const out: FontNameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const platformId = r.u16();
    const encodingId = r.u16();
    const languageId = r.u16();
    const nameId = r.u16();
    const length = r.u16();
    const offset = r.u16();
    const start = stringOffset + offset;
    if (start + length > r.length) continue;
    const value = decode(platformId, encodingId, r.bytes.subarray(r.start + start, r.start + start + length));
    if (value === undefined) continue;
    const language = (platformId === 3 ? WINDOWS_LANG[languageId] : platformId === 1 ? MAC_LANG[languageId] : undefined) ?? '';
    out.push({ platformId, encodingId, languageId, language, nameId, value: value.replace(/\0+$/, '') });
  }
  return out;
}
