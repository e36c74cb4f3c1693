/**
 * A Type0 font with Identity-H encoding and a CIDFontType2 descendant (ISO 32000-2 §9.7.4, §9.7.6.1):
 * the TrueType glyphs subset at their original ids (CID = GID, /CIDToGIDMap /Identity), /W widths and a
 * /ToUnicode CMap (§9.10.3) so the text stays extractable. Prepared once, embedded once per file.
 */
import { pdfFontDescriptorValues, pdfWidthArray, subsetTag, subsetTrueType, toUnicodeCMap, type Font } from '@openseal/fonts';
import { PdfDict, PdfName, PdfString, type PdfObject, type PdfRef, type PdfStream } from '@openseal/pdf';
import { SealFontMissingGlyphsError, SealFontUnsuitableError } from './errors.js';
import { flateStream } from './form-xobject.js';
import type { ObjectSink } from './object-sink.js';

export interface PreparedCidFont {
  readonly font: Font;
  /** `/Name` of the embedded font, with its subset tag (ABCDEF+PostScriptName). */
  readonly baseFont: string;
  /** Glyph ids of a text (one per code point; no shaping, as CJK needs none). */
  glyphs(text: string): number[];
  /** Advance of a text in points at `sizePt`. */
  width(text: string, sizePt: number): number;
  /** The string operand for Tj: hex of the 2-byte CIDs. */
  showText(text: string): string;
  /** Adds the font objects to `sink` (once per sink) and returns the Type0 font's reference. */
  embed(sink: ObjectSink): PdfRef;
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0').toUpperCase();

/** Prepares `font` for the characters of `texts`; SEAL_FONT_MISSING_GLYPHS if any has no glyph. */
export function prepareCidFont(font: Font, texts: readonly string[]): PreparedCidFont {
  const psName = font.names.postScriptName || font.names.fullName || 'Font';
  if (font.outlineFormat !== 'truetype') throw new SealFontUnsuitableError('CFF outlines embed unreliably in PDF viewers; use a TrueType face (e.g. WenQuanYi Zen Hei, AR PL UMing)', psName);
  if (font.metrics.embedding.permission === 'restricted') throw new SealFontUnsuitableError('its licence (OS/2 fsType) forbids embedding', psName);
  const used = new Map<number, string>();
  const missing = new Set<string>();
  for (const text of texts) {
    for (const ch of text) {
      const gid = font.glyphIdForCodePoint(ch.codePointAt(0) as number);
      if (gid === 0) {
        if (!/\s/u.test(ch)) missing.add(ch);
      } else if (!used.has(gid)) used.set(gid, ch);
    }
  }
  if (missing.size > 0) throw new SealFontMissingGlyphsError([...missing].join(''), psName);
  const gids = [...used.keys()];
  let fontFile: Uint8Array;
  try {
    fontFile = subsetTrueType(font, gids);
  } catch (e) {
    throw new SealFontUnsuitableError('subsetting failed', psName, { cause: e });
  }
  const desc = pdfFontDescriptorValues(font);
  const baseFont = `${subsetTag(gids)}+${desc.fontName}`;
  const gidOf = (cp: number): number => font.glyphIdForCodePoint(cp);
  const glyphs = (text: string): number[] => [...text].map((c) => gidOf(c.codePointAt(0) as number));
  const cache = new WeakMap<ObjectSink, PdfRef>();
  // Compressed once and shared by every file the font goes into (streams are never modified in place).
  let streams: { file: PdfStream; toUnicode: PdfStream } | undefined;

  const embed = (sink: ObjectSink): PdfRef => {
    const hit = cache.get(sink);
    if (hit) return hit;
    streams ??= {
      file: flateStream({ Length1: fontFile.length }, fontFile),
      toUnicode: flateStream({}, new TextEncoder().encode(toUnicodeCMap(used.entries()))),
    };
    const file = sink.add(streams.file);
    const d: Record<string, PdfObject> = {
      Type: new PdfName('FontDescriptor'),
      FontName: new PdfName(baseFont),
      Flags: desc.flags,
      FontBBox: [...desc.fontBBox],
      ItalicAngle: desc.italicAngle,
      Ascent: desc.ascent,
      Descent: desc.descent,
      CapHeight: desc.capHeight,
      StemV: desc.stemV,
      FontFile2: file,
    };
    if (desc.xHeight) d['XHeight'] = desc.xHeight;
    if (desc.avgWidth !== undefined) d['AvgWidth'] = desc.avgWidth;
    const descriptor = sink.add(new PdfDict(Object.entries(d)));
    const widths: PdfObject[] = pdfWidthArray(font, gids).map((e) => (Array.isArray(e) ? [...e] : e));
    const cidFont = sink.add(new PdfDict(Object.entries({
      Type: new PdfName('Font'),
      Subtype: new PdfName('CIDFontType2'),
      BaseFont: new PdfName(baseFont),
      CIDSystemInfo: new PdfDict(Object.entries({ Registry: PdfString.fromLatin1('Adobe'), Ordering: PdfString.fromLatin1('Identity'), Supplement: 0 })),
      FontDescriptor: descriptor,
      DW: 1000,
      W: widths,
      CIDToGIDMap: new PdfName('Identity'),
    } satisfies Record<string, PdfObject>)));
    const toUnicode = sink.add(streams.toUnicode);
    const ref = sink.add(new PdfDict(Object.entries({
      Type: new PdfName('Font'),
      Subtype: new PdfName('Type0'),
      BaseFont: new PdfName(baseFont),
      Encoding: new PdfName('Identity-H'),
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    } satisfies Record<string, PdfObject>)));
    cache.set(sink, ref);
    return ref;
  };

  return {
    font,
    baseFont,
    glyphs,
    width: (text, sizePt) => glyphs(text).reduce((w, g) => w + font.advanceWidth(g), 0) * (sizePt / font.unitsPerEm),
    showText: (text) => `<${glyphs(text).map(hex4).join('')}>`,
    embed,
  };
}
