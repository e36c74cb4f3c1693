import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '@openseal/kernel';
import { OfdDocument } from '@openseal/ofd';
import { GlyphResolver, OfdRenderContext, ofdToPdf, pdfToOfd } from '@openseal/ofd-render';
import type { PdfJsModule } from '@openseal/ofd-render';
import { loadPdfJs, openPdfJs, pdfJsAssetParams, renderDisplayListPng, renderPdfPagePng, systemFontLoader } from '@openseal/raster';
import { PDF_SAMPLES, ofdSample, pdfSample, type PdfSampleName } from './support/samples.js';
import { pixelDifference } from './support/pixel-diff.js';
import { sesStamps } from './support/stamps.js';

const glyphs = new GlyphResolver({ loadSubstitute: systemFontLoader() });
const dir = mkdtempSync(join(tmpdir(), 'ofd-render-'));
const tmp = { path: (name: string): string => join(dir, name), cleanup: (): void => rmSync(dir, { recursive: true, force: true }) };
const squash = (s: string): string => s.replace(/\s+/g, '');
let pdfjs: PdfJsModule;

beforeAll(async () => {
  pdfjs = (await loadPdfJs()) as unknown as PdfJsModule;
});
afterAll(() => tmp.cleanup());

describe('OFD → PDF', () => {
  it('keeps the e-invoice text searchable, passes qpdf --check, has the exact page size and carries the original', async () => {
    const bytes = ofdSample('ofdrw-converter__1.ofd');
    const doc = OfdDocument.read(bytes);
    const r = await ofdToPdf(doc, { glyphs, stampResolver: sesStamps(doc), attachOriginal: { bytes, fileName: 'invoice.ofd' } });
    const file = tmp.path('invoice.pdf');
    writeFileSync(file, r.pdf);
    expect(execFileSync('qpdf', ['--check', file]).toString()).toContain('No syntax or stream encoding errors');
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('浙江增值税电子普通发票');
    expect(squash(text)).toContain('江苏京利华新材料有限公司');
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Page size:\s+595\.276 x 396\.85 pts/);
    expect(execFileSync('pdfdetach', ['-list', file]).toString()).toContain('invoice.ofd');
  });

  it('exports every page of the multi-page samples with their text', async () => {
    for (const name of ['ofdrw-converter__z.ofd', 'ofdrw-converter__zsbk.ofd', 'ofdrw-converter__n.ofd'] as const) {
      const doc = OfdDocument.read(ofdSample(name));
      const r = await ofdToPdf(doc, { glyphs, stampResolver: sesStamps(doc) });
      const file = tmp.path(`${name}.pdf`);
      writeFileSync(file, r.pdf);
      execFileSync('qpdf', ['--check', file]);
      expect(r.pageCount).toBe(doc.pageCount);
      const pdfText = squash(execFileSync('pdftotext', ['-raw', file, '-']).toString());
      for (let i = 0; i < doc.pageCount; i++) {
        const drawable = doc.textRuns(i).map((t) => t.text).join('').replace(/[\u0e00-\u0e7f\u0b80-\u0bff]/g, '');
        // Characters no font on this machine has (Thai, Tamil in the Suwell sample) are reported, not drawn.
        expect(pdfText).toContain(squash(drawable).slice(0, 40));
      }
    }
  });
});

describe('PDF → OFD', () => {
  for (const name of Object.keys(PDF_SAMPLES) as PdfSampleName[]) {
    it(`${name}: the OFD holds pdftotext's text, and its pages look like the PDF's`, async () => {
      const pdf = pdfSample(name);
      const source = await openPdfJs(pdf);
      const r = await pdfToOfd(pdf, { pdfjs, documentParams: pdfJsAssetParams(), random: new SeededRandom(7), rasterFallback: async (i, dpi) => (await renderPdfPagePng(source, i, dpi)).png });
      await source.destroy();
      const doc = OfdDocument.read(r.ofd);
      const file = tmp.path(name);
      writeFileSync(file, pdf);
      expect(doc.pageCount).toBe(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]));
      // pdftotext -raw keeps content-stream order, the order the OFD TextObjects are written in.
      const expected = squash(execFileSync('pdftotext', ['-raw', file, '-']).toString());
      const actual = squash(doc.pages.map((p) => doc.pageText(p.index)).join(''));
      expect(actual).toBe(expected);
      const ctx = new OfdRenderContext(doc);
      for (let i = 0; i < doc.pageCount; i++) {
        const ours = (await renderDisplayListPng(await ctx.displayList(i), { dpi: 72, glyphs })).png;
        execFileSync('pdftoppm', ['-r', '72', '-png', '-f', String(i + 1), '-l', String(i + 1), '-singlefile', file, tmp.path(`ref-${i}`)]);
        const diff = pixelDifference(ours, new Uint8Array(readFileSync(tmp.path(`ref-${i}.png`))));
        // ≤ 3 % of the page (see the README: anti-aliasing of 1-pt rules and substituted glyph shapes).
        expect(diff.ratio, `page ${i + 1}`).toBeLessThan(0.03);
      }
    });
  }

  it('tells pages apart: a different page scores far above the threshold', async () => {
    const pdf = pdfSample('ofdrw__Test.pdf');
    const r = await pdfToOfd(pdf, { pdfjs, documentParams: pdfJsAssetParams(), random: new SeededRandom(7) });
    const doc = OfdDocument.read(r.ofd);
    const ours = (await renderDisplayListPng(await new OfdRenderContext(doc).displayList(0), { dpi: 72, glyphs })).png;
    const file = tmp.path('t.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', '72', '-png', '-f', '2', '-l', '2', '-singlefile', file, tmp.path('other')]);
    expect(pixelDifference(ours, new Uint8Array(readFileSync(tmp.path('other.png')))).ratio).toBeGreaterThan(0.1);
  });

  it('converts back to a PDF whose text pdftotext still finds', async () => {
    const pdf = pdfSample('ofdrw__Test.pdf');
    const r = await pdfToOfd(pdf, { pdfjs, documentParams: pdfJsAssetParams(), random: new SeededRandom(7) });
    const back = await ofdToPdf(OfdDocument.read(r.ofd), { glyphs });
    const file = tmp.path('back.pdf');
    writeFileSync(file, back.pdf);
    writeFileSync(tmp.path('orig.pdf'), pdf);
    execFileSync('qpdf', ['--check', file]);
    expect(squash(execFileSync('pdftotext', ['-raw', file, '-']).toString())).toBe(squash(execFileSync('pdftotext', ['-raw', tmp.path('orig.pdf'), '-']).toString()));
  });
});
