// Seal appearances rendered by poppler (pdftoppm): position, true size, rotation, PNG/JPEG, CJK text.
import { PdfDocument } from '@openseal/pdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareSealImage } from '../../src/appearance/prepare-seal-image.js';
import type { SealDesign } from '../../src/appearance/seal-design.js';
import { prepareSealText } from '../../src/appearance/seal-text.js';
import { placeSealAt, placeSealOnPages } from '../../src/placement/place-seal-at.js';
import { applyWidgets } from '../support/apply-widgets.js';
import { cjkFont } from '../support/cjk-font.js';
import { makeOfficialDocument, type OfficialDocument } from '../support/official-document.js';
import { RedMask, pdffonts, pdftotext, pxPerMm, renderPage, renderPages } from '../support/poppler.js';
import { jpegSeal, pngSeal, vectorSeal } from '../support/seal-pictures.js';

const SIZE = 42;
// 'normal' blending: pixel checks must not depend on the text under the seal (multiply darkens it).
const designs: Record<string, () => SealDesign> = {
  vector: () => ({ graphic: vectorSeal(), widthMm: SIZE, blend: 'normal' }),
  png: () => ({ graphic: prepareSealImage(pngSeal(400)), widthMm: SIZE, blend: 'normal' }),
  jpeg: () => ({ graphic: prepareSealImage(jpegSeal(400)), widthMm: SIZE, blend: 'normal' }),
};

function sealAt(doc: OfficialDocument, design: SealDesign, pageIndex: number, xMm: number, yMm: number): Uint8Array {
  const view = PdfDocument.load(doc.pdf).latest;
  return applyWidgets(doc.pdf, placeSealAt(view, design, { pageIndex, xMm, yMm }));
}

/** Checks the seal's own red pixels lie in the expected box (mm, seen) and the marker shows top-left. */
function expectSealIn(mask: RedMask, dpi: number, box: { x: number; y: number; w: number; h: number }): void {
  const k = pxPerMm(dpi);
  const total = mask.count();
  const inside = mask.count(box.x * k - 1, box.y * k - 1, (box.x + box.w) * k + 1, (box.y + box.h) * k + 1);
  expect(total).toBeGreaterThan(100);
  expect(inside).toBe(total);
  // Orientation marker at 25 %/25 % of the picture; nothing at the mirrored spots.
  const at = (fx: number, fy: number): boolean => mask.at(Math.round((box.x + fx * box.w) * k), Math.round((box.y + fy * box.h) * k));
  expect(at(0.25, 0.25)).toBe(true);
  expect(at(0.75, 0.25)).toBe(false);
  expect(at(0.25, 0.75)).toBe(false);
}

