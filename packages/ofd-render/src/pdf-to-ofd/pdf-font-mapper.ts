import type { Font } from '@openseal/fonts';
import { normaliseFontName, parseFontFile, resolveFontSubstitute } from '@openseal/fonts';
import type { WarningLog } from '../render-warning.js';
import type { PdfJsFont, PdfJsGlyph, PdfJsPage } from './pdfjs-types.js';

/** A PDF font as the OFD will carry it: an embedded TrueType program (pdf.js's sanitised copy) or a name. */
export interface MappedFont {
  readonly key: string;
  readonly fontName: string;
  readonly familyName?: string;
  readonly program?: Font;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly serif: boolean;
  readonly fixedWidth: boolean;
  readonly vertical: boolean;
  readonly type3: boolean;
  /** Glyph ids of `program` used by the document. */
  readonly usedGids: Set<number>;
}

/**
 * Maps pdf.js fonts to OFD fonts. TrueType programs (FontFile2, which pdf.js keeps as glyf outlines with a
 * cmap from its private-use "fontChar" codes to glyph ids) are embedded as GID-preserving subsets; CFF and
 * Type 1 programs cannot be subset here, so those fonts are named and substituted (reported).
 */
export class PdfFontMapper {
  readonly #fonts = new Map<string, MappedFont>();

  constructor(private readonly warnings: WarningLog) {}

  get all(): readonly MappedFont[] {
    return [...this.#fonts.values()];
  }

  font(page: PdfJsPage, loadedName: string): MappedFont {
    const known = this.#fonts.get(loadedName);
    if (known !== undefined) return known;
    let raw: PdfJsFont | undefined;
    try {
      raw = page.commonObjs.get(loadedName) as PdfJsFont;
    } catch (e) {
      this.warnings.add('RENDER_FONT_UNAVAILABLE', `font ${loadedName} was not loaded by pdf.js: ${e instanceof Error ? e.message : String(e)}`);
    }
    const rawName = raw?.name ?? loadedName;
    const fontName = rawName.replace(/^[A-Z]{6}\+/, '').replace(/-Identity-[HV]$/, '') || 'Unknown';
    let program: Font | undefined;
    const data = raw?.data;
    const isTrueType = data !== undefined && data.length > 4 && ((data[0] === 0 && data[1] === 1 && data[2] === 0 && data[3] === 0) || String.fromCharCode(...data.subarray(0, 4)) === 'true');
    if (raw?.isType3Font === true) {
      this.warnings.add('CONVERT_CONTENT_DROPPED', `Type 3 font ${fontName}: its glyphs are drawn by procedures and are substituted`, fontName);
    } else if (isTrueType && raw?.missingFile !== true) {
      try {
        program = parseFontFile(data);
      } catch (e) {
        this.warnings.add('RENDER_FONT_UNAVAILABLE', `font ${fontName} cannot be read (${e instanceof Error ? e.message : String(e)}); it is substituted`, fontName);
      }
    } else {
      this.warnings.add('RENDER_FONT_SUBSTITUTED', `font ${fontName} is ${raw?.missingFile === true ? 'not embedded' : 'not TrueType'}; the OFD names it and readers substitute`, fontName);
    }
    const substitute = resolveFontSubstitute(fontName)?.candidates[0]?.family;
    const mapped: MappedFont = {
      key: loadedName,
      fontName,
      ...(substitute === undefined ? {} : { familyName: substitute }),
      ...(program === undefined ? {} : { program }),
      bold: raw?.bold === true || raw?.black === true || /bold|black|heavy/i.test(normaliseFontName(fontName)),
      italic: raw?.italic === true,
      serif: raw?.isSerifFont === true,
      fixedWidth: raw?.isMonospace === true,
      vertical: raw?.vertical === true,
      type3: raw?.isType3Font === true,
      usedGids: new Set(),
    };
    this.#fonts.set(loadedName, mapped);
    return mapped;
  }

  /** Glyph id of a pdf.js glyph in the embedded program (recorded as used), or undefined. */
  gid(font: MappedFont, glyph: PdfJsGlyph): number | undefined {
    if (font.program === undefined) return undefined;
    const cp = glyph.fontChar.codePointAt(0);
    if (cp === undefined) return undefined;
    const gid = font.program.glyphIdForCodePoint(cp);
    if (gid === 0) return undefined;
    font.usedGids.add(gid);
    return gid;
  }
}
