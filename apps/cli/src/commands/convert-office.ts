import { detectFormat, SofficeDocumentConverter, type ConversionResult } from '@openseal/libreoffice';
import { imageToPdf } from '@openseal/layout';
import { PdfDocument, pageCount } from '@openseal/pdf';

export interface OfficeConversion {
  readonly pdf: Uint8Array;
  readonly pages: number;
  readonly kind: string;
  readonly substitutedFonts: ConversionResult['substitutedFonts'];
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}

/** Office documents through one warm-up-free LibreOffice worker; images without LibreOffice. */
export async function convertOfficeToPdf(bytes: Uint8Array, options: { pdfa?: boolean; password?: string }): Promise<OfficeConversion> {
  const format = detectFormat(bytes);
  if (format.family === 'image') {
    const pdf = imageToPdf(bytes);
    return { pdf, pages: pageCount(PdfDocument.load(pdf).latest), kind: format.kind, substitutedFonts: [], warnings: options.pdfa ? [{ code: 'PDFA_NOT_APPLIED', message: 'images are converted without PDF/A' }] : [] };
  }
  const converter = await SofficeDocumentConverter.start({ workers: 1 });
  try {
    const r = await converter.toPdf(bytes, { ...(options.pdfa ? { pdfa: true } : {}), ...(options.password === undefined ? {} : { password: options.password }) });
    return { pdf: r.pdf, pages: r.pages, kind: r.format.kind, substitutedFonts: r.substitutedFonts, warnings: r.warnings };
  } finally {
    await converter.close();
  }
}
