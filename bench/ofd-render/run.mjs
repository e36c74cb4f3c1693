// `node bench/ofd-render/run.mjs` (after the build): OFD rendering and conversion rates beside pdf.js
// rendering the equivalent PDF, in one run. Inputs are made here: an official-document-like page (red
// masthead, 30 lines of CJK body text in an embedded TrueType subset, a table, a PNG logo) × 3 and × 300.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { SeededRandom } from '@openseal/kernel';
import { OfdBuilder, OfdDocument } from '@openseal/ofd';
import { parseFontFile, subsetTrueType } from '@openseal/fonts';
import { encodePng } from '@openseal/images';
import { GlyphResolver, OfdRenderContext, displayListToSvg, ofdToPdf, pdfToOfd } from '@openseal/ofd-render';
import { loadPdfJs, openPdfJs, pdfJsAssetParams, renderDisplayListPng, renderPdfPagePng, systemFontLoader } from '@openseal/raster';

const DPI = Number(process.env.BENCH_DPI ?? 96);
const MAX_RASTER_PAGES = Number(process.env.BENCH_MAX_RASTER_PAGES ?? 60);
const FONT = process.env.BENCH_FONT ?? '/usr/share/fonts/truetype/arphic/uming.ttc';
const BODY = '根据国务院办公厅关于进一步做好电子印章推广应用工作的通知要求现将有关事项通知如下请各单位结合实际认真贯彻落实';

function makeOfd(pages) {
  const font = parseFontFile(new Uint8Array(readFileSync(FONT)));
  const gids = new Set([...('关于印发电子公文格式规范的通知' + BODY + '一二三四五六七八九十')].map((c) => font.glyphIdForCodePoint(c.codePointAt(0))));
  const b = new OfdBuilder({ docInfo: { docId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', title: 'bench' } });
  const song = b.addFont({ fontName: '宋体', familyName: 'AR PL UMing CN', file: { bytes: subsetTrueType(font, gids), fileName: 'song.ttf' } });
  const rgba = new Uint8Array(64 * 64 * 4).map((_, i) => (i % 4 === 0 || i % 4 === 3 ? 255 : (i * 7) % 256));
  const logo = b.addImage({ bytes: encodePng(rgba, 64, 64) });
  for (let p = 0; p < pages; p++) {
    const page = b.addPage();
    page.text({ text: '关于印发电子公文格式规范的通知', font: song, size: 7.761, x: 35, y: 45, fill: { rgb: [238, 32, 37] } });
    page.path({ commands: [{ op: 'M', x: 26, y: 52 }, { op: 'L', x: 184, y: 52 }], stroke: { color: { rgb: [238, 32, 37] }, width: 0.5 } });
    for (let l = 0; l < 30; l++) page.text({ text: BODY.slice(0, 28), font: song, size: 5.644, x: 28, y: 70 + l * 7 });
    for (let r = 0; r <= 4; r++) page.path({ commands: [{ op: 'M', x: 28, y: 285 - r * 2 }, { op: 'L', x: 180, y: 285 - r * 2 }], stroke: { width: 0.2 } });
    page.image({ resource: logo, x: 160, y: 20, width: 20, height: 20 });
  }
  return b.toBytes();
}

/** CPU seconds (user + system, all threads), as other helpers share this machine's 2 cores. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function timed(fn) {
  const t0 = cpuSeconds();
  const n = await fn();
  return { n, seconds: cpuSeconds() - t0 };
}

const rate = ({ n, seconds }) => (n / seconds).toFixed(1);

async function main() {
  const pdfjs = await loadPdfJs();
  const glyphs = new GlyphResolver({ loadSubstitute: systemFontLoader() });
  const rows = [];
  for (const pages of [3, 300]) {
    const ofdBytes = makeOfd(pages);
    const doc = OfdDocument.read(ofdBytes);
    const rasterPages = Math.min(pages, MAX_RASTER_PAGES);
    const toPdf = await timed(async () => (await ofdToPdf(OfdDocument.read(ofdBytes), { glyphs })).pageCount);
    const pdfBytes = (await ofdToPdf(doc, { glyphs })).pdf;
    const svg = await timed(async () => {
      const ctx = new OfdRenderContext(OfdDocument.read(ofdBytes));
      for (let i = 0; i < pages; i++) displayListToSvg(await ctx.displayList(i));
      return pages;
    });
    const png = await timed(async () => {
      const ctx = new OfdRenderContext(OfdDocument.read(ofdBytes));
      for (let i = 0; i < rasterPages; i++) await renderDisplayListPng(await ctx.displayList(i), { dpi: DPI, glyphs });
      return rasterPages;
    });
    const pdfPng = await timed(async () => {
      const d = await openPdfJs(pdfBytes);
      for (let i = 0; i < rasterPages; i++) await renderPdfPagePng(d, i, DPI);
      await d.destroy();
      return rasterPages;
    });
    const toOfd = await timed(async () => (await pdfToOfd(pdfBytes, { pdfjs, documentParams: pdfJsAssetParams(), random: new SeededRandom(1) })).pageCount);
    rows.push({ pages, 'OFD→SVG p/s': rate(svg), [`OFD→PNG ${DPI}dpi p/s`]: rate(png), [`pdf.js PDF→PNG ${DPI}dpi p/s`]: rate(pdfPng), 'OFD→PDF p/s': rate(toPdf), 'PDF→OFD p/s': rate(toOfd), 'raster pages': rasterPages, 'OFD MB': (ofdBytes.length / 1e6).toFixed(2), 'PDF MB': (pdfBytes.length / 1e6).toFixed(2) });
  }
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; pages per CPU second, one process`);
  console.table(rows);
}

await main();
