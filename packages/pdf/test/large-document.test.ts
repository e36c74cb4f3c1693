// A generated 1,000-page, ~20 MB PDF: loading reads the xref only, pages are walked on demand, and an
// incremental update is appended without parsing the page contents.
import { afterAll, describe, expect, it } from 'vitest';
import { equalBytes } from '@openseal/kernel';
import { IncrementalWriter, PdfDict, PdfDocument, PdfStream, PdfString, dict, getPage, name, pageCount, ref } from '@openseal/pdf';
import { buildPdf } from './support/build-pdf.js';
import { pdfinfoPages, run, cleanupTempDirs, tempDir, writeTemp } from './support/samples.js';

afterAll(cleanupTempDirs);

const PAGES = 1000;

function makeLargePdf(): Uint8Array {
  const objects: (PdfDict | PdfStream)[] = [];
  objects.push(dict({ Type: name('Catalog'), Pages: ref(2) }));
  const kids = Array.from({ length: PAGES }, (_, i) => ref(3 + 2 * i));
  objects.push(dict({ Type: name('Pages'), Kids: kids, Count: PAGES, MediaBox: [0, 0, 595, 842] }));
  const line = new TextEncoder().encode('0 0 1 rg 10 10 100 100 re f\n'.repeat(700)); // ~20 KB per page
  for (let i = 0; i < PAGES; i++) {
    objects.push(dict({ Type: name('Page'), Parent: ref(2), Contents: ref(4 + 2 * i), ...(i % 2 ? { Rotate: 90 } : {}) }));
    objects.push(new PdfStream(new PdfDict(), line));
  }
  return buildPdf(objects);
}

describe('a 1,000-page document', () => {
  const bytes = makeLargePdf();

  it('loads lazily: only the xref and the catalog are read', () => {
    expect(bytes.length).toBeGreaterThan(19_000_000);
    const t0 = performance.now();
    const doc = PdfDocument.load(bytes);
    const loadMs = performance.now() - t0;
    expect(loadMs).toBeLessThan(1000);
    expect(doc.budget.spent).toBeLessThan(200_000); // bytes touched: the xref table, not the 20 MB of pages
    const t1 = performance.now();
    expect(pageCount(doc.latest)).toBe(PAGES);
    const walkMs = performance.now() - t1;
    expect(walkMs).toBeLessThan(1000);
    expect(doc.budget.spent).toBeLessThan(1_000_000);
    const p = getPage(doc.latest, 999);
    expect(p.mediaBox).toEqual([0, 0, 595, 842]); // inherited from the Pages node
    expect(p.rotate).toBe(90);
    const content = doc.latest.streamData(doc.resolve(getPage(doc.latest, 500).dict.get('Contents')) as PdfStream);
    expect(content.length).toBe(28 * 700);
    console.info(`1,000 pages, ${(bytes.length / 1e6).toFixed(1)} MB: load ${loadMs.toFixed(1)} ms, page walk ${walkMs.toFixed(1)} ms`);
  });

  it('appends an update quickly, and qpdf and pdfinfo accept the result', () => {
    const doc = PdfDocument.load(bytes);
    const t0 = performance.now();
    const w = new IncrementalWriter(doc);
    const r = w.add(dict({ Note: PdfString.fromText('appended to a large file') }));
    const update = w.write();
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(500);
    expect(update.appended.length).toBeLessThan(1000);
    const out = update.toBytes();
    expect(equalBytes(out.subarray(0, bytes.length), bytes)).toBe(true);
    expect(((PdfDocument.load(out).getObject(r) as PdfDict).get('Note') as PdfString).text).toBe('appended to a large file');
    const path = writeTemp(tempDir(), 'large.pdf', out);
    expect(run('qpdf', ['--check', path]).status).toBe(0);
    expect(pdfinfoPages(path)).toBe(PAGES);
    console.info(`append to the 1,000-page file: ${ms.toFixed(1)} ms, ${update.appended.length} bytes`);
  });
});
