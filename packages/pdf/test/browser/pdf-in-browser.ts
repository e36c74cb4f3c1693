// Test-only browser entry: reads, decrypts and appends to PDFs inside Chromium (bundled by esbuild).
import { SeededRandom, equalBytes, fromBase64 } from '@openseal/kernel';
import { expect, it, runAll } from '../../../../testing/browser/mini-vitest.js';
import { IncrementalWriter, PdfDocument, PdfString, dict, getPage, listSignatures, pageCount, type PdfDict, type PdfStream } from '../../src/index.js';

const fixtures = (window as unknown as { __FIXTURES__: Record<string, string> }).__FIXTURES__;
const sample = (name: string): Uint8Array => fromBase64(fixtures[name] as string);

it('decrypts the AES-256 sample with its user password and reads the page content', () => {
  const doc = PdfDocument.load(sample('aes256'), { password: 'usersecret' });
  expect(doc.encryption?.r).toBe(6);
  const content = doc.latest.streamData(doc.resolve(getPage(doc.latest, 0).dict.get('Contents')) as PdfStream);
  expect(new TextDecoder('latin1').decode(content)).toMatch(/Tj/);
});

it('lists the signatures of a signed sample with their byte ranges', () => {
  const doc = PdfDocument.load(sample('signed'));
  const sigs = listSignatures(doc);
  expect(sigs).toHaveLength(2);
  expect(sigs.every((s) => s.signedRevision !== undefined)).toBe(true);
});

it('reads object streams and appends an encrypted update to the RC4 sample', () => {
  expect(pageCount(PdfDocument.load(sample('objstm')).latest)).toBe(1);
  const input = sample('rc4');
  const doc = PdfDocument.load(input, { password: 'usersecret' });
  const w = new IncrementalWriter(doc, { random: new SeededRandom(1) });
  const r = w.add(dict({ S: PdfString.fromText('浏览器') }));
  const out = w.write().toBytes();
  expect(equalBytes(out.subarray(0, input.length), input)).toBe(true);
  const again = PdfDocument.load(out, { password: 'usersecret' });
  expect(((again.getObject(r) as PdfDict).get('S') as PdfString).text).toBe('浏览器');
});

runAll()
  .then((results) => {
    (window as unknown as { __RESULTS__: unknown }).__RESULTS__ = results;
  })
  .catch((e: unknown) => {
    (window as unknown as { __ERROR__: string }).__ERROR__ = String(e);
  });
