import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePng } from '@openseal/images';
import { listPages, PdfDocument } from '@openseal/pdf';
import { afterAll, describe, expect, it } from 'vitest';
import { breakLines, imageToPdf, insertRedHeader, officialTemplate, placeLine, renderPdf, shapeText, textOps, type LaidOutPage, type ShapedChar } from '../src/index.js';
import { bands, isDark, isRed, renderPages, type Raster } from './support/render-page.js';
import { testFonts } from './support/test-fonts.js';

const fonts = testFonts();
const tmp = mkdtempSync(join(tmpdir(), 'openseal-layout-img-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const text = (pdf: Uint8Array) => {
  const p = join(tmp, `t${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(p, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', p, '-'], { encoding: 'utf8' });
};

/** A minimal uncompressed multi-page TIFF (TIFF 6.0: II, one strip per page, 8-bit grey, 300 dpi). */
function tiff(pages: { w: number; h: number; grey: (x: number, y: number) => number }[]): Uint8Array {
  const parts: number[] = [0x49, 0x49, 42, 0, 0, 0, 0, 0];
  const u16 = (at: number, v: number) => { parts[at] = v & 255; parts[at + 1] = v >> 8; };
  const u32 = (at: number, v: number) => { for (let i = 0; i < 4; i++) parts[at + i] = (v >>> (8 * i)) & 255; };
  let prevNext = 4;
  for (const p of pages) {
    const data = parts.length;
    for (let y = 0; y < p.h; y++) for (let x = 0; x < p.w; x++) parts.push(p.grey(x, y));
    const res = parts.length;
    parts.push(...[300 & 255, 300 >> 8, 0, 0, 1, 0, 0, 0]);
    if (parts.length % 2) parts.push(0);
    const ifd = parts.length;
    u32(prevNext, ifd);
    const entries: [number, number, number, number][] = [[256, 3, 1, p.w], [257, 3, 1, p.h], [258, 3, 1, 8], [259, 3, 1, 1], [262, 3, 1, 1], [273, 4, 1, data], [277, 3, 1, 1], [278, 3, 1, p.h], [279, 4, 1, p.w * p.h], [282, 5, 1, res], [283, 5, 1, res], [296, 3, 1, 2]];
    parts.length += 2 + entries.length * 12 + 4;
    u16(ifd, entries.length);
    entries.forEach(([tag, type, count, value], i) => {
      const at = ifd + 2 + i * 12;
      u16(at, tag); u16(at + 2, type); u32(at + 4, count);
      if (type === 3) { u16(at + 8, value); u16(at + 10, 0); } else u32(at + 8, value);
    });
    prevNext = ifd + 2 + entries.length * 12;
    u32(prevNext, 0);
  }
  return Uint8Array.from(parts, (v) => v ?? 0);
}

describe('imageToPdf', () => {
  it('makes one page per TIFF page, sized from the resolution, black-and-white kept as 1-bit', () => {
    const page = { w: 300, h: 150, grey: (x: number) => (x < 150 ? 0 : 255) };
    const pdf = imageToPdf(tiff([page, page]));
    const doc = PdfDocument.load(pdf);
    const pages = listPages(doc.latest);
    expect(pages.length).toBe(2);
    // 300 × 150 px at 300 dpi = 1 × 0.5 inch = 72 × 36 pt.
    expect(pages[0]?.mediaBox).toEqual([0, 0, 72, 36]);
    expect(new TextDecoder('latin1').decode(pdf)).toMatch(/\/BitsPerComponent 1/);
    const r = renderPages(pdf)[0] as Raster;
    expect(isDark(r, 20, 50)).toBe(true);
    expect(isDark(r, 200, 50)).toBe(false);
  });

  it('fits a PNG without a resolution to A4 and keeps its transparency as a soft mask', () => {
    const w = 40, h = 20;
    const rgba = new Uint8Array(w * h * 4).map((_, i) => (i % 4 === 3 ? (i < w * h * 2 ? 255 : 0) : i % 4 === 0 ? 255 : 0));
    const pdf = imageToPdf(encodePng(rgba, w, h));
    const box = listPages(PdfDocument.load(pdf).latest)[0]?.mediaBox as readonly number[];
    expect(Math.round(box[2] as number)).toBe(842); // landscape A4
    expect(new TextDecoder('latin1').decode(pdf)).toMatch(/\/SMask \d+ 0 R/);
  });
});

describe('breakLines', () => {
  it('never starts a line with closing punctuation, nor ends one with an opening mark', () => {
    const chars = shapeText('甲乙丙丁戊己庚，辛壬癸《子丑寅卯》辰巳午未申酉戌亥。', [fonts.fangsong], 5.644, { cell: 5.644 });
    for (const width of [5, 6, 7, 8, 9, 10].map((n) => n * 5.644)) {
      const lines = breakLines(chars, width, width);
      for (const l of lines.slice(1)) expect('，。、；：？！）》」』】〕'.includes(l.chars[0]?.ch ?? '')).toBe(false);
      for (const l of lines) expect('（《「『【〔'.includes(l.chars[l.chars.length - 1]?.ch ?? '')).toBe(false);
      expect(lines.flatMap((l) => l.chars.map((c) => c.ch)).join('')).toBe(chars.map((c) => c.ch).join(''));
    }
  });
});

describe('insertRedHeader', () => {
  // A one-page "converted" document whose text fills the type area from 37 to 262 mm, and a second page.
  const lines = Array.from({ length: 22 }, (_, i) => `第${i + 1}行正文内容`);
  const page = (top: number, label: string): LaidOutPage => ({
    widthMm: 210, heightMm: 297,
    ops: lines.map((l, i) => {
      const chars: ShapedChar[] = shapeText(`${label}${l}`, [fonts.fangsong], 5.644);
      return textOps(chars, placeLine(chars, 28, 0, false), top + 9 + i * 10.227, 5.644, [0, 0, 0]);
    }).flat(),
  });
  const source = renderPdf([page(37, '甲'), page(37, '乙')]);
  const template = officialTemplate({ organisations: ['某某市人民政府'] });
  const result = insertRedHeader(source, template, fonts, { fields: { documentNumber: '某府发〔2026〕3号' } });

  it('writes a new file with the header on page 1 and the author’s text below it, nothing off the page', () => {
    expect(result.pdf.subarray(0, source.length)).not.toEqual(source);
    const [p1, p2] = renderPages(result.pdf) as [Raster, Raster];
    expect(Math.abs((bands(p1, isRed, 40, 100, 0, 210, 3)[0] as { top: number }).top - 72)).toBeLessThanOrEqual(1);
    const red = bands(p1, isRed, 80, 140, 0, 210, 1400)[0] as { top: number; bottom: number };
    const body = bands(p1, isDark, red.bottom + 1, 297);
    expect((body[0] as { top: number }).top).toBeGreaterThan(red.bottom + 10);
    expect((body[body.length - 1] as { bottom: number }).bottom).toBeLessThanOrEqual(262 + 0.5);
    expect(result.placement.scale).toBeLessThan(1);
    expect(result.placement.scale).toBeGreaterThan(0.4);
    // Page 2 is untouched: its first line stays where it was.
    expect(Math.abs((bands(p2, isDark, 0, 297)[0] as { top: number }).top - (bands(renderPages(source)[1] as Raster, isDark, 0, 297)[0] as { top: number }).top)).toBeLessThan(0.2);
  });

  it('keeps every line of the original text (searchable) and adds the header text', () => {
    const t = text(result.pdf).replace(/\s+/g, '');
    for (const l of lines) expect(t).toContain(`甲${l}`);
    expect(t).toContain('某某市人民政府文件');
    expect(t).toContain('某府发〔2026〕3号');
  });

  it('only moves content that sits high enough to collide with the header', () => {
    const low = renderPdf([{ ...page(160, '丙'), ops: page(160, '丙').ops.slice(0, 8) }]);
    const r = insertRedHeader(low, template, fonts);
    expect(r.placement.scale).toBe(1);
    expect(r.placement.newTopMm).toBeCloseTo(r.placement.contentTopMm, 5);
  });
});
