// GB/T 9704-2012 §7.3.5.1 default placement on generated official documents.
import { PdfDocument } from '@openseal/pdf';
import { describe, expect, it } from 'vitest';
import type { SealDesign } from '../../src/appearance/seal-design.js';
import { PdfjsTextSource } from '../../src/placement/pdfjs-text-source.js';
import { GBT9704_DATE_PATTERN, placeSealGbt9704 } from '../../src/placement/place-seal-gbt9704.js';
import { RunTextLocator } from '../../src/placement/run-text-locator.js';
import { applyWidgets } from '../support/apply-widgets.js';
import { cjkFont } from '../support/cjk-font.js';
import { makeOfficialDocument, type OfficialDocumentOptions } from '../support/official-document.js';
import { RedMask, pxPerMm, renderPage } from '../support/poppler.js';
import { vectorSeal } from '../support/seal-pictures.js';

const locator = new RunTextLocator(new PdfjsTextSource());
const design: SealDesign = { graphic: vectorSeal(), widthMm: 42 };

async function place(options: Partial<OfficialDocumentOptions> = {}) {
  const doc = makeOfficialDocument({ font: cjkFont().font, ...options });
  const view = PdfDocument.load(doc.pdf).latest;
  const placed = await placeSealGbt9704(doc.pdf, view, design, { locator });
  return { doc, placed };
}

describe('placeSealGbt9704', () => {
  it('centres the seal on the date, over the 署名, within one line below the body text', async () => {
    const { doc, placed } = await place();
    const a = placed.analysis;
    const { date, signature, lastBodyLine, lastPage } = doc.layout;
    expect(a.pageIndex).toBe(lastPage);
    expect(a.dateLine.text.replace(/\s/g, '')).toBe('2026年11月26日');
    expect(a.signatureLine?.text.replace(/\s/g, '')).toBe('某某市人民政府');
    expect(a.compliant).toBe(true);
    const cx = a.seal.x + a.seal.width / 2;
    const cy = a.seal.y + a.seal.height / 2;
    // Centred on the date (horizontally)…
    expect(Math.abs(cx - (date.x + date.width / 2))).toBeLessThan(1);
    // …with the 署名 and the date below the centre, both under the seal.
    expect(cy).toBeLessThan(signature.y + signature.height);
    expect(cy).toBeLessThan(date.y);
    expect(a.seal.y + a.seal.height).toBeGreaterThan(date.y + date.height);
    // §7.3.5.1: top edge within one line below the body, not over it.
    const gap = a.seal.y - (lastBodyLine.y + lastBodyLine.height);
    expect(gap).toBeGreaterThanOrEqual(-0.6);
    expect(gap).toBeLessThanOrEqual(doc.layout.linePitchMm + 0.6);
    expect(Math.abs(a.linePitchMm - doc.layout.linePitchMm)).toBeLessThan(0.3);
    // Rendered: the seal's red pixels sit where the analysis says.
    const sealed = applyWidgets(doc.pdf, placed);
    const mask = RedMask.of(renderPage(sealed, lastPage + 1, 72), renderPage(doc.pdf, lastPage + 1, 72));
    const b = mask.bounds();
    const k = pxPerMm(72);
    expect(b).toBeDefined();
    expect(Math.abs((b?.[0] ?? 0) / k - a.seal.x)).toBeLessThan(1);
    expect(Math.abs((b?.[1] ?? 0) / k - a.seal.y)).toBeLessThan(1);
  });

  it('moves the seal up to one line below the body when the 署名 sits far below it', async () => {
    const { doc, placed } = await place({ blankLinesBeforeSignature: 5 });
    const a = placed.analysis;
    const body = a.bodyLine?.box;
    expect(body).toBeDefined();
    // Measured with the font's own ascent/descent (pdf.js), within 1.5 mm of the generator's em box.
    expect(Math.abs((body?.y ?? 0) + (body?.height ?? 0) - (doc.layout.lastBodyLine.y + doc.layout.lastBodyLine.height))).toBeLessThan(1.5);
    expect(a.compliant).toBe(true);
    expect(Math.abs(a.seal.y - ((body?.y ?? 0) + (body?.height ?? 0)) - a.linePitchMm)).toBeLessThan(0.05);
    expect(a.seal.y + a.seal.height / 2).toBeLessThan(doc.layout.signature.y);
  });

  it('moves the seal down off the body text, keeping the 署名/date below its centre, and reports when it cannot', async () => {
    const { doc, placed } = await place({ blankLinesBeforeSignature: 0 });
    const a = placed.analysis;
    const { signature, date } = doc.layout;
    const cy = a.seal.y + a.seal.height / 2;
    expect(cy).toBeLessThanOrEqual((signature.y + date.y + date.height) / 2 + 0.6);
    // With no blank line a 42 mm seal cannot clear the body: the standard asks to adjust the spacing.
    expect(a.gapToBodyMm ?? 0).toBeLessThan(0);
    expect(a.compliant).toBe(false);
    expect(a.note).toContain('§7.3.5.1');
  });

  it('finds the date on the last page of a one-page and a ten-page document, ignoring the 印发 date', async () => {
    for (const pages of [1, 10]) {
      const { doc, placed } = await place({ pages, date: '2026年1月5日' });
      expect(placed.analysis.pageIndex).toBe(pages - 1);
      expect(placed.analysis.dateLine.text.replace(/\s/g, '')).toBe('2026年1月5日');
      expect(Math.abs(placed.analysis.dateLine.box.y - doc.layout.date.y)).toBeLessThan(1);
    }
  });

  it('finds the date before an attachment page', async () => {
    const { doc, placed } = await place({ attachment: true });
    expect(doc.layout.pageCount).toBe(4);
    expect(placed.analysis.pageIndex).toBe(2);
    expect(placed.analysis.compliant).toBe(true);
  });

  it('works on a rotated, cropped document', async () => {
    const { doc, placed } = await place({ rotate: 90, cropMm: 5, boxOffset: [12, 30] });
    const a = placed.analysis;
    expect(Math.abs(a.seal.x + a.seal.width / 2 - (doc.layout.date.x + doc.layout.date.width / 2))).toBeLessThan(1);
    expect(a.compliant).toBe(true);
  });

  it('accepts the standard date forms only as whole lines', () => {
    for (const ok of ['2012年7月1日', '2026年11月26日', '二〇二六年十一月二十六日']) expect(GBT9704_DATE_PATTERN.test(ok)).toBe(true);
    for (const no of ['2012年7月1日印发', '于2012年7月1日', '12年7月1日']) expect(GBT9704_DATE_PATTERN.test(no)).toBe(false);
  });

  it('fails with SEAL_TEXT_NOT_FOUND on a document without a date line', async () => {
    const { readFileSync } = await import('node:fs');
    const pdf = new Uint8Array(readFileSync(new URL('../../../../../shared/samples/pdf/pyHanko__minimal.pdf', import.meta.url)));
    await expect(placeSealGbt9704(pdf, PdfDocument.load(pdf).latest, design, { locator })).rejects.toMatchObject({ code: 'SEAL_TEXT_NOT_FOUND' });
  });
});