describe('seal appearance rendered by pdftoppm', () => {
  let plain: OfficialDocument;
  beforeAll(() => {
    plain = makeOfficialDocument({ font: cjkFont().font });
  });

  for (const kind of Object.keys(designs)) {
    it(`puts a ${kind} seal at x/y mm from the top-left, upright, and nowhere else`, () => {
      const design = (designs[kind] as () => SealDesign)();
      const sealed = sealAt(plain, design, 1, 60, 80);
      expect(sealed.subarray(0, plain.pdf.length)).toEqual(plain.pdf);
      const mask = RedMask.of(renderPage(sealed, 2, 72), renderPage(plain.pdf, 2, 72));
      expectSealIn(mask, 72, { x: 60, y: 80, w: SIZE, h: SIZE });
    });
  }

  it('prints a 42 mm seal 42 mm wide and high (within 0.5 mm at 300 dpi)', () => {
    for (const kind of ['vector', 'png'] as const) {
      const sealed = sealAt(plain, (designs[kind] as () => SealDesign)(), 2, 100, 150);
      const mask = RedMask.of(renderPage(sealed, 3, 300), renderPage(plain.pdf, 3, 300));
      const b = mask.bounds();
      expect(b).toBeDefined();
      if (!b) return;
      const k = pxPerMm(300);
      expect(Math.abs((b[2] - b[0]) / k - SIZE)).toBeLessThan(0.5);
      expect(Math.abs((b[3] - b[1]) / k - SIZE)).toBeLessThan(0.5);
      expect(Math.abs(b[0] / k - 100)).toBeLessThan(0.5);
      expect(Math.abs(b[1] / k - 150)).toBeLessThan(0.5);
    }
  });

  for (const rotate of [90, 180, 270] as const) {
    it(`places and keeps the seal upright on a page with /Rotate ${rotate}, a crop box and an offset media box`, () => {
      const doc = makeOfficialDocument({ font: cjkFont().font, rotate, cropMm: 6, boxOffset: [-40, 25] });
      const sealed = sealAt(doc, designs['vector']?.() as SealDesign, 0, 30, 150);
      const page = renderPage(sealed, 1, 72);
      // Poppler shows the crop box turned by /Rotate: A4 less 12 mm, portrait as the text reads.
      expect(Math.abs(page.width / pxPerMm(72) - 198)).toBeLessThan(1);
      expect(Math.abs(page.height / pxPerMm(72) - 285)).toBeLessThan(1);
      expectSealIn(RedMask.of(page, renderPage(doc.pdf, 1, 72)), 72, { x: 30, y: 150, w: SIZE, h: SIZE });
    });
  }

  it('puts the same seal on every page of a selection', () => {
    const view = PdfDocument.load(plain.pdf).latest;
    const placed = placeSealOnPages(view, designs['vector']?.() as SealDesign, { pages: { from: 1 }, xMm: 140, yMm: 200 });
    expect(placed.widgets.map((w) => w.pageIndex)).toEqual([1, 2]);
    const sealed = applyWidgets(plain.pdf, placed);
    const [p1, p2, p3] = renderPages(sealed, { first: 1, last: 3, dpi: 72 });
    const [o1, o2, o3] = renderPages(plain.pdf, { first: 1, last: 3, dpi: 72 });
    expect(RedMask.of(p1!, o1).count()).toBe(0);
    for (const [s, o] of [[p2!, o2!], [p3!, o3!]] as const) expectSealIn(RedMask.of(s, o), 72, { x: 140, y: 200, w: SIZE, h: SIZE });
  });

  it('shows CJK text under the seal in an embedded CID TrueType subset that extracts as text', () => {
    const { font } = cjkFont();
    const text = prepareSealText({ font, lines: ['签章人：张三', '2026年11月26日'], sizePt: 10 });
    const design: SealDesign = { graphic: vectorSeal(), widthMm: SIZE, text };
    const sealed = sealAt(plain, design, 2, 100, 150);
    const extracted = pdftotext(sealed, 3, 3);
    expect(extracted).toContain('签章人：张三');
    expect(extracted).toContain('2026年11月26日');
    const fonts = pdffonts(sealed);
    expect(fonts).toHaveLength(2); // the fixture's body font and the seal text's
    for (const f of fonts) {
      expect(f).toMatchObject({ type: 'CID TrueType', encoding: 'Identity-H', embedded: true, subset: true, unicode: true });
    }
    // The text is drawn (dark pixels) in the band under the picture, not as missing-glyph boxes.
    const page = renderPage(sealed, 3, 150);
    const k = pxPerMm(150);
    let dark = 0;
    for (let y = Math.round(193 * k); y < Math.round(203 * k); y++) for (let x = Math.round(100 * k); x < Math.round(142 * k); x++) {
      const [r, g, b] = page.rgb(x, y);
      if (r < 100 && g < 100 && b < 100) dark++;
    }
    expect(dark).toBeGreaterThan(200);
  });

  it('lets the text under a seal show through by default (multiply), as under real ink', () => {
    // The 署名 and date under a GB/T 9704 seal must stay legible: count dark pixels in the date's box.
    const { date, lastPage } = plain.layout;
    const at = { pageIndex: lastPage, xMm: date.x - 2, yMm: date.y - 30 };
    const view = PdfDocument.load(plain.pdf).latest;
    const filled = { graphic: { kind: 'vector', width: 10, height: 10, shapes: [{ type: 'circle', cx: 5, cy: 5, r: 5, fill: '#ff0000' }] }, widthMm: 50 } as const;
    const dark = (pdf: Uint8Array): number => {
      const page = renderPage(pdf, lastPage + 1, 150);
      const k = pxPerMm(150);
      let n = 0;
      for (let y = Math.round(date.y * k); y < Math.round((date.y + date.height) * k); y++) for (let x = Math.round(date.x * k); x < Math.round((date.x + date.width) * k); x++) {
        const [r, g, b] = page.rgb(x, y);
        if (r < 90 && g < 90 && b < 90) n++;
      }
      return n;
    };
    const before = dark(plain.pdf);
    const multiplied = dark(applyWidgets(plain.pdf, placeSealAt(view, filled, at)));
    const painted = dark(applyWidgets(plain.pdf, placeSealAt(view, { ...filled, blend: 'normal' }, at)));
    expect(before).toBeGreaterThan(100);
    expect(multiplied).toBeGreaterThan(before * 0.9);
    expect(painted).toBeLessThan(before * 0.1);
  });

  it('refuses text the font cannot show instead of printing boxes', () => {
    const { font } = cjkFont();
    expect(() => prepareSealText({ font, lines: ['印章 \u{1F600}'] })).toThrow(expect.objectContaining({ code: 'SEAL_FONT_MISSING_GLYPHS' }));
  });
});
