// The generated round seal: ring, star and the organisation name drawn from glyph outlines.
import { PdfDocument } from '@openseal/pdf';
import { describe, expect, it } from 'vitest';
import { roundSealDrawing } from '../../src/appearance/round-seal-drawing.js';
import { placeSealAt } from '../../src/placement/place-seal-at.js';
import { applyWidgets } from '../support/apply-widgets.js';
import { cjkFont } from '../support/cjk-font.js';
import { makeOfficialDocument } from '../support/official-document.js';
import { RedMask, pxPerMm, renderPage } from '../support/poppler.js';

const doc = makeOfficialDocument({ font: cjkFont().font, pages: 2 });
const X = 60, Y = 170, SIZE = 42; // an empty area of the last page, above the 版记

function render(graphic: ReturnType<typeof roundSealDrawing>): RedMask {
  const view = PdfDocument.load(doc.pdf).latest;
  const sealed = applyWidgets(doc.pdf, placeSealAt(view, { graphic, widthMm: SIZE, blend: 'normal' }, { pageIndex: 1, xMm: X, yMm: Y }));
  return RedMask.of(renderPage(sealed, 2, 150), renderPage(doc.pdf, 2, 150));
}

describe('roundSealDrawing', () => {
  it('draws the ring and star without a font', () => {
    const mask = render(roundSealDrawing());
    const k = pxPerMm(150);
    const b = mask.bounds();
    expect(b).toBeDefined();
    expect(Math.abs(((b?.[2] ?? 0) - (b?.[0] ?? 0)) / k - SIZE)).toBeLessThan(0.5);
    expect(mask.at(Math.round((X + SIZE / 2) * k), Math.round((Y + SIZE / 2) * k))).toBe(true); // star centre
  });

  it('runs the name along the upper rim and a purpose line under the star, in outlines', () => {
    const font = cjkFont().font;
    const plain = render(roundSealDrawing());
    const named = render(roundSealDrawing({ font, name: '某某市科技发展有限公司', purpose: '合同专用章' }));
    const k = pxPerMm(150);
    // Name band: a ring of radius ≈ 36 % of the size around the centre, upper part.
    const cx = (X + SIZE / 2) * k, cy = (Y + SIZE / 2) * k, r = 0.36 * SIZE * k;
    const band = (m: RedMask): number => m.count(cx - r / 2, cy - r - 10, cx + r / 2, cy - r + 10);
    expect(band(plain)).toBe(0);
    expect(band(named)).toBeGreaterThan(300);
    // Purpose line at 76 % down.
    const py = (Y + 0.76 * SIZE) * k;
    const line = (m: RedMask): number => m.count(cx - 0.3 * SIZE * k, py - 2.5 * k, cx + 0.3 * SIZE * k, py + 2.5 * k);
    expect(line(named)).toBeGreaterThan(line(plain) + 200);
    // Nothing outside the seal's box.
    expect(named.count() - named.count(X * k - 2, Y * k - 2, (X + SIZE) * k + 2, (Y + SIZE) * k + 2)).toBe(0);
  });

  it('refuses characters the font lacks and text without a font', () => {
    expect(() => roundSealDrawing({ font: cjkFont().font, name: '印章\u{1F600}' })).toThrow(expect.objectContaining({ code: 'SEAL_FONT_MISSING_GLYPHS' }));
    expect(() => roundSealDrawing({ name: '某某公司' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
