/**
 * DocumentConverter over a pool of warm LibreOffice processes. Detects the format from the content,
 * refuses what cannot or must not be converted with a coded error, converts images without LibreOffice
 * (@openseal/layout), and reports the fonts LibreOffice had to substitute.
 */
import { imageToPdf } from '@openseal/layout';
import { PdfDocument, pageCount } from '@openseal/pdf';
import { detectFormat, type DetectedFormat } from './detect/detect-format.js';
import type { ConversionResult, ConversionWarning, ConvertOptions, DocumentConverter, SubstitutedFont } from './document-converter.js';
import { ConvertError } from './errors.js';
import { FontMatcher, fontKey, pdfFontIsFamily } from './fonts/font-matcher.js';
import { listPdfFonts, type PdfFontInfo } from './fonts/pdf-fonts.js';
import { requestedFonts } from './fonts/requested-fonts.js';
import { SofficePool, type PoolJob, type SofficePoolOptions } from './pool/soffice-pool.js';

export interface SofficeConverterOptions extends SofficePoolOptions {
  /** Inputs above this size are refused with CONVERT_TOO_LARGE. Default 100 MiB. */
  readonly maxInputBytes?: number;
  /** 'convert' (default): macros are never run and a MACROS_DISABLED warning is given; 'refuse': CONVERT_MACROS_REFUSED. */
  readonly macroPolicy?: 'convert' | 'refuse';
}

export class SofficeDocumentConverter implements DocumentConverter {
  readonly #fonts: FontMatcher;

  private constructor(
    readonly pool: SofficePool,
    private readonly options: SofficeConverterOptions,
  ) {
    this.#fonts = new FontMatcher(pool.env);
  }

  static async start(options: SofficeConverterOptions = {}): Promise<SofficeDocumentConverter> {
    return new SofficeDocumentConverter(await SofficePool.start(options), options);
  }

  async toPdf(source: Uint8Array, options: ConvertOptions = {}): Promise<ConversionResult> {
    const max = this.options.maxInputBytes ?? 100 * 1024 * 1024;
    if (source.length > max) throw new ConvertError('CONVERT_TOO_LARGE', { size: source.length, limit: max });
    const format = detectFormat(source);
    const warnings: ConversionWarning[] = [];
    if (options.kind !== undefined && options.kind !== format.kind) {
      warnings.push({ code: 'KIND_MISMATCH', message: `declared ${options.kind}, content is ${format.kind}`, details: { declared: options.kind, detected: format.kind } });
    }
    if (format.family === 'ofd') throw new ConvertError('CONVERT_UNSUPPORTED_FORMAT', { kind: 'ofd' }, { reason: 'OFD input is converted by the OFD renderer, not by LibreOffice' });
    if (format.family === 'pdf') return this.finish(source, format, [], warnings, options, false);
    if (format.family === 'image') return this.finish(imageToPdf(source), format, [], warnings, options, false);
    if (format.encrypted && options.password === undefined) throw new ConvertError('CONVERT_PASSWORD_REQUIRED', { kind: format.kind });
    if (!format.encrypted && options.password !== undefined) warnings.push({ code: 'PASSWORD_IGNORED', message: 'the document is not encrypted; the password was not used' });
    if (format.macros) {
      if (this.options.macroPolicy === 'refuse') throw new ConvertError('CONVERT_MACROS_REFUSED', { kind: format.kind });
      warnings.push({ code: 'MACROS_DISABLED', message: 'the document carries macros; they were not run' });
    }
    let result;
    try {
      result = await this.pool.convert(loJob(source, format, options));
    } catch (e) {
      if (e instanceof ConvertError && e.code === 'CONVERT_FAILED' && format.encrypted) {
        throw new ConvertError('CONVERT_PASSWORD_INCORRECT', { kind: format.kind }, { cause: e });
      }
      throw e;
    }
    return this.finish(result.pdf, format, requestedFonts(source, format), warnings, options, true);
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async finish(pdf: Uint8Array, format: DetectedFormat, requested: readonly string[], warnings: ConversionWarning[], options: ConvertOptions, viaOffice: boolean): Promise<ConversionResult> {
    let doc: PdfDocument;
    try {
      doc = PdfDocument.load(pdf);
    } catch (e) {
      throw new ConvertError('CONVERT_FAILED', { kind: format.kind }, { reason: 'the PDF produced cannot be read', cause: e });
    }
    const pages = pageCount(doc.latest);
    const fonts = listPdfFonts(doc);
    const substitutedFonts = await this.substitutions(requested, fonts);
    if (substitutedFonts.length > 0) {
      warnings.push({ code: 'FONT_SUBSTITUTED', message: substitutedFonts.map((s) => `${s.requested} → ${s.used}`).join('; '), details: { substitutedFonts } });
    }
    const missing = fonts.filter((f) => !f.embedded).map((f) => f.name);
    if (missing.length > 0) warnings.push({ code: 'FONTS_NOT_EMBEDDED', message: `fonts not embedded: ${missing.join(', ')}`, details: { fonts: missing } });
    if (options.pdfa === true && !(viaOffice && hasPdfaIdentification(pdf))) {
      warnings.push({ code: 'PDFA_NOT_APPLIED', message: viaOffice ? 'LibreOffice did not mark the output as PDF/A' : `${format.kind} input is passed through without PDF/A conversion` });
    }
    return { pdf, pages, format, substitutedFonts, fonts, warnings };
  }

  /** Requested fonts that are not installed and whose fontconfig substitute appears in the PDF. */
  private async substitutions(requested: readonly string[], fonts: readonly PdfFontInfo[]): Promise<SubstitutedFont[]> {
    if (requested.length === 0) return [];
    const installed = await this.#fonts.installed();
    const missing = requested.filter((name) => !installed.has(name.toLowerCase()));
    const matches = await Promise.all(missing.map((name) => this.#fonts.match(name)));
    const out: SubstitutedFont[] = [];
    missing.forEach((name, i) => {
      const used = matches[i];
      if (used === undefined || fontKey(used.family) === fontKey(name)) return;
      if (fonts.some((f) => pdfFontIsFamily(f.name, used))) out.push({ requested: name, used: used.family });
    });
    return out;
  }
}

/** LibreOffice import settings per format; text is handed over as UTF-8 with a BOM. */
function loJob(source: Uint8Array, format: DetectedFormat, options: ConvertOptions): PoolJob {
  const base = { extension: format.extension, ...(options.pdfa === true ? { pdfa: true } : {}), ...(options.password !== undefined ? { password: options.password } : {}) };
  if (format.kind === 'txt' || format.kind === 'html') {
    const text = new TextDecoder(format.textEncoding ?? 'utf-8').decode(source).replace(/^\uFEFF/, '');
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    // Text (encoded) options: charset, line ends, font, language (LibreOffice "Filter Options").
    if (format.kind === 'txt') return { ...base, bytes, filter: 'Text (encoded)', filterOptions: 'UTF8,LF,宋体,zh-CN' };
    return { ...base, bytes, filter: 'HTML (StarWriter)' };
  }
  return { ...base, bytes: source };
}

/** ISO 19005 §6.7.11: the XMP metadata names the PDF/A part. */
function hasPdfaIdentification(pdf: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(pdf);
  return /pdfaid:part(>|=")2/.test(text);
}
