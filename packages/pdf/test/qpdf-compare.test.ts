// Every object of every sample, as we read it (decrypted where needed), equals qpdf's reading of it.
import { describe, expect, it } from 'vitest';
import { PdfDocument, PdfRef } from '@openseal/pdf';
import { compareWithQpdf, qpdfObjects } from './support/qpdf-json.js';
import { SAMPLE_PASSWORDS, sampleBytes, sampleNames, samplePath } from './support/samples.js';

describe('objects agree with qpdf', () => {
  for (const name of sampleNames()) {
    it(`${name}: every object equals qpdf's JSON view`, () => {
      const pw = SAMPLE_PASSWORDS[name]?.user;
      const doc = PdfDocument.load(sampleBytes(name), pw ? { password: pw } : {});
      const theirs = qpdfObjects(samplePath(name), pw);
      const diffs: string[] = [];
      let compared = 0;
      for (const [key, value] of theirs) {
        const m = /^obj:(\d+) (\d+) R$/.exec(key);
        if (!m) continue;
        const ours = doc.getObject(new PdfRef(Number(m[1]), Number(m[2])));
        diffs.push(...compareWithQpdf(doc.latest, ours, value).map((d) => `${key}${d}`));
        compared++;
      }
      expect(compared).toBeGreaterThan(3);
      expect(diffs).toEqual([]);
    });
  }
});
