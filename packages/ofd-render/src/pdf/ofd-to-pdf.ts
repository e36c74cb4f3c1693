import type { OfdDocument } from '@openseal/ofd';
import type { PdfRef } from '@openseal/pdf';
import { PdfDict, PdfFileWriter, PdfStream, PdfString, name } from '@openseal/pdf';
import type { DisplayListOptions } from '../display/draw-context.js';
import { OfdRenderContext } from '../display/render-context.js';
import type { GlyphResolver } from '../fonts/glyph-resolver.js';
import type { RenderWarning } from '../render-warning.js';
import { WarningLog } from '../render-warning.js';
import { n } from './pdf-content.js';
import { PdfFontSet } from './pdf-font-set.js';
import { PdfImageSet } from './pdf-image-set.js';
import { MM_TO_PT, paintPdfPage } from './pdf-page-painter.js';

export interface OfdToPdfOptions extends DisplayListOptions {
  /** Where glyphs come from: embedded fonts, then substitutes (TrueType only: they are subset into the PDF). */
  readonly glyphs: GlyphResolver;
  /** Attach the original OFD (/EmbeddedFiles, /AF) so its seals stay verifiable; give its bytes and name. */
  readonly attachOriginal?: { readonly bytes: Uint8Array; readonly fileName: string };
  /** 0-based pages to export (default all). */
  readonly pages?: readonly number[];
}

export interface OfdToPdfResult {
  readonly pdf: Uint8Array;
  readonly pageCount: number;
  readonly warnings: readonly RenderWarning[];
}

/**
 * Exports an OFD document as PDF: each page at its exact size (mm → pt), text as text (Type0 fonts with
 * embedded TrueType subsets and ToUnicode), paths as paths, images as image XObjects, seals drawn.
 */
export async function ofdToPdf(doc: OfdDocument, options: OfdToPdfOptions): Promise<OfdToPdfResult> {
  const warnings = new WarningLog();
  const writer = new PdfFileWriter({ compressStreams: true });
  const fonts = new PdfFontSet(writer);
  const images = new PdfImageSet(writer, { ...options.limits }.maxImagePixels ?? 64_000_000);
  const alphas = new Map<string, { resource: string; ref: PdfRef }>();
  const alpha = (fill: number, stroke: number): string => {
    const key = `${n(fill, 3)}/${n(stroke, 3)}`;
    let a = alphas.get(key);
    if (a === undefined) {
      a = { resource: `GS${alphas.size + 1}`, ref: writer.add(new PdfDict([['Type', name('ExtGState')], ['ca', Number(n(fill, 3))], ['CA', Number(n(stroke, 3))]])) };
      alphas.set(key, a);
    }
    return a.resource;
  };
  const ctx = new OfdRenderContext(doc, options);
  const pagesRef = writer.allocate();
  const pageRefs: PdfRef[] = [];
  const pageDicts: PdfDict[] = [];
  const indexes = options.pages ?? doc.pages.map((p) => p.index);
  for (const index of indexes) {
    const list = await ctx.displayList(index);
    for (const w of list.warnings) warnings.add(w.code, `page ${index + 1}: ${w.message}`, w.ref);
    const content = writer.add(new PdfStream(new PdfDict(), paintPdfPage(list, { fonts, images, glyphs: options.glyphs, warnings, alpha })));
    const page = new PdfDict([
      ['Type', name('Page')],
      ['Parent', pagesRef],
      ['MediaBox', [0, 0, Number(n(list.width * MM_TO_PT, 3)), Number(n(list.height * MM_TO_PT, 3))]],
      ['Contents', content],
    ]);
    pageDicts.push(page);
    pageRefs.push(writer.add(page));
  }
  fonts.finish();
  // One resource dictionary for all pages: every page may use any font or image of the document.
  const resources = writer.add(
    new PdfDict([
      ['Font', dictOf(fonts.resources())],
      ['XObject', dictOf(images.resources())],
      ['ExtGState', dictOf(new Map([...alphas.values()].map((a) => [a.resource, a.ref])))],
    ]),
  );
  for (const page of pageDicts) page.set('Resources', resources);
  writer.set(pagesRef, new PdfDict([['Type', name('Pages')], ['Kids', pageRefs], ['Count', pageRefs.length]]));
  const catalog = new PdfDict([['Type', name('Catalog')], ['Pages', pagesRef]]);
  if (options.attachOriginal !== undefined) attach(writer, catalog, options.attachOriginal);
  const info = writer.add(infoDict(doc));
  const pdf = writer.write(writer.add(catalog), info);
  return { pdf, pageCount: pageRefs.length, warnings: warnings.list };
}

function dictOf(entries: ReadonlyMap<string, PdfRef>): PdfDict {
  return new PdfDict([...entries]);
}

function attach(writer: PdfFileWriter, catalog: PdfDict, file: { readonly bytes: Uint8Array; readonly fileName: string }): void {
  const embedded = writer.add(
    new PdfStream(new PdfDict([['Type', name('EmbeddedFile')], ['Subtype', name('application/ofd')], ['Params', new PdfDict([['Size', file.bytes.length]])]]), file.bytes),
  );
  const spec = writer.add(
    new PdfDict([
      ['Type', name('Filespec')],
      ['F', PdfString.fromText(file.fileName.replace(/[^\x20-\x7e]/g, '_'))],
      ['UF', PdfString.fromText(file.fileName)],
      ['Desc', PdfString.fromText('Original OFD document with its seals')],
      ['AFRelationship', name('Source')],
      ['EF', new PdfDict([['F', embedded], ['UF', embedded]])],
    ]),
  );
  catalog.set('Names', new PdfDict([['EmbeddedFiles', new PdfDict([['Names', [PdfString.fromText(file.fileName), spec]]])]]));
  catalog.set('AF', [spec]);
}

function infoDict(doc: OfdDocument): PdfDict {
  const info = new PdfDict([['Producer', PdfString.fromText('OpenSeal OFD renderer')]]);
  const di = doc.body.docInfo;
  if (di?.title !== undefined) info.set('Title', PdfString.fromText(di.title));
  if (di?.author !== undefined) info.set('Author', PdfString.fromText(di.author));
  if (di?.subject !== undefined) info.set('Subject', PdfString.fromText(di.subject));
  return info;
}
