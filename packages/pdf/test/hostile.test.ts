// Hostile and damaged input: typed errors or a flagged recovery, always within limits and quickly.
import { zlibSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { OpenSealError, SeededRandom, concatBytes } from '@openseal/kernel';
import {
  IncrementalWriter, PdfCannotAppendError, PdfDocument, PdfLimitExceededError, PdfMalformedError, pageCount, type PdfDict, type PdfLoadOptions, type PdfStream, type PdfString,
} from '@openseal/pdf';
import { CATALOG, PAGE, PAGES_ONE, latin1Bytes, rawPdf, rawPdfXrefStream } from './support/raw-pdf.js';
import { SAMPLE_PASSWORDS, run, sampleBytes, sampleNames, cleanupTempDirs, tempDir, writeTemp } from './support/samples.js';

afterAll(cleanupTempDirs);

/** Runs `f`, expecting success or a PDF_* OpenSealError, within `ms`. Returns the outcome code. */
function typedOrOk(f: () => unknown, ms = 2000): string {
  const t = performance.now();
  let outcome = 'ok';
  try {
    f();
  } catch (e) {
    if (!(e instanceof OpenSealError) || !e.code.startsWith('PDF_')) throw e;
    outcome = e.code;
  }
  expect(performance.now() - t).toBeLessThan(ms);
  return outcome;
}

function fullRead(bytes: Uint8Array, options: PdfLoadOptions = {}): PdfDocument {
  const doc = PdfDocument.load(bytes, options);
  pageCount(doc.latest);
  return doc;
}

describe('hostile input', () => {
  it('rejects bytes that are not a PDF', () => {
    expect(() => PdfDocument.load(latin1Bytes('hello world'))).toThrow(PdfMalformedError);
    expect(() => PdfDocument.load(new Uint8Array(0))).toThrow(PdfMalformedError);
  });

  it('truncated samples load (flagged as recovered) or fail with a typed error', () => {
    for (const name of sampleNames()) {
      const bytes = sampleBytes(name);
      const pw = SAMPLE_PASSWORDS[name]?.user;
      for (const cut of [0.1, 0.5, 0.9, 0.99]) {
        const part = bytes.subarray(0, Math.floor(bytes.length * cut));
        let doc: PdfDocument | undefined;
        typedOrOk(() => (doc = fullRead(part, pw ? { password: pw } : {})));
        // Either rebuilt, or an earlier complete revision was found and the cut-off rest is trailing data.
        if (doc) expect(doc.recovered || doc.trailingBytes > 0 || part.length > bytes.length - 8).toBe(true);
      }
    }
  });

  it('recovers from a /Prev chain that loops, and refuses to append to the recovered file', () => {
    const base = rawPdf([CATALOG, PAGES_ONE, PAGE]);
    // A second section whose /Prev points at itself.
    const text = base.text + `xref\n0 1\n0000000000 65535 f\r\ntrailer\n<</Size 4/Root 1 0 R/Prev ${base.text.length}>>\nstartxref\n${base.text.length}\n%%EOF\n`;
    const doc = fullRead(latin1Bytes(text));
    expect(doc.recovered).toBe(true);
    expect(pageCount(doc.latest)).toBe(1);
    expect(() => new IncrementalWriter(doc)).toThrow(PdfCannotAppendError);
  });

  it('recovers from two xref streams pointing at each other, and from a self-referencing /XRefStm', () => {
    const a = rawPdf([CATALOG, PAGES_ONE, PAGE]);
    const loop = a.text.replace(`/Size 4 /Root 1 0 R>>`, `/Size 4 /Root 1 0 R /XRefStm ${a.xrefOffset}>>`);
    expect(typedOrOk(() => expect(fullRead(latin1Bytes(loop)).recovered).toBe(true))).toBe('ok');
    const s1 = a.text.length;
    const xs = (prev: number, self: number): string => `${self === s1 ? 4 : 5} 0 obj\n<</Type/XRef/Size 6/W[1 4 1]/Index[0 0]/Prev ${prev}/Root 1 0 R/Length 0>>stream\n\nendstream\nendobj\n`;
    let t = a.text + xs(0, s1);
    const s2 = t.length;
    t = (a.text + xs(s2, s1) + xs(s1, s2)).replace(/startxref\n\d+\n%%EOF\n$/, '') + `startxref\n${s2}\n%%EOF\n`;
    expect(typedOrOk(() => expect(fullRead(latin1Bytes(t)).recovered).toBe(true))).toBe('ok');
  });

  it('stops at the nesting limit', () => {
    const deep = rawPdf([CATALOG, PAGES_ONE, `<</Type/Page/Parent 2 0 R/X ${'['.repeat(50_000)}${']'.repeat(50_000)}>>`]);
    expect(typedOrOk(() => fullRead(deep.bytes))).toBe('PDF_LIMIT_EXCEEDED');
    const deepDict = rawPdf([`<</Type/Catalog/Pages 2 0 R/A ${'<</A '.repeat(20_000)}1${'>>'.repeat(20_000)}>>`, PAGES_ONE, PAGE]);
    expect(typedOrOk(() => fullRead(deepDict.bytes))).toBe('PDF_LIMIT_EXCEEDED');
  });

  it('finds endstream when /Length is huge, negative, or refers to itself', () => {
    for (const len of ['99999999999999', '-5', '4 0 R', '9 0 R']) {
      const f = rawPdf([CATALOG, PAGES_ONE, '<</Type/Page/Parent 2 0 R/Contents 4 0 R>>', `<</Length ${len}>>stream\nq Q\nendstream`]);
      const doc = fullRead(f.bytes);
      const s = doc.getObject(4) as PdfStream;
      expect(new TextDecoder().decode(s.encoded)).toBe('q Q');
    }
  });

  it('stops a Flate bomb in a content stream and in an object stream', () => {
    const bomb = zlibSync(new Uint8Array(50_000_000), { level: 9 });
    const streamObj = (dict: string): Uint8Array => concatBytes(latin1Bytes(`<<${dict}/Length ${bomb.length}/Filter/FlateDecode>>stream\n`), bomb, latin1Bytes('\nendstream'));
    const f = rawPdfXrefStream([CATALOG, PAGES_ONE, '<</Type/Page/Parent 2 0 R/Contents 4 0 R/X 6 0 R>>', streamObj(''), streamObj('/Type/ObjStm/N 1/First 4')], [{ num: 6, stream: 5, index: 0 }]);
    const doc = fullRead(f, { limits: { maxDecodedStreamSize: 1_000_000 } });
    expect(typedOrOk(() => doc.latest.streamData(doc.getObject(4) as PdfStream))).toBe('PDF_LIMIT_EXCEEDED');
    expect(typedOrOk(() => doc.getObject(6))).toBe('PDF_LIMIT_EXCEEDED');
    // Many bombs: the total work budget ends the job even when each stream stays under its own limit.
    const many = fullRead(f, { limits: { maxDecodedStreamSize: 40_000_000, maxWork: 100_000_000 } });
    expect(typedOrOk(() => {
      for (let i = 0; i < 5; i++) many.latest.streamData(many.getObject(4) as PdfStream);
    }, 5000)).toBe('PDF_LIMIT_EXCEEDED');
  });

  it('reads objects from object streams of a hand-made file', () => {
    const objstm = '3 0 4 28 <</Type/Page/Parent 2 0 R>> (in stream)';
    const f = rawPdfXrefStream([CATALOG, PAGES_ONE, 'null', 'null', `<</Type/ObjStm/N 2/First 9/Length ${objstm.length}>>stream\n${objstm}\nendstream`], [
      { num: 3, stream: 5, index: 0 },
      { num: 4, stream: 5, index: 1 },
    ]);
    const doc = fullRead(f);
    expect(doc.recovered).toBe(false);
    expect(pageCount(doc.latest)).toBe(1);
    expect((doc.getObject(4) as PdfString).text).toBe('in stream');
  });

  it('refuses object streams that declare too many objects', () => {
    const data = '1 0 ';
    const f = rawPdf([CATALOG, PAGES_ONE, PAGE, `<</Type/ObjStm/N 999999999/First 4/Length ${data.length}>>stream\n${data}\nendstream`]);
    const doc = PdfDocument.load(f.bytes);
    const view = doc.latest;
    expect(typedOrOk(() => view.loader.inStream(-1, doc.getObject(4) as PdfStream, 0, 1, (o) => view.resolve(o)))).toBe('PDF_LIMIT_EXCEEDED');
  });

  it('reports a cycle in the page tree, and a chain of references that loops', () => {
    const cyc = rawPdf([CATALOG, '<</Type/Pages/Kids[3 0 R 2 0 R]/Count 2>>', PAGE]);
    expect(typedOrOk(() => fullRead(cyc.bytes))).toBe('PDF_MALFORMED');
    const loop = rawPdf(['<</Type/Catalog/Pages 4 0 R>>', PAGES_ONE, PAGE, '5 0 R', '4 0 R']);
    expect(typedOrOk(() => fullRead(loop.bytes))).toBe('PDF_MALFORMED');
  });

  it('rejects huge object numbers in an xref table', () => {
    const f = rawPdf([CATALOG, PAGES_ONE, PAGE]);
    const text = f.text.replace('xref\n0 4\n', 'xref\n0 1\n0000000000 65535 f\r\n4294967290 3\n');
    expect(typedOrOk(() => fullRead(latin1Bytes(text)))).toBe('PDF_LIMIT_EXCEEDED');
  });

  it('repairs xref entries that point at the wrong place, and marks the file as recovered', () => {
    const f = rawPdf([CATALOG, PAGES_ONE, PAGE]);
    const shifted = latin1Bytes('%comment line\n' + f.text.replace('%PDF-1.7\n', '%PDF-1.7\n'));
    const fixed = latin1Bytes(f.text.slice(0, 9) + '% padding\n' + f.text.slice(9));
    for (const bytes of [shifted, fixed]) {
      const doc = fullRead(bytes);
      expect(doc.recovered).toBe(true);
      expect(pageCount(doc.latest)).toBe(1);
      expect(() => new IncrementalWriter(doc)).toThrow(PdfCannotAppendError);
    }
  });

  it('keeps trailing bytes after %%EOF and appends after them', () => {
    const f = rawPdf([CATALOG, PAGES_ONE, PAGE], '/Root 1 0 R', 'trailing junk that is not PDF');
    const doc = fullRead(f.bytes);
    expect(doc.recovered).toBe(false);
    const w = new IncrementalWriter(doc, { random: new SeededRandom(1) });
    const r = w.add(7);
    const out = w.write().toBytes();
    expect(PdfDocument.load(out).getObject(r)).toBe(7);
    expect(run('qpdf', ['--check', writeTemp(tempDir(), 'tail.pdf', out)]).stdout).toContain('No syntax or stream encoding errors');
  });

  it('bounds total work with maxWork', () => {
    const f = rawPdf([CATALOG, PAGES_ONE, PAGE]);
    expect(() => fullRead(f.bytes, { limits: { maxWork: 50 } })).toThrow(PdfLimitExceededError);
    const catalog = PdfDocument.load(f.bytes).catalog as PdfDict;
    expect(catalog.getName('Type')).toBe('Catalog');
  });
});

describe('stream lengths that cannot be resolved', () => {
  it('searches for endstream when /Length points into the object stream being read', () => {
    const objstm = '6 0 (x)';
    const f = rawPdfXrefStream([CATALOG, PAGES_ONE, PAGE, 'null', `<</Type/ObjStm/N 1/First 4/Length 6 0 R>>stream\n${objstm}\nendstream`], [{ num: 6, stream: 5, index: 0 }]);
    const doc = PdfDocument.load(f);
    expect(typedOrOk(() => doc.getObject(6))).toBe('ok');
  });
});
