// Keyword placement: text found by pdf.js, seal centred on it; checked against where the fixture
// generator drew the text, against poppler's word boxes, and by rendering.
import { readFileSync } from 'node:fs';
import { PdfDocument } from '@openseal/pdf';
import { describe, expect, it } from 'vitest';
import type { MmBox } from '../../src/appearance/page-frame.js';
import type { SealDesign } from '../../src/appearance/seal-design.js';
import { PdfjsTextSource } from '../../src/placement/pdfjs-text-source.js';
import { placeSealByKeyword } from '../../src/placement/place-seal-by-keyword.js';
import { RunTextLocator } from '../../src/placement/run-text-locator.js';
import { applyWidgets } from '../support/apply-widgets.js';
import { cjkFont } from '../support/cjk-font.js';
import { makeOfficialDocument } from '../support/official-document.js';
import { RedMask, pdftotextWords, pxPerMm, renderPage } from '../support/poppler.js';
import { vectorSeal } from '../support/seal-pictures.js';

const locator = new RunTextLocator(new PdfjsTextSource());
const design: SealDesign = { graphic: vectorSeal(), widthMm: 40 };
const centre = (b: MmBox): [number, number] => [b.x + b.width / 2, b.y + b.height / 2];

describe('placeSealByKeyword', () => {
  for (const rotate of [0, 90, 270] as const) {
    it(`centres the seal on the chosen occurrence of the organisation name (/Rotate ${rotate}, cropped)`, async () => {
      const doc = makeOfficialDocument({ font: cjkFont().font, rotate, cropMm: 4, boxOffset: [30, -12] });
      const view = PdfDocument.load(doc.pdf).latest;
      // Occurrences: masthead "…文件", the 署名, the 版记's "…办公室"; the second is the 署名.
      const all = await placeSealByKeyword(doc.pdf, view, design, { keyword: '某某市人民政府', locator, occurrence: 'all' });
      expect(all.matches.map((m) => m.pageIndex)).toEqual([0, 2, 2]);
      const placed = await placeSealByKeyword(doc.pdf, view, design, { keyword: '某某市人民政府', locator, occurrence: 1 });
      expect(placed.widgets).toHaveLength(1);
      const [sx, sy] = centre(placed.placements[0]?.box as MmBox);
      const [ex, ey] = centre(doc.layout.signature);
      expect(Math.abs(sx - ex)).toBeLessThan(1);
      expect(Math.abs(sy - ey)).toBeLessThan(1.5);
      const sealed = applyWidgets(doc.pdf, placed);
      const mask = RedMask.of(renderPage(sealed, 3, 72), renderPage(doc.pdf, 3, 72));
      const b = mask.bounds();
      const k = pxPerMm(72);
      expect(b).toBeDefined();
      expect(Math.abs(((b?.[0] ?? 0) + (b?.[2] ?? 0)) / 2 / k - ex)).toBeLessThan(1.5);
      expect(Math.abs(((b?.[1] ?? 0) + (b?.[3] ?? 0)) / 2 / k - ey)).toBeLessThan(2);
    });
  }

  it('applies an offset in mm as seen and can align on the end of the text', async () => {
    const doc = makeOfficialDocument({ font: cjkFont().font });
    const view = PdfDocument.load(doc.pdf).latest;
    const placed = await placeSealByKeyword(doc.pdf, view, design, { keyword: '2026年11月26日', locator, occurrence: 'first', align: 'end', offsetMm: { x: 10, y: -5 } });
    const d = doc.layout.date;
    const [sx, sy] = centre(placed.placements[0]?.box as MmBox);
    expect(Math.abs(sx - (d.x + d.width + 10))).toBeLessThan(1);
    expect(Math.abs(sy - (d.y + d.height / 2 - 5))).toBeLessThan(1.5);
  });

  it('places one widget per occurrence with occurrence "all" and honours the page range', async () => {
    const doc = makeOfficialDocument({ font: cjkFont().font });
    const view = PdfDocument.load(doc.pdf).latest;
    const placed = await placeSealByKeyword(doc.pdf, view, design, { keyword: '电子印章', locator, occurrence: 'all', pages: { from: 1, to: 1 } });
    expect(placed.widgets.length).toBeGreaterThan(1);
    expect(new Set(placed.widgets.map((w) => w.pageIndex))).toEqual(new Set([1]));
  });

  it('finds CJK text in ofdrw__Test.pdf where poppler sees it and seals over it', async () => {
    const pdf = new Uint8Array(readFileSync(new URL('../../../../../shared/samples/pdf/ofdrw__Test.pdf', import.meta.url)));
    const view = PdfDocument.load(pdf).latest;
    const placed = await placeSealByKeyword(pdf, view, design, { keyword: '下面是字体的测试', locator });
    expect(placed.matches[0]?.pageIndex).toBe(3);
    const { words } = pdftotextWords(pdf, 4);
    const w = words.find((x) => x.text.startsWith('下面是字体的测试'));
    expect(w).toBeDefined();
    // Poppler's word includes the full-width colon: 8 of its 9 em-wide glyphs are the keyword.
    const per = ((w?.xMax ?? 0) - (w?.xMin ?? 0)) / 9;
    const ex = ((w?.xMin ?? 0) + 4 * per) * (25.4 / 72);
    const ey = (((w?.yMin ?? 0) + (w?.yMax ?? 0)) / 2) * (25.4 / 72);
    const [sx, sy] = centre(placed.placements[0]?.box as MmBox);
    expect(Math.abs(sx - ex)).toBeLessThan(1);
    expect(Math.abs(sy - ey)).toBeLessThan(1);
    const sealed = applyWidgets(pdf, placed);
    expect(sealed.subarray(0, pdf.length)).toEqual(pdf);
    const mask = RedMask.of(renderPage(sealed, 4, 72), renderPage(pdf, 4, 72));
    const k = pxPerMm(72);
    expect(mask.count()).toBeGreaterThan(100);
    expect(mask.count((sx - 21) * k, (sy - 21) * k, (sx + 21) * k, (sy + 21) * k)).toBe(mask.count());
  });

  it('fails with SEAL_TEXT_NOT_FOUND when the keyword is absent', async () => {
    const doc = makeOfficialDocument({ font: cjkFont().font, pages: 1 });
    const view = PdfDocument.load(doc.pdf).latest;
    await expect(placeSealByKeyword(doc.pdf, view, design, { keyword: '（盖章）', locator })).rejects.toMatchObject({ code: 'SEAL_TEXT_NOT_FOUND' });
  });
});
