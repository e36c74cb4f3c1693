// Riding-seam seal (骑缝章): strips at the right edges of the pages, rendered at 300 dpi and put side by
// side in page order, must reproduce the whole seal rendered in one piece.
import { PdfDocument } from '@openseal/pdf';
import { describe, expect, it } from 'vitest';
import { prepareSealImage } from '../../src/appearance/prepare-seal-image.js';
import type { SealDesign } from '../../src/appearance/seal-design.js';
import { placeSealAt } from '../../src/placement/place-seal-at.js';
import { placeRidingSeam } from '../../src/placement/place-riding-seam.js';
import { applyWidgets } from '../support/apply-widgets.js';
import { cjkFont } from '../support/cjk-font.js';
import { makeOfficialDocument } from '../support/official-document.js';
import { RedMask, pxPerMm, renderPages } from '../support/poppler.js';
import { pngSeal, vectorSeal } from '../support/seal-pictures.js';

const DPI = 300;
// Designs use 'normal' blending so that the text under each strip cannot change its pixels.
const k = pxPerMm(DPI);
const SIZE = 42;
const Y = 150; // seal centre, mm from the top

/** Red pixels of the seal, as a set of "x,y" in seal-relative pixels, gathered over pages. */
function collect(pdf: Uint8Array, original: Uint8Array, pages: number, pageWidthMm: number, place: (page: number) => number): Set<string> {
  const window = { x: Math.floor((pageWidthMm - SIZE) * k) - 2, y: Math.floor((Y - SIZE / 2) * k) - 2, w: Math.ceil(SIZE * k) + 4, h: Math.ceil(SIZE * k) + 4 };
  const sealed = renderPages(pdf, { first: 1, last: pages, dpi: DPI, crop: window });
  const plain = renderPages(original, { first: 1, last: pages, dpi: DPI, crop: window });
  const out = new Set<string>();
  sealed.forEach((r, i) => {
    const mask = RedMask.of(r, plain[i]);
    const shift = place(i);
    for (let y = 0; y < mask.height; y++) for (let x = 0; x < mask.width; x++) if (mask.at(x, y)) out.add(`${Math.round(x + window.x - (pageWidthMm - SIZE) * k + shift)},${y}`);
  });
  return out;
}

const near = (set: Set<string>, key: string, dx: number, dy: number): boolean => {
  const [x, y] = key.split(',').map(Number) as [number, number];
  for (let i = -dx; i <= dx; i++) for (let j = -dy; j <= dy; j++) if (set.has(`${x + i},${y + j}`)) return true;
  return false;
};

/** The strips put side by side equal the seal rendered whole (1 px tolerance for anti-aliased strip edges). */
function expectWholeSeal(union: Set<string>, doc: { pdf: Uint8Array }, design: SealDesign): void {
  const view = PdfDocument.load(doc.pdf).latest;
  const whole = applyWidgets(doc.pdf, placeSealAt(view, design, { pageIndex: 0, xMm: 210 - SIZE, yMm: Y - SIZE / 2 }));
  const reference = collect(whole, doc.pdf, 1, 210, () => 0);
  expect(reference.size).toBeGreaterThan(10_000);
  let precise = 0;
  for (const key of union) if (near(reference, key, 1, 1)) precise++;
  let recalled = 0;
  for (const key of reference) if (near(union, key, 1, 0)) recalled++;
  expect(precise / union.size).toBeGreaterThan(0.99);
  expect(recalled / reference.size).toBeGreaterThan(0.99);
}

describe('placeRidingSeam', () => {
  for (const [pages, kind] of [[1, 'png'], [2, 'vector'], [50, 'png']] as const) {
    it(`splits one seal over ${pages} page(s) (${kind}) whose strips add up to the whole seal`, () => {
      const doc = makeOfficialDocument({ font: cjkFont().font, pages });
      const design: SealDesign = { graphic: kind === 'png' ? prepareSealImage(pngSeal(500)) : vectorSeal(), widthMm: SIZE, blend: 'normal' };
      const view = PdfDocument.load(doc.pdf).latest;
      const seam = placeRidingSeam(view, design, { yMm: Y });
      const strip = SIZE / pages;
      expect(seam.widgets.map((w) => w.pageIndex)).toEqual(Array.from({ length: pages }, (_, i) => i));
      for (const p of seam.placements) {
        expect(p.box.width).toBeCloseTo(strip, 9);
        expect(p.box.x + p.box.width).toBeCloseTo(210, 6); // flush with the right edge
        expect(p.box.y).toBeCloseTo(Y - SIZE / 2, 9);
      }
      const sealed = applyWidgets(doc.pdf, seam);
      const appended = new TextDecoder('latin1').decode(sealed.subarray(doc.pdf.length));
      if (kind === 'png') expect(appended.match(/\/Subtype \/Image/g)).toHaveLength(2); // one image + its soft mask, shared
      else expect(appended.match(/\/Subtype \/Form/g)).toHaveLength(pages + 1); // one strip form each + the shared drawing
      // First page carries the leftmost strip: page i's strip sits at i·strip within the seal.
      const union = collect(sealed, doc.pdf, pages, 210, (i) => -(SIZE - strip) * k + i * strip * k);
      expectWholeSeal(union, doc, design);
    });
  }

  it('reverses the strip order on request and limits itself to a page range', () => {
    const doc = makeOfficialDocument({ font: cjkFont().font, pages: 4 });
    const view = PdfDocument.load(doc.pdf).latest;
    const design: SealDesign = { graphic: vectorSeal(), widthMm: SIZE, blend: 'normal' };
    const seam = placeRidingSeam(view, design, { pages: { from: 1, to: 2 }, order: 'first-right', yMm: Y });
    expect(seam.widgets.map((w) => w.pageIndex)).toEqual([1, 2]);
    const sealed = applyWidgets(doc.pdf, seam);
    // Page 2 (index 1) shows the right half, page 3 the left half; pages 1 and 4 nothing (NaN keys fail).
    const half = (SIZE / 2) * k;
    const union = collect(sealed, doc.pdf, 4, 210, (i) => (i === 1 ? 0 : i === 2 ? -half : NaN));
    expectWholeSeal(union, doc, design);
    expect(placeRidingSeam(view, design).placements[0]?.box.y).toBeCloseTo(297 / 2 - SIZE / 2, 6); // default: mid-page
  });
});
