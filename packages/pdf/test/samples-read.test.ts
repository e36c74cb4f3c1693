// Every third-party sample loads; page counts agree with poppler; revisions line up with %%EOF markers.
import { describe, expect, it } from 'vitest';
import { PdfDocument, PdfPasswordIncorrectError, PdfPasswordRequiredError, getPage, listFields, pageCount, type PdfDict, type PdfStream, type PdfString } from '@openseal/pdf';
import { SAMPLE_PASSWORDS, countEof, pdfinfoPages, sampleBytes, sampleNames, samplePath } from './support/samples.js';

const open = (name: string): PdfDocument => {
  const pw = SAMPLE_PASSWORDS[name]?.user;
  return PdfDocument.load(sampleBytes(name), pw ? { password: pw } : {});
};

/** Linearized files carry one extra %%EOF after the first-page section. */
function linearized(doc: PdfDocument): boolean {
  return doc.revisions[0]!.sections.length > 1;
}

describe('reading every sample', () => {
  it('finds the samples', () => {
    expect(sampleNames().length).toBeGreaterThanOrEqual(16);
  });

  for (const name of sampleNames()) {
    it(`${name}: loads, counts pages like pdfinfo, and lines revisions up with %%EOF`, () => {
      const bytes = sampleBytes(name);
      const doc = open(name);
      expect(doc.recovered).toBe(false);
      expect(pageCount(doc.latest)).toBe(pdfinfoPages(samplePath(name), SAMPLE_PASSWORDS[name]?.user));
      expect(doc.revisions.length + (linearized(doc) ? 1 : 0)).toBe(countEof(bytes));
      // Each revision ends right after a %%EOF (and its EOL); the last one at the end of the file.
      for (const r of doc.revisions) {
        const text = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, r.end - 7), r.end));
        expect(text.replace(/[\r\n]+$/, '').endsWith('%%EOF')).toBe(true);
      }
      expect(doc.revisions.at(-1)!.end).toBe(bytes.length);
      const first = getPage(doc.latest, 0);
      expect(first.mediaBox[2]).toBeGreaterThan(first.mediaBox[0]);
      expect(first.dict.getName('Type')).toBe('Page');
    });
  }
});

describe('sample structures', () => {
  it('reads the hybrid file: the hidden /XRefStm object exists only in the second revision', () => {
    const doc = open('pyHanko__minimal-hybrid-xref.pdf');
    expect(doc.revisions.map((r) => r.kind)).toEqual(['table', 'hybrid']);
    const info = doc.resolve(doc.trailer.get('Info')) as PdfDict;
    expect((doc.resolve(info.get('Title')) as PdfString).text).toBe('TestTest');
    expect(doc.revision(0).getObject(6)).toBe(null);
  });

  it('reads object streams and xref streams with 8-byte offsets', () => {
    const doc = open('pyHanko__uncompressed-objstream-sample.pdf');
    expect(doc.revisions[0]!.kind).toBe('stream');
    expect(doc.latest.entry(5)?.type).toBe('compressed');
    expect(getPage(doc.latest, 0).mediaBox).toEqual([0, 0, 595.275574, 841.889771]);
  });

  it('groups a linearized original (with a signature) as one revision', () => {
    const doc = open('pyHanko__minimal-signed-twice-both-created.pdf');
    expect(doc.revisions.length).toBe(2);
    expect(doc.revisions[0]!.sections.length).toBe(2);
    expect(doc.revisions.map((r) => r.end)).toEqual([83059, 107981]);
  });

  it('keeps the five revisions of the B-LTA sample with the ends the spec digest lists', () => {
    const doc = open('pyHanko__pades-lta-dss-indirect-arrs-test.pdf');
    expect(doc.revisions.map((r) => r.end)).toEqual([739, 1393, 25853, 46212, 46884]);
  });

  it('lists form fields with their pages', () => {
    const doc = open('pyHanko__minimal-with-simple-form.pdf');
    const fields = listFields(doc.latest);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.some((f) => f.type === 'Tx')).toBe(true);
    for (const f of fields) for (const w of f.widgets) expect(w.pageIndex).toBe(0);
  });

  it('reads the compacted-syntax torture test', () => {
    const doc = open('pyHanko__CompactedPDFSyntaxTest.pdf');
    expect(doc.catalog.getName('Type')).toBe('Catalog');
  });
});

describe('encrypted samples', () => {
  for (const name of Object.keys(SAMPLE_PASSWORDS)) {
    const { user, owner } = SAMPLE_PASSWORDS[name]!;
    it(`${name}: asks for a password, rejects a wrong one, opens with the user or the owner password`, () => {
      const bytes = sampleBytes(name);
      const required = (() => {
        try {
          PdfDocument.load(bytes);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(required).toBeInstanceOf(PdfPasswordRequiredError);
      expect((required as PdfPasswordRequiredError).code).toBe('PDF_PASSWORD_REQUIRED');
      expect((required as PdfPasswordRequiredError).userPasswordRequired).toBe(true);
      expect(() => PdfDocument.load(bytes, { password: 'wrong' })).toThrow(PdfPasswordIncorrectError);
      const u = PdfDocument.load(bytes, { password: user });
      expect(u.encryption?.openedWith).toBe('user');
      const o = PdfDocument.load(bytes, { password: owner });
      expect(o.encryption?.openedWith).toBe('owner');
      expect(o.securityHandler?.fileKey).toEqual(u.securityHandler?.fileKey);
      // The page content decrypts and inflates to a content stream.
      const page = getPage(u.latest, 0);
      const content = u.latest.resolve(page.dict.get('Contents'));
      const data = new TextDecoder('latin1').decode(u.latest.streamData(content as PdfStream));
      expect(data).toMatch(/BT[\s\S]*Tj[\s\S]*ET/);
    });
  }
});
