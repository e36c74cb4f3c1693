// Signature dictionaries found through the AcroForm agree with poppler's pdfsig and with a direct reading
// of the bytes between the two ByteRange parts.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PdfDocument, diffRevision, listSignatures, type PdfDict } from '@openseal/pdf';
import { fromHex } from '@openseal/kernel';
import { run, sampleBytes, sampleNames, samplePath, cleanupTempDirs, tempDir } from './support/samples.js';

afterAll(cleanupTempDirs);

interface PdfsigSignature {
  field: string;
  ranges: [number, number][];
  dump: Uint8Array;
}

function pdfsig(name: string): PdfsigSignature[] {
  const dir = tempDir();
  const copy = join(dir, name);
  copyFileSync(samplePath(name), copy);
  run('pdfsig', ['-dump', name], dir); // writes <name>.sig<i> into the working directory
  const r = run('pdfsig', ['-nocert', copy]);
  const blocks = r.stdout.split(/^Signature #\d+:$/m).slice(1);
  const signed = blocks
    .map((b) => ({
      field: /Signature Field Name: (.*)$/m.exec(b)?.[1]?.trim() ?? '',
      ranges: [...b.matchAll(/\[(\d+) - (\d+)\]/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]),
    }))
    .filter((s) => s.ranges.length > 0);
  // pdfsig -dump numbers only the signatures that have a value, in the same order.
  return signed.map((s, i) => ({ ...s, dump: new Uint8Array(readFileSync(`${copy}.sig${i}`)) }));
}

const signedSamples = sampleNames().filter((n) => !n.includes('aes256') && !n.includes('rc4') && pdfsig(n).length > 0);

describe('signature dictionaries', () => {
  it('finds the signed samples', () => {
    expect(signedSamples.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of signedSamples) {
    it(`${name}: ByteRange and Contents equal what pdfsig reports and dumps`, () => {
      const bytes = sampleBytes(name);
      const doc = PdfDocument.load(bytes);
      const ours = listSignatures(doc);
      const theirs = pdfsig(name);
      expect(ours.map((s) => s.fieldName).sort()).toEqual(theirs.map((s) => s.field).sort());
      for (const t of theirs) {
        const s = ours.find((o) => o.fieldName === t.field)!;
        const br = s.byteRange!;
        expect([[br[0], br[0]! + br[1]!], [br[2], br[2]! + br[3]!]]).toEqual(t.ranges);
        expect(s.contents).toEqual(t.dump);
        expect(s.inCurrentForm).toBe(true);
      }
    });
  }

  it('reads /Contents at the gap of a well-formed ByteRange, and names the revision each signature signed', () => {
    for (const name of signedSamples.filter((n) => !n.includes('weird'))) {
      const bytes = sampleBytes(name);
      const doc = PdfDocument.load(bytes);
      for (const s of listSignatures(doc)) {
        const [, a, b, c] = s.byteRange as [number, number, number, number];
        expect(s.contentsSpan).toEqual({ start: a, end: b });
        const hex = new TextDecoder('latin1').decode(bytes.subarray(a + 1, b - 1));
        expect(s.contents).toEqual(fromHex(hex));
        expect(s.signedRevision).toBeDefined();
        expect(doc.revisions[s.signedRevision!]!.end).toBe(b + c);
        expect(s.revision).toBe(s.signedRevision);
      }
    }
  });

  it('reports the weird ByteRange as written, matching no revision', () => {
    const doc = PdfDocument.load(sampleBytes('pyHanko__coverage-anomalies_weird-byterange.pdf'));
    const [s] = listSignatures(doc);
    expect(s!.byteRange).toEqual([0, 10, 20, 30]);
    expect(s!.signedRevision).toBeUndefined();
  });

  it('describes the PAdES B-LTA sample: signature, document timestamp, and what each later revision wrote', () => {
    const doc = PdfDocument.load(sampleBytes('pyHanko__pades-lta-dss-indirect-arrs-test.pdf'));
    const sigs = listSignatures(doc);
    expect(sigs.map((s) => [s.type, s.subFilter])).toEqual([
      ['Sig', 'ETSI.CAdES.detached'],
      ['DocTimeStamp', 'ETSI.RFC3161'],
    ]);
    // Revision 3 adds the DSS and the timestamp; the catalog (object 1) changes to point at them.
    const changes = diffRevision(doc, 3);
    const catalog = changes.find((c) => c.num === 1)!;
    expect(catalog.kind).toBe('changed');
    const before = catalog.valueBefore() as PdfDict;
    const after = catalog.valueAfter() as PdfDict;
    expect(before.has('DSS')).toBe(false);
    expect(after.has('DSS')).toBe(true);
    expect(changes.filter((c) => c.kind === 'added').length).toBeGreaterThan(5);
    // Revision 0 → 1 of an unchanged object is not reported.
    expect(diffRevision(doc, 1).map((c) => c.num)).not.toContain(2);
  });
});
