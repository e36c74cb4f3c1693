import { OfdDocument } from '@openseal/ofd';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealOfd, verifyOfd } from '../src/index.js';
import { buildOfd, entity, fixedClock, provider, testSeal } from './support/seal-fixtures.js';
import { sesVerifierAvailable, sesVerify } from './support/ses-verify.js';
import { flipXmlText } from './support/tamper.js';

let seal: Uint8Array;
let signer: Awaited<ReturnType<typeof entity>>;
beforeAll(async () => {
  seal = await testSeal();
  signer = await entity('sealSigner');
});

describe('riding-seam seals (骑缝章): one signature, one clipped strip per page at the right edge', () => {
  for (const pages of [1, 2, 50]) {
    it(`${pages} page(s): strips of 40/${pages} mm that together make the whole 40 mm seal`, async () => {
      const out = await sealOfd(buildOfd(pages), { seal, signerCertificate: signer.certificate, placement: { kind: 'seam' } }, { signer: signer.signer, provider, clock: fixedClock });
      const doc = OfdDocument.read(out.bytes);
      const annots = doc.signatures()?.signatures[0]?.xml.signedInfo.stampAnnots ?? [];
      expect(annots).toHaveLength(pages);
      const strip = 40 / pages;
      annots.forEach((a, k) => {
        expect(a.pageRef).toBe(doc.pages[k]?.id);
        // The strip shown on page k ends exactly at the page's right edge (210 mm).
        expect(a.boundary.x + (a.clip?.x ?? 0) + (a.clip?.width ?? 0)).toBeCloseTo(210, 2);
        expect(a.clip?.x).toBeCloseTo(strip * k, 2);
        expect(a.clip?.width).toBeCloseTo(strip, 2);
        expect(a.boundary).toMatchObject({ width: 40, height: 40, y: (297 - 40) / 2 });
      });
      expect(annots.reduce((sum, a) => sum + (a.clip?.width ?? 0), 0)).toBeCloseTo(40, 1);
      const r = await verifyOfd(out.bytes, { provider, clock: fixedClock });
      expect(r.valid).toBe(true);
      expect(r.signatures).toHaveLength(1);
      expect(r.signatures[0]?.stampAnnots.map((a) => a.pageIndex)).toEqual([...Array(pages).keys()]);
      if (sesVerifierAvailable()) expect(sesVerify(out.bytes).overall).toBe('VALID');
      // tamper twin: the last page's content
      const t = await verifyOfd(flipXmlText(out.bytes, `Doc_0/Pages/Page_${pages - 1}/Content.xml`), { provider, clock: fixedClock });
      expect(t.signatures[0]?.modifications).toMatchObject([{ path: `Doc_0/Pages/Page_${pages - 1}/Content.xml`, change: 'changed' }]);
    });
  }

  it('can span chosen pages at a chosen height', async () => {
    const out = await sealOfd(buildOfd(4), { seal, signerCertificate: signer.certificate, placement: { kind: 'seam', pageIndexes: [1, 2], y: 60 } }, { signer: signer.signer, provider, clock: fixedClock });
    expect(out.stampAnnots.map((a) => [a.boundary.x, a.boundary.y, a.clip?.x, a.clip?.width])).toEqual([
      [190, 60, 0, 20],
      [170, 60, 20, 20],
    ]);
  });
});
