// Appending a revision to every sample: the original bytes stay a prefix, qpdf/pdfinfo/pdfsig still read
// the file, and the new objects read back (decrypted, for encrypted files) through us and through qpdf.
import { afterAll, describe, expect, it } from 'vitest';
import { SeededRandom, equalBytes } from '@openseal/kernel';
import { IncrementalWriter, PdfDict, PdfDocument, PdfName, PdfStream, PdfString, dict, name, pageCount, type PdfRef } from '@openseal/pdf';
import { SAMPLE_PASSWORDS, pdfinfoPages, run, sampleBytes, sampleNames, samplePath, cleanupTempDirs, tempDir, writeTemp } from './support/samples.js';

afterAll(cleanupTempDirs);

const dir = tempDir();
const qpdfArgs = (pw: string | undefined): string[] => (pw ? [`--password=${pw}`] : []);

function pdfsigVerdicts(path: string): string[] {
  return [...run('pdfsig', ['-nocert', path]).stdout.matchAll(/Signature Validation: (.*)$/gm)].map((m) => m[1]!.trim());
}

function appendTo(doc: PdfDocument, text: string): { out: Uint8Array; dictRef: PdfRef; streamRef: PdfRef } {
  const w = new IncrementalWriter(doc, { random: new SeededRandom(7), compressStreams: true });
  const streamRef = w.add(new PdfStream(new PdfDict(), new TextEncoder().encode(`BT (${text}) Tj ET`)));
  const dictRef = w.add(dict({ Type: name('OpenSealTest'), Text: PdfString.fromText(text), Hex: new PdfString(Uint8Array.from([0, 1, 2, 255]), true), Data: streamRef }));
  return { out: w.write().toBytes(), dictRef, streamRef };
}

describe('incremental append on every sample', () => {
  for (const sample of sampleNames()) {
    it(`${sample}: appends without touching the original, and every reader sees the new objects`, () => {
      const pw = SAMPLE_PASSWORDS[sample]?.user;
      const input = sampleBytes(sample);
      const doc = PdfDocument.load(input, pw ? { password: pw } : {});
      const text = 'Appended by OpenSeal';
      const { out, dictRef, streamRef } = appendTo(doc, text);

      expect(out.length).toBeGreaterThan(input.length);
      expect(equalBytes(out.subarray(0, input.length), input)).toBe(true);

      // Our reader: one more revision, same structure style, the new objects, the trailer keys kept.
      const again = PdfDocument.load(out, pw ? { password: pw } : {});
      expect(again.recovered).toBe(false);
      expect(again.revisions.length).toBe(doc.revisions.length + 1);
      const lastKind = doc.revisions.at(-1)!.kind;
      expect(again.revisions.at(-1)!.kind).toBe(lastKind === 'stream' ? 'stream' : 'table');
      const added = again.getObject(dictRef) as PdfDict;
      expect((added.get('Text') as PdfString).text).toBe(text);
      expect((added.get('Hex') as PdfString).bytes).toEqual(Uint8Array.from([0, 1, 2, 255]));
      expect(new TextDecoder().decode(again.latest.streamData(again.getObject(streamRef) as PdfStream))).toBe(`BT (${text}) Tj ET`);
      const t0 = doc.trailer;
      const t1 = again.trailer;
      expect(t1.get('Prev')).toBe(doc.startxref);
      expect(t1.get('Root')).toEqual(t0.get('Root'));
      expect(t1.get('Info')).toEqual(t0.get('Info'));
      expect(t1.get('Encrypt')).toEqual(t0.get('Encrypt'));
      const id0 = doc.resolve(t0.get('ID'));
      if (Array.isArray(id0)) expect(((t1.get('ID') as PdfString[])[0] as PdfString).bytes).toEqual((id0[0] as PdfString).bytes);
      expect(pageCount(again.latest)).toBe(pageCount(doc.latest));
      // The revision before the update is still exactly the old document.
      expect(again.revision(doc.revisions.length - 1).getObject(dictRef.num)).toBe(null);

      // qpdf: structure check (no worse than on the input), then the new objects (decrypted by qpdf).
      const path = writeTemp(dir, sample, out);
      const before = run('qpdf', [...qpdfArgs(pw), '--check', samplePath(sample)]).status;
      const after = run('qpdf', [...qpdfArgs(pw), '--check', path]);
      expect([0, before], after.stdout + after.stderr).toContain(after.status); // never worse than the input
      const shown = run('qpdf', [...qpdfArgs(pw), `--show-object=${dictRef.num}`, path]).stdout;
      expect(shown).toContain(`/Text (${text})`);
      expect(shown).toContain('/Type /OpenSealTest');
      expect(shown.toLowerCase()).toContain('<000102ff>');
      const data = run('qpdf', [...qpdfArgs(pw), `--show-object=${streamRef.num}`, '--filtered-stream-data', path]).stdout;
      expect(data).toBe(`BT (${text}) Tj ET`);

      // poppler still reads it; signatures that were valid stay valid.
      expect(pdfinfoPages(path, pw)).toBe(pageCount(doc.latest));
      expect(pdfsigVerdicts(path)).toEqual(pdfsigVerdicts(samplePath(sample)));
    });
  }

  it('chains two updates, each pointing at the one before', () => {
    const input = sampleBytes('pyHanko__minimal-two-fields-signed-twice.pdf');
    const first = appendTo(PdfDocument.load(input), 'one').out;
    const d1 = PdfDocument.load(first);
    const second = appendTo(d1, 'two');
    const d2 = PdfDocument.load(second.out);
    expect(d2.revisions.length).toBe(4);
    expect(d2.trailer.get('Prev')).toBe(d1.startxref);
    expect(equalBytes(second.out.subarray(0, first.length), first)).toBe(true);
    expect(run('qpdf', ['--check', writeTemp(dir, 'chain.pdf', second.out)]).status).toBe(0);
    expect(pdfsigVerdicts(writeTemp(dir, 'chain.pdf', second.out))).toEqual(['Signature is Valid.', 'Signature is Valid.']);
  });

  it('replaces an existing object under its own number and generation', () => {
    const doc = PdfDocument.load(sampleBytes('pyHanko__minimal.pdf'));
    const rootRef = doc.trailer.get('Root') as PdfRef;
    const catalog = doc.catalog.clone();
    catalog.set('Lang', PdfString.fromText('zh-CN'));
    const w = new IncrementalWriter(doc);
    w.set(rootRef, catalog);
    const out = w.write().toBytes();
    const again = PdfDocument.load(out);
    expect((again.catalog.get('Lang') as PdfString).text).toBe('zh-CN');
    expect(again.revision(0).catalog.has('Lang')).toBe(false);
    expect(again.trailer.get('Size')).toBe(doc.trailer.get('Size'));
    const path = writeTemp(dir, 'replace.pdf', out);
    expect(run('qpdf', ['--check', path]).status).toBe(0);
    expect(run('qpdf', [`--show-object=${rootRef.num}`, path]).stdout).toContain('/Lang (zh-CN)');
  });

  it('can write an xref stream after a classic table when asked', () => {
    const doc = PdfDocument.load(sampleBytes('pyHanko__minimal.pdf'));
    const w = new IncrementalWriter(doc, { xrefStyle: 'stream' });
    const r = w.add(new PdfName('X'));
    const out = w.write().toBytes();
    const again = PdfDocument.load(out);
    expect(again.revisions.at(-1)!.kind).toBe('stream');
    expect((again.getObject(r) as PdfName).value).toBe('X');
    expect(run('qpdf', ['--check', writeTemp(dir, 'tostream.pdf', out)]).status).toBe(0);
  });
});
