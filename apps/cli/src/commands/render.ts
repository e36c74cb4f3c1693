import type { Command } from 'commander';
import { OfdDocument } from '@openseal/ofd';
import type { RenderWarning } from '@openseal/ofd-render';
import { OfdRenderContext, displayListToSvg, pdfToOfd } from '@openseal/ofd-render';
import { loadPdfJs, openPdfJs, pdfJsAssetParams, renderDisplayListPng, renderPdfPagePng } from '@openseal/raster';
import { parseFontFile } from '@openseal/fonts';
import type { CliContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { readInput, writeOutput } from '../io/files.js';
import { processGlyphResolver, sesStampResolver, hostImageDecoder } from '../render/render-deps.js';
import { sniffDocument } from '../render/sniff-document.js';

interface RenderOptions {
  page: string;
  dpi: string;
  out: string;
  json?: boolean;
}

export function registerRenderCommand(program: Command, ctx: CliContext): void {
  program
    .command('render')
    .description('render one page of an OFD or PDF file to PNG or SVG (by the output extension); seals are drawn')
    .argument('<file>', 'OFD or PDF file')
    .option('--page <n>', 'page number, from 1', '1')
    .option('--dpi <d>', 'resolution of a PNG', '150')
    .requiredOption('-o, --out <file>', 'output file: .png or .svg')
    .option('--json', 'print the result and warnings as JSON')
    .action(async (file: string, o: RenderOptions) => {
      const page = Number(o.page);
      const dpi = Number(o.dpi);
      if (!Number.isInteger(page) || page < 1) throw new CliUsageError(`--page must be a page number from 1, got "${o.page}"`);
      if (!(dpi > 0 && dpi <= 2400)) throw new CliUsageError(`--dpi must be between 1 and 2400, got "${o.dpi}"`);
      const format = /\.svg$/i.test(o.out) ? 'svg' : /\.png$/i.test(o.out) ? 'png' : undefined;
      if (format === undefined) throw new CliUsageError('the output file must end in .png or .svg');
      const bytes = readInput(file);
      const kind = sniffDocument(bytes);
      if (kind === 'other') throw new CliUsageError(`${file} is neither an OFD nor a PDF file`);
      let warnings: readonly RenderWarning[] = [];
      if (kind === 'pdf' && format === 'png') {
        const doc = await openPdfJs(bytes);
        try {
          if (page > doc.numPages) throw new CliUsageError(`${file} has ${doc.numPages} page(s)`);
          writeOutput(o.out, (await renderPdfPagePng(doc, page - 1, dpi)).png);
        } finally {
          await doc.destroy();
        }
      } else {
        // A PDF page becomes SVG through the PDF → OFD conversion, so both formats share one SVG writer.
        const ofd = kind === 'ofd' ? OfdDocument.read(bytes) : OfdDocument.read((await pdfToOfd(bytes, { pdfjs: await loadPdfJs(), documentParams: pdfJsAssetParams(), random: ctx.random })).ofd);
        if (page > ofd.pageCount) throw new CliUsageError(`${file} has ${ofd.pageCount} page(s)`);
        const list = await new OfdRenderContext(ofd, { stampResolver: sesStampResolver(ofd), imageDecoder: hostImageDecoder }).displayList(page - 1);
        if (format === 'svg') {
          writeOutput(o.out, displayListToSvg(list, { parseFont: (face) => (face.embedded === undefined ? undefined : tryParse(face.embedded)) }));
          warnings = list.warnings;
        } else {
          const png = await renderDisplayListPng(list, { dpi, glyphs: processGlyphResolver() });
          writeOutput(o.out, png.png);
          warnings = png.warnings;
        }
      }
      if (o.json) ctx.stdout(JSON.stringify({ file, page, format, out: o.out, warnings }, null, 2));
      else {
        ctx.stdout(`wrote page ${page} of ${file} to ${o.out}`);
        for (const w of warnings) ctx.stderr(`warning ${w.code}: ${w.message}`);
      }
    });
}

function tryParse(bytes: Uint8Array): ReturnType<typeof parseFontFile> | undefined {
  try {
    return parseFontFile(bytes);
  } catch (e) {
    if (e instanceof Error && 'code' in e) return undefined;
    throw e;
  }
}
