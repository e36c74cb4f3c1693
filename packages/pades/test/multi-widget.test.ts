// One signature shown on several pages (a riding-seam seal): kid widgets of one field, or the first
// widget plus Stamp strips, all written in the signed revision; removing a strip later is forbidden.
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '@openseal/kernel';
import { IncrementalWriter, PdfDict, PdfDocument, PdfStream, getPage, listFields, listSignatures, name, type PdfRef } from '@openseal/pdf';
import type { Certificate } from '@openseal/pki';
import { signPdf, verifyPdf, type SealAppearance, type WidgetSpec } from '../src/index.js';
import { clock, provider, sample, sealSigner } from './support/pades-test-pki.js';

/** A red square as the appearance of each strip (test-only drawing). */
function strip(pageIndex: number): WidgetSpec {
  return {
    pageIndex,
    rect: [500, 400, 540, 440],
    appearance: (writer) =>
      writer.add(new PdfStream(new PdfDict([['Type', name('XObject')], ['Subtype', name('Form')], ['BBox', [0, 0, 40, 40]]]), new TextEncoder().encode('1 0 0 rg 0 0 40 40 re f'))),
  };
}

const SEAM: SealAppearance = { widgets: [0, 1, 2, 3, 4].map(strip) };

async function sealed(multiWidget: 'kids' | 'stamps'): Promise<{ bytes: Uint8Array; anchors: readonly Certificate[] }> {
  const s = await sealSigner('RSA');
  const bytes = await signPdf(sample('ofdrw__Test.pdf'), { signerCertificate: s.certificate, chain: s.chain, appearance: SEAM, multiWidget }, { signer: s.signer, provider, clock, random: new SeededRandom(2) });
  return { bytes, anchors: s.pki.trustAnchors };
}

/** Drops the last annotation of page `pageIndex` in a new revision. */
function dropLastAnnotation(bytes: Uint8Array, pageIndex: number): Uint8Array {
  const doc = PdfDocument.load(bytes);
  const w = new IncrementalWriter(doc);
  const page = getPage(doc.latest, pageIndex);
  const annots = doc.latest.resolve(page.dict.get('Annots')) as PdfRef[];
  w.set(page.ref as PdfRef, page.dict.clone().set('Annots', annots.slice(0, -1)));
  return w.write().toBytes();
}

describe.each(['kids', 'stamps'] as const)('riding-seam seal as %s', (mode) => {
  it('is one signature, shown on every page, valid and trusted', async () => {
    const { bytes, anchors } = await sealed(mode);
    const doc = PdfDocument.load(bytes);
    expect(listSignatures(doc)).toHaveLength(1);
    const [field] = listFields(doc.latest);
    expect(field?.widgets.length).toBe(mode === 'kids' ? 5 : 1);
    for (let p = 0; p < 5; p++) {
      const annots = doc.latest.resolve(getPage(doc.latest, p).dict.get('Annots'));
      const last = doc.latest.resolve((annots as PdfRef[]).at(-1)) as PdfDict;
      expect(last.getName('Subtype')).toBe(mode === 'stamps' && p > 0 ? 'Stamp' : 'Widget');
    }
    const r = await verifyPdf(bytes, { provider, clock, trustAnchors: anchors });
    expect(r.valid).toBe(true);
    expect(r.signatures[0]).toMatchObject({ valid: true, trusted: true, coversWholeDocument: true });
  });

  it('removing a strip afterwards is a forbidden change', async () => {
    const { bytes, anchors } = await sealed(mode);
    const r = await verifyPdf(dropLastAnnotation(bytes, 3), { provider, clock, trustAnchors: anchors });
    expect(r.valid).toBe(false);
    expect(r.signatures[0]?.modifications).toEqual([expect.objectContaining({ category: 'other', allowed: false, description: expect.stringContaining('Signature1') })]);
  });
});
