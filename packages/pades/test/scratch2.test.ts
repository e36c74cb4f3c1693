import { readdirSync } from 'node:fs';
import { it } from 'vitest';
import { PdfDocument, listSignatures, diffRevision, PdfDict, PdfStream } from '@openseal/pdf';
import { sample, SAMPLE_DIR } from './support/pades-test-pki.js';

function show(o: unknown): string {
  if (o instanceof PdfDict) return '<<' + [...o.keys()].join(' ') + '>>';
  if (o instanceof PdfStream) return 'stream<<' + [...o.dict.keys()].join(' ') + '>>';
  if (Array.isArray(o)) return `[${o.length}]`;
  return String(o);
}
it('scratch2', () => {
  for (const f of readdirSync(SAMPLE_DIR)) {
    try {
      const doc = PdfDocument.load(sample(f), f.includes('aes') || f.includes('rc4') ? { password: 'usersecret' } : {});
      console.log(`== ${f} size ${doc.bytes.length} revs ${doc.revisions.map((r) => `${r.index}:${r.end}:${r.kind}`).join(' ')} recovered=${doc.recovered} trailing=${doc.trailingBytes}`);
      for (const s of listSignatures(doc)) console.log(`  sig ${s.fieldName} type=${s.type} sub=${s.subFilter} br=${JSON.stringify(s.byteRange)} span=${JSON.stringify(s.contentsSpan)} rev=${s.revision} signedRev=${s.signedRevision} M=${s.signingTime} ref=${String(s.reference ? show(s.reference) : '')}`);
      for (let k = 1; k < doc.revisions.length; k++) {
        console.log(`  rev ${k}: ` + diffRevision(doc, k).map((c) => `${c.num}:${c.kind}:${show(c.valueAfter())}`).join(' | '));
      }
    } catch (e) {
      console.log(`== ${f} ERROR ${(e as Error).message}`);
    }
  }
});
