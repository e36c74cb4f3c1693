// Test-only browser entry: builds, writes and reads OFD documents inside Chromium (bundled by esbuild).
import { fromBase64, SeededRandom } from '@openseal/kernel';
import { expect, it, runAll } from '../../../../testing/browser/mini-vitest.js';
import { OfdBuilder, OfdDocument, OfdPackage, updatePackage } from '../../src/index.js';

const fixtures = (window as unknown as { __FIXTURES__: { helloworld: string } }).__FIXTURES__;

it('builds an OFD and reads its text back', () => {
  const b = new OfdBuilder({ random: new SeededRandom(1) });
  const font = b.addFont({ fontName: '宋体' });
  b.addPage().text({ text: '浏览器中的OFD', font, size: 5, x: 20, y: 30 });
  const doc = OfdDocument.read(b.toBytes());
  expect(doc.pageText(0)).toBe('浏览器中的OFD');
  expect(doc.textRuns(0)[0]?.glyphs[1]?.x).toBe(25);
});

it('reads a third-party sample and updates it byte-preservingly', () => {
  const bytes = fromBase64(fixtures.helloworld);
  const pkg = OfdPackage.read(bytes);
  expect(OfdDocument.open(pkg).pageText(0)).toBe('你好呀，OFD Reader&Writer！');
  const out = OfdPackage.read(updatePackage(pkg, { put: { 'Doc_0/extra.txt': new Uint8Array([1, 2, 3]) } }));
  expect(out.bytes('Doc_0/Pages/Page_0/Content.xml')).toEqual(pkg.bytes('Doc_0/Pages/Page_0/Content.xml'));
});

runAll()
  .then((results) => {
    (window as unknown as { __RESULTS__: unknown }).__RESULTS__ = results;
  })
  .catch((e: unknown) => {
    (window as unknown as { __ERROR__: string }).__ERROR__ = String(e);
  });
