// The hook for the signing layer: fixed-width /ByteRange and /Contents slots whose offsets are known, patched
// in place without moving a byte, then read back as a signature by us and by poppler.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { equalBytes } from '@openseal/kernel';
import type { PdfDict} from '@openseal/pdf';
import {
  IncrementalWriter, PdfDocument, PdfInvalidObjectError, PdfPlaceholder, PdfString, dict, listSignatures, name, type PdfRef,
} from '@openseal/pdf';
import { run, sampleBytes, cleanupTempDirs, tempDir, writeTemp } from './support/samples.js';

afterAll(cleanupTempDirs);

function reserve(doc: PdfDocument, contentsWidth = 8194): { w: IncrementalWriter; sigRef: PdfRef } {
  const w = new IncrementalWriter(doc);
  const sigRef = w.add(
    dict({
      Type: name('Sig'),
      Filter: name('Adobe.PPKLite'),
      SubFilter: name('ETSI.CAdES.detached'),
      ByteRange: new PdfPlaceholder('byteRange', 60),
      Contents: new PdfPlaceholder('contents', contentsWidth),
      M: PdfString.fromText("D:20260101120000+08'00'"),
    }),
  );
  // A signature field + widget on page 1, and the AcroForm that lists it.
  const page = doc.latest.getObject(doc.latest.catalog.get('Pages') as PdfRef) as PdfDict;
  const pageRef = (doc.resolve(page.get('Kids')) as PdfRef[])[0]!;
  const field = w.add(dict({ FT: name('Sig'), T: PdfString.fromText('Seal1'), V: sigRef, Type: name('Annot'), Subtype: name('Widget'), Rect: [0, 0, 0, 0], F: 132, P: pageRef }));
  const pageDict = (doc.getObject(pageRef) as PdfDict).clone();
  pageDict.set('Annots', [field]);
  w.set(pageRef, pageDict);
  const catalog = doc.catalog.clone();
  catalog.set('AcroForm', dict({ Fields: [field], SigFlags: 3 }));
  w.set(doc.trailer.get('Root') as PdfRef, catalog);
  return { w, sigRef };
}

describe('signature placeholders', () => {
  it('reports slot offsets, patches ByteRange and Contents in place, and reads back as a signature', () => {
    const input = sampleBytes('pyHanko__minimal.pdf');
    const doc = PdfDocument.load(input);
    const { w } = reserve(doc);
    const update = w.write();
    const contents = update.slot('contents');
    const byteRange = update.slot('byteRange');
    const before = update.toBytes();
    expect(new TextDecoder('latin1').decode(before.subarray(contents.offset, contents.offset + 3))).toBe('<00');
    expect(String.fromCharCode(before[contents.offset + contents.length - 1]!)).toBe('>');
    expect(String.fromCharCode(before[byteRange.offset]!)).toBe('[');

    const range = update.signatureByteRange();
    expect(range).toEqual([0, contents.offset, contents.offset + 8194, update.length - contents.offset - 8194]);
    update.fillByteRange(range);
    const digest = createHash('sha256');
    for (const chunk of update.rangeChunks(range)) digest.update(chunk);
    const value = Uint8Array.from(createHash('sha256').update('stand-in for a CMS').digest());
    update.fillContents(value);
    const out = update.toBytes();
    expect(out.length).toBe(before.length); // nothing moved
    expect(equalBytes(out.subarray(0, input.length), input)).toBe(true);
    // The digest over the ranges is unaffected by patching Contents.
    const after = createHash('sha256').update(out.subarray(0, range[1])).update(out.subarray(range[2], range[2] + range[3])).digest();
    expect(Buffer.from(after).equals(digest.digest())).toBe(true);

    const again = PdfDocument.load(out);
    const [sig] = listSignatures(again);
    expect(sig!.fieldName).toBe('Seal1');
    expect(sig!.byteRange).toEqual(range);
    expect(sig!.contentsSpan).toEqual({ start: range[1], end: range[2] });
    expect(equalBytes(sig!.contents!.subarray(0, 32), value)).toBe(true);
    expect(sig!.contents!.length).toBe(4096);
    expect(sig!.signedRevision).toBe(again.revisions.length - 1);
    expect(sig!.field.widgets[0]!.pageIndex).toBe(0);

    const path = writeTemp(tempDir(), 'placeholder.pdf', out);
    expect(run('qpdf', ['--check', path]).status).toBe(0);
    const ps = run('pdfsig', ['-nocert', path]).stdout;
    expect(ps).toContain('Signature Field Name: Seal1');
    expect(ps).toContain(`[0 - ${range[1]}], [${range[2]} - ${range[2] + range[3]}]`);
    // (pdfsig says "Total document signed" only after a valid CMS; the stand-in value is not one.)
  });

  it('refuses values that do not fit their slots', () => {
    const { w } = reserve(PdfDocument.load(sampleBytes('pyHanko__minimal.pdf')), 10);
    const update = w.write();
    expect(() => update.fillContents(new Uint8Array(5))).toThrow(PdfInvalidObjectError);
    expect(() => update.fillByteRange([0, 1e14, 2e14, 3e14, 4e14])).toThrow(PdfInvalidObjectError);
    expect(() => update.fillByteRange([0, -1, 2, 3])).toThrow(PdfInvalidObjectError);
  });

  it('rejects odd Contents widths and a placeholder written twice', () => {
    const doc = PdfDocument.load(sampleBytes('pyHanko__minimal.pdf'));
    const w1 = new IncrementalWriter(doc);
    w1.add(dict({ Contents: new PdfPlaceholder('contents', 9) }));
    expect(() => w1.write()).toThrow(PdfInvalidObjectError);
    const p = new PdfPlaceholder('byteRange', 40);
    const w2 = new IncrementalWriter(doc);
    w2.add(dict({ A: p }));
    w2.add(dict({ B: p }));
    expect(() => w2.write()).toThrow(PdfInvalidObjectError);
  });
});
