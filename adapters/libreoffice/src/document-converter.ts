/**
 * The DocumentConverter port (office documents and images → PDF). It lives here until a domain
 * package exists; SofficeDocumentConverter is its LibreOffice implementation.
 */
import type { DetectedFormat, SourceKind } from './detect/detect-format.js';
import type { PdfFontInfo } from './fonts/pdf-fonts.js';

export interface ConvertOptions {
  /** What the caller believes the input is; content detection decides, a mismatch is a warning. */
  readonly kind?: SourceKind;
  /** PDF/A-2b output (LibreOffice export option SelectPdfVersion=2). */
  readonly pdfa?: boolean;
  /** Password to open an encrypted document. */
  readonly password?: string;
}

export interface SubstitutedFont {
  /** The font the document names. */
  readonly requested: string;
  /** The installed family drawn instead (as fontconfig resolved it for LibreOffice). */
  readonly used: string;
}

export type ConversionWarningCode = 'MACROS_DISABLED' | 'FONT_SUBSTITUTED' | 'FONTS_NOT_EMBEDDED' | 'KIND_MISMATCH' | 'PDFA_NOT_APPLIED' | 'PASSWORD_IGNORED';

export interface ConversionWarning {
  readonly code: ConversionWarningCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface ConversionResult {
  readonly pdf: Uint8Array;
  readonly pages: number;
  readonly format: DetectedFormat;
  readonly substitutedFonts: readonly SubstitutedFont[];
  /** Fonts in the produced PDF, as `pdffonts` lists them. */
  readonly fonts: readonly PdfFontInfo[];
  readonly warnings: readonly ConversionWarning[];
}

export interface DocumentConverter {
  toPdf(source: Uint8Array, options?: ConvertOptions): Promise<ConversionResult>;
  close(): Promise<void>;
}
