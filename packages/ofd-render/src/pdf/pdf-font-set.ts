import type { Font } from '@openseal/fonts';
import { pdfFontDescriptorValues, pdfWidthArray, subsetTag, subsetTrueType, toUnicodeCMap } from '@openseal/fonts';
import type { PdfArray, PdfFileWriter, PdfRef } from '@openseal/pdf';
import { PdfDict, PdfStream, PdfString, name } from '@openseal/pdf';

interface FontUse {
  readonly resource: string;
  readonly ref: PdfRef;
  readonly glyphs: Map<number, string>;
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/**
 * The fonts of a PDF being written: each font program becomes one Type0 font (Identity-H, CIDFontType2,
 * CIDToGIDMap /Identity; ISO 32000-1 §9.7) with a GID-preserving TrueType subset and a ToUnicode CMap, so
 * the glyph id is the 2-byte code and pdftotext/search find the text.
 */
export class PdfFontSet {
  readonly #uses = new Map<Font, FontUse>();

  constructor(private readonly writer: PdfFileWriter) {}

  /** Resource name of `font` (allocated on first use) after recording that `gid` shows `text`. */
  use(font: Font, gid: number, text: string): string {
    let u = this.#uses.get(font);
    if (u === undefined) {
      u = { resource: `F${this.#uses.size + 1}`, ref: this.writer.allocate(), glyphs: new Map() };
      this.#uses.set(font, u);
    }
    if (!u.glyphs.has(gid) || u.glyphs.get(gid) === '') u.glyphs.set(gid, text);
    return u.resource;
  }

  /** Resource dictionary entries: name → font reference. */
  resources(): Map<string, PdfRef> {
    return new Map([...this.#uses.values()].map((u) => [u.resource, u.ref]));
  }

  /** Writes every font: subset program, descriptor, CIDFont, ToUnicode, Type0. */
  finish(): void {
    for (const [font, u] of this.#uses) {
      const gids = [...u.glyphs.keys()];
      const program = subsetTrueType(font, gids);
      const d = pdfFontDescriptorValues(font);
      const baseFont = `${subsetTag(gids)}+${d.fontName}`;
      const fontFile = this.writer.add(new PdfStream(new PdfDict([['Length1', program.length]]), program));
      const descriptor = new PdfDict([
        ['Type', name('FontDescriptor')],
        ['FontName', name(baseFont)],
        ['Flags', d.flags],
        ['FontBBox', [...d.fontBBox]],
        ['ItalicAngle', d.italicAngle],
        ['Ascent', d.ascent],
        ['Descent', d.descent],
        ['CapHeight', d.capHeight],
        ['StemV', d.stemV],
        ['FontFile2', fontFile],
      ]);
      const cidFont = new PdfDict([
        ['Type', name('Font')],
        ['Subtype', name('CIDFontType2')],
        ['BaseFont', name(baseFont)],
        ['CIDSystemInfo', new PdfDict([['Registry', PdfString.fromLatin1('Adobe')], ['Ordering', PdfString.fromLatin1('Identity')], ['Supplement', 0]])],
        ['FontDescriptor', this.writer.add(descriptor)],
        ['W', pdfWidthArray(font, gids) as PdfArray],
        ['CIDToGIDMap', name('Identity')],
      ]);
      const toUnicode = this.writer.add(new PdfStream(new PdfDict(), latin1(toUnicodeCMap(u.glyphs.entries()))));
      this.writer.set(
        u.ref,
        new PdfDict([
          ['Type', name('Font')],
          ['Subtype', name('Type0')],
          ['BaseFont', name(baseFont)],
          ['Encoding', name('Identity-H')],
          ['DescendantFonts', [this.writer.add(cidFont)]],
          ['ToUnicode', toUnicode],
        ]),
      );
    }
  }
}
