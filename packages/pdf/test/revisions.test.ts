// Incremental updates already in a file: generation numbers, freed objects, per-revision views and diffs,
// and linearized files (the first-page section belongs to the original revision).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError, equalBytes } from '@openseal/kernel';
import { IncrementalWriter, PdfDocument, PdfString, deepClone, diffRevision, pageCount, ref, type PdfDict } from '@openseal/pdf';
import { CATALOG, PAGE, PAGES_ONE, latin1Bytes, rawPdf } from './support/raw-pdf.js';
import { pdfinfoPages, run, samplePath, cleanupTempDirs, tempDir, writeTemp } from './support/samples.js';

afterAll(cleanupTempDirs);

/** Revision 1 frees object 4 and writes object 5 with generation 1. */
function twoRevisions(): Uint8Array {
  const base = rawPdf([CATALOG, PAGES_ONE, PAGE, '(doomed)', '(gen zero)']);
  let text = base.text;
  const o5 = text.length;
  text += '5 1 obj\n(gen one)\nendobj\n';
  const xref = text.length;
  text += `xref\n0 1\n0000000004 65535 f\r\n4 2\n0000000000 00001 f\r\n${String(o5).padStart(10, '0')} 00001 n\r\n`;
  text += `trailer\n<</Size 6/Root 1 0 R/Prev ${base.xrefOffset}>>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1Bytes(text);
}

describe('revisions already in a file', () => {
  it('honours generation numbers and free entries, per revision', () => {
    const doc = PdfDocument.load(twoRevisions());
    expect(doc.revisions.length).toBe(2);
    expect(doc.getObject(ref(5, 1))).toEqual(PdfString.fromText('gen one'));
    expect(doc.getObject(ref(5, 0))).toBe(null); // §7.3.10: no such object (generation differs)
    expect(doc.getObject(4)).toBe(null);
    expect((doc.revision(0).getObject(ref(4)) as PdfString).text).toBe('doomed');
    expect((doc.revision(0).getObject(ref(5)) as PdfString).text).toBe('gen zero');
    const changes = diffRevision(doc, 1);
    expect(changes.map((c) => [c.num, c.kind])).toEqual([
      [4, 'deleted'],
      [5, 'changed'],
    ]);
    expect((changes[1]!.valueBefore() as PdfString).text).toBe('gen zero');
    expect((changes[1]!.valueAfter() as PdfString).text).toBe('gen one');
    expect(diffRevision(doc, 0).length).toBe(5);
  });

  it('hands out frozen objects (shared by all revision views) and editable copies', () => {
    const doc = PdfDocument.load(twoRevisions());
    expect(() => doc.catalog.set('X', 1)).toThrow(TypeError);
    const pages = doc.getObject(2) as PdfDict;
    expect(() => (pages.get('Kids') as unknown[]).push(1)).toThrow(TypeError);
    const copy = deepClone(pages);
    (copy.get('Kids') as unknown[]).push(ref(9));
    copy.set('Count', 2);
    expect((doc.getObject(2) as PdfDict).get('Count')).toBe(1);
    expect(doc.catalog.clone().set('X', 1).get('X')).toBe(1);
  });

  it('rewrites an object under its current generation only', () => {
    const doc = PdfDocument.load(twoRevisions());
    const w = new IncrementalWriter(doc);
    expect(() => w.set(ref(5, 0), 1)).toThrow(InvalidArgumentError);
    expect(() => w.set(ref(99, 0), 1)).toThrow(InvalidArgumentError);
    w.set(ref(5, 1), PdfString.fromText('gen one, edited'));
    const out = w.write().toBytes();
    const again = PdfDocument.load(out);
    expect((again.getObject(ref(5, 1)) as PdfString).text).toBe('gen one, edited');
    const path = writeTemp(tempDir(), 'gen.pdf', out);
    expect(run('qpdf', ['--check', path]).status).toBe(0);
    expect(run('qpdf', ['--show-object=5,1', path]).stdout.trim()).toBe('(gen one, edited)');
  });

  it('reads a linearized file as one revision and appends to it', () => {
    const dir = tempDir();
    const lin = `${dir}/linearized.pdf`;
    expect(run('qpdf', ['--linearize', samplePath('ofdrw__Test.pdf'), lin]).status).toBe(0);
    const bytes = new Uint8Array(readFileSync(lin));
    const doc = PdfDocument.load(bytes);
    expect(doc.revisions.length).toBe(1);
    expect(doc.revisions[0]!.sections.length).toBe(2);
    expect(doc.revisions[0]!.end).toBe(bytes.length);
    expect(pageCount(doc.latest)).toBe(5);
    const w = new IncrementalWriter(doc);
    const catalog = doc.catalog.clone();
    catalog.set('Lang', PdfString.fromText('zh'));
    w.set(doc.trailer.get('Root') as ReturnType<typeof ref>, catalog);
    const out = w.write().toBytes();
    expect(equalBytes(out.subarray(0, bytes.length), bytes)).toBe(true);
    const again = PdfDocument.load(out);
    expect(again.revisions.length).toBe(2);
    expect((again.catalog.get('Lang') as PdfString).text).toBe('zh');
    expect((again.revision(0).catalog as PdfDict).has('Lang')).toBe(false);
    const path = writeTemp(dir, 'linearized-updated.pdf', out);
    // qpdf now calls the file "not linearized" (an update ends linearization) and finds no errors.
    expect(run('qpdf', ['--check', path]).status).toBe(0);
    expect(pdfinfoPages(path)).toBe(5);
  });
});
