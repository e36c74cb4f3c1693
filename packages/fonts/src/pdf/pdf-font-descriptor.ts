import type { Font } from '../font.js';

/** FontDescriptor values (ISO 32000-1 §9.8) in PDF glyph space (1/1000 em); the caller builds the dictionary. */
export interface PdfFontDescriptorValues {
  readonly fontName: string;
  readonly flags: number;
  readonly fontBBox: readonly [number, number, number, number];
  readonly italicAngle: number;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly stemV: number;
  readonly avgWidth: number | undefined;
}

// ISO 32000-1 Table 123 font flags.
const FIXED_PITCH = 1 << 0, SERIF = 1 << 1, SYMBOLIC = 1 << 2, ITALIC = 1 << 6, FORCE_BOLD = 1 << 18;

/** PostScript name usable as /BaseFont: printable ASCII without PDF delimiters. */
export function pdfSafeFontName(name: string): string {
  const cleaned = name.replace(/[^\x21-\x7e]|[[\](){}<>/%#]/g, '');
  return cleaned === '' ? 'Font' : cleaned.slice(0, 63);
}

export function pdfFontDescriptorValues(font: Font): PdfFontDescriptorValues {
  const m = font.metrics;
  const s = (v: number): number => Math.round((v * 1000) / font.unitsPerEm);
  // OS/2 sFamilyClass high byte 1–7 are the serif classes (OpenType "IBM Font Class").
  const familyClass = (font.table('OS/2')?.[30] ?? 0) & 0xff;
  let flags = SYMBOLIC; // a CIDFont's glyphs are outside the standard Latin set
  if (m.isFixedPitch) flags |= FIXED_PITCH;
  if (familyClass >= 1 && familyClass <= 7) flags |= SERIF;
  if (m.isItalic || m.italicAngle !== 0) flags |= ITALIC;
  if (m.isBold) flags |= FORCE_BOLD;
  return {
    fontName: pdfSafeFontName(font.names.postScriptName),
    flags,
    fontBBox: [s(m.bbox.xMin), s(m.bbox.yMin), s(m.bbox.xMax), s(m.bbox.yMax)],
    italicAngle: m.italicAngle,
    ascent: s(m.ascent),
    descent: s(m.descent),
    capHeight: s(m.capHeight),
    xHeight: s(m.xHeight),
    // No stem width in sfnt tables: the usual estimate from the weight class (PDF viewers barely use it).
    stemV: Math.round(10 + 220 * ((m.weightClass - 50) / 900) ** 2),
    avgWidth: m.avgCharWidth === undefined ? undefined : s(m.avgCharWidth),
  };
}

/** The 6-letter subset tag of ISO 32000-1 §9.6.4 ("ABCDEF+Name"), derived from the glyph set so it is stable. */
export function subsetTag(glyphIds: Iterable<number>): string {
  let h = 0x811c9dc5;
  for (const g of [...new Set(glyphIds)].sort((a, b) => a - b)) {
    h = Math.imul(h ^ (g & 0xff), 0x01000193) >>> 0;
    h = Math.imul(h ^ (g >>> 8), 0x01000193) >>> 0;
  }
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) ^ Math.imul(h, 31);
    h >>>= 0;
  }
  return tag;
}
