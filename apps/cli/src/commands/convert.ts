import { basename } from 'node:path';
import type { Command } from 'commander';
import { OfdDocument } from '@openseal/ofd';
import { ofdToPdf, pdfToOfd } from '@openseal/ofd-render';
import { loadPdfJs, openPdfJs, pdfJsAssetParams, renderPdfPagePng } from '@openseal/raster';
import type { CliContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { readInput, writeOutput } from '../io/files.js';
import { processGlyphResolver, sesStampResolver, hostImageDecoder } from '../render/render-deps.js';
import { sniffDocument } from '../render/sniff-document.js';
import { convertOfficeToPdf } from './convert-office.js';

interface ConvertOptions {
  out: string;
  attachOriginal?: boolean;
  pdfa?: boolean;
  password?: string;
  json?: boolean;
}

/** `openseal convert IN -o OUT`: dispatches on the input's content (OFD package, PDF, anything else). */
export function registerConvertCommand(program: Command, ctx: CliContext): void {
  program
    .command('convert')
    .description('convert OFD → PDF, PDF → OFD, and Office documents or images → PDF or OFD (the output extension says which)')
    .argument('<input>', 'OFD, PDF, Office (DOCX, DOC, WPS, ODT, RTF, TXT, HTML, XLSX, XLS, ODS, PPTX, PPT, ODP) or image (JPG, PNG, TIFF) file')
    .requiredOption('-o, --out <file>', 'output file (.pdf or .ofd)')
    .option('--attach-original', 'OFD → PDF: embed the original OFD in the PDF so its seals stay verifiable')
    .option('--pdfa', 'Office input: produce PDF/A-2b')
    .option('--password <password>', 'Office input: password of an encrypted document')
    .option('--json', 'print the result and warnings as JSON')
    .action(async (input: string, o: ConvertOptions) => {
      const bytes = readInput(input);
      const kind = sniffDocument(bytes);
      const target = /\.pdf$/i.test(o.out) ? 'pdf' : /\.ofd$/i.test(o.out) ? 'ofd' : undefined;
      let result: { pages: number; warnings: readonly { readonly code: string; readonly message: string }[]; rasterized?: readonly unknown[] };
      let substitutedFonts: readonly { requested: string; used: string }[] = [];
      if (kind === 'ofd') {
        if (target !== 'pdf') throw new CliUsageError('an OFD input converts to PDF: give an output file ending in .pdf');
        const doc = OfdDocument.read(bytes);
        const r = await ofdToPdf(doc, {
          glyphs: processGlyphResolver(),
          stampResolver: sesStampResolver(doc),
          imageDecoder: hostImageDecoder,
          ...(o.attachOriginal ? { attachOriginal: { bytes, fileName: basename(input) } } : {}),
        });
        writeOutput(o.out, r.pdf);
        result = { pages: r.pageCount, warnings: r.warnings };
      } else if (kind === 'pdf') {
        if (target !== 'ofd') throw new CliUsageError('a PDF input converts to OFD: give an output file ending in .ofd');
        const r = await pdfBytesToOfd(bytes, ctx);
        writeOutput(o.out, r.ofd);
        result = { pages: r.pageCount, warnings: r.warnings, rasterized: r.rasterized };
      } else {
        // ── Office input (Word, Excel, PowerPoint, WPS…) and images: → PDF through LibreOffice (images
        // without it), then PDF → OFD as above when the target is .ofd.
        if (target === undefined) throw new CliUsageError('give an output file ending in .pdf or .ofd');
        const office = await convertOfficeToPdf(bytes, { ...(o.pdfa ? { pdfa: true } : {}), ...(o.password === undefined ? {} : { password: o.password }) });
        const officeWarnings = office.warnings.map((w) => ({ code: w.code, message: w.message }));
        if (target === 'pdf') {
          writeOutput(o.out, office.pdf);
          result = { pages: office.pages, warnings: officeWarnings };
        } else {
          const r = await pdfBytesToOfd(office.pdf, ctx);
          writeOutput(o.out, r.ofd);
          result = { pages: r.pageCount, warnings: [...officeWarnings, ...r.warnings], rasterized: r.rasterized };
        }
        substitutedFonts = office.substitutedFonts;
      }
      if (o.json) ctx.stdout(JSON.stringify({ input, out: o.out, ...result, substitutedFonts }, null, 2));
      else {
        ctx.stdout(`wrote ${result.pages} page(s) to ${o.out}`);
        for (const w of result.warnings) ctx.stderr(`warning ${w.code}: ${w.message}`);
      }
    });
}

/** PDF → OFD through pdf.js, rasterising only what cannot stay vector. */
async function pdfBytesToOfd(bytes: Uint8Array, ctx: CliContext) {
  const pdfDoc = await openPdfJs(bytes);
  try {
    return await pdfToOfd(bytes, {
      pdfjs: await loadPdfJs(),
      documentParams: pdfJsAssetParams(),
      random: ctx.random,
      creationDate: ctx.clock.now(),
      rasterFallback: async (index, dpi) => (await renderPdfPagePng(pdfDoc, index, dpi)).png,
    });
  } finally {
    await pdfDoc.destroy();
  }
}
