import { OfdDocument } from '@openseal/ofd';
import { beforeAll, describe, expect, it } from 'vitest';
import { OfdSealKeywordNotFoundError, OfdSealPlacementError, findText, resolvePlacement, sealOfd, sealOfdBatch, verifyOfd } from '../src/index.js';
import { ofdSample } from './support/ofd-samples.js';
import { buildOfd, entity, fixedClock, provider, testSeal } from './support/seal-fixtures.js';

const size = { width: 40, height: 40 };

describe('placement', () => {
  it('keyword: centres the seal on the last occurrence of the text (落款), or the first, or all', () => {
    const doc = OfdDocument.read(buildOfd(3));
    const last = resolvePlacement(doc, { kind: 'keyword', keyword: '某某市人民政府办公室' }, size);
    // the text starts at x 111.8 with ten 5.644 mm glyphs, baseline 140
    const cx = (111.8 + 111.8 + 9 * 5.644 + 5.644) / 2;
    expect(last.stamps).toEqual([{ pageIndex: 2, boundary: { x: +(cx - 20).toFixed(3), y: +(140 - 5.644 / 3 - 20).toFixed(3), width: 40, height: 40 } }]);
    const all = resolvePlacement(doc, { kind: 'keyword', keyword: '正文内容', occurrence: 'all' }, size);
    expect(all.stamps.map((s) => s.pageIndex)).toEqual([0, 1, 2]);
    expect(resolvePlacement(doc, { kind: 'keyword', keyword: '正文内容', occurrence: 'first' }, size).stamps[0]?.pageIndex).toBe(0);
    expect(resolvePlacement(doc, { kind: 'keyword', keyword: '第2页', pageIndex: 1 }, size).stamps[0]?.pageIndex).toBe(1);
  });

  it('keyword: not found is a typed error', () => {
    const doc = OfdDocument.read(buildOfd(2));
    expect(() => resolvePlacement(doc, { kind: 'keyword', keyword: '不存在的文字' }, size)).toThrow(OfdSealKeywordNotFoundError);
    expect(() => resolvePlacement(doc, { kind: 'keyword', keyword: '第2页', pageIndex: 0 }, size)).toThrow(OfdSealKeywordNotFoundError);
  });

  it('finds Chinese text in a real e-invoice', () => {
    const doc = OfdDocument.read(ofdSample('ofdrw-converter__1.ofd'));
    expect(findText(doc, '价税合计', [0]).length).toBeGreaterThan(0);
  });

  it('GB/T 9704: on the dms360 公文 the 33 mm seal lands where dms360 put it (centred on the date, pressing on it)', () => {
    const doc = OfdDocument.read(ofdSample('ofdrw-converter__n.ofd'));
    const real = doc.signatures()?.signatures[0]?.xml.signedInfo.stampAnnots[0];
    expect(real?.boundary).toEqual({ x: 122.94, y: 37, width: 33, height: 33 });
    const ours = resolvePlacement(doc, { kind: 'gbt9704' }, { width: 33, height: 33 });
    expect(ours.method).toBe('date-line');
    expect(ours.stamps[0]?.pageIndex).toBe(doc.pageIndexById(real?.pageRef ?? -1));
    expect(ours.stamps[0]?.boundary.x).toBeCloseTo(122.94, 0);
    expect(ours.stamps[0]?.boundary.y).toBeCloseTo(37, 0);
  });

  it('GB/T 9704 without a date: right-indented four characters below the last text of the last page', () => {
    const doc = OfdDocument.read(buildOfd(2, { signatureBlock: false }));
    const p = resolvePlacement(doc, { kind: 'gbt9704' }, { width: 42, height: 42 });
    expect(p.method).toBe('type-area');
    expect(p.stamps[0]?.pageIndex).toBe(1);
    expect(p.stamps[0]?.boundary.y).toBeCloseTo(52, 3); // last baseline 50 + 2
    expect((p.stamps[0]?.boundary.x ?? 0) + 21).toBeCloseTo(210 - 26 - 8.5 * (156 / 28), 2);
  });

  it('position: page and bounds are checked', () => {
    const doc = OfdDocument.read(buildOfd(2));
    expect(() => resolvePlacement(doc, { kind: 'position', pageIndex: 2, x: 10, y: 10 }, size)).toThrow(OfdSealPlacementError);
    expect(() => resolvePlacement(doc, { kind: 'position', pageIndex: 0, x: 300, y: 10 }, size)).toThrow(/outside the page/);
    expect(() => resolvePlacement(doc, { kind: 'position', pageIndex: -1, x: 10, y: 10 }, size)).toThrow(/no page 0/);
  });
});

describe('batch sealing', () => {
  let seal: Uint8Array;
  let signer: Awaited<ReturnType<typeof entity>>;
  beforeAll(async () => {
    seal = await testSeal();
    signer = await entity('sealSigner');
  });

  it('seals many documents with one seal by keyword; a document without the keyword is reported and the batch goes on', async () => {
    const docs = [
      { name: 'a.ofd', bytes: buildOfd(1) },
      { name: 'b.ofd', bytes: buildOfd(2, { signatureBlock: false }) },
      { name: 'c.ofd', bytes: buildOfd(3) },
      { name: 'd.ofd', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) },
    ];
    const results = await sealOfdBatch(docs, { seal, signerCertificate: signer.certificate, placement: { kind: 'keyword', keyword: '某某市人民政府办公室' } }, { signer: signer.signer, provider, clock: fixedClock });
    expect(results.map((r) => [r.name, r.ok, r.ok ? undefined : r.error.code])).toEqual([
      ['a.ofd', true, undefined],
      ['b.ofd', false, 'OFD_SEAL_KEYWORD_NOT_FOUND'],
      ['c.ofd', true, undefined],
      ['d.ofd', false, 'OFD_MALFORMED'],
    ]);
    for (const r of results) if (r.ok) expect((await verifyOfd(r.result.bytes, { provider, clock: fixedClock })).valid).toBe(true);
  });

  it('GB/T 9704 placement end to end', async () => {
    const out = await sealOfd(buildOfd(2), { seal, signerCertificate: signer.certificate, placement: { kind: 'gbt9704' } }, { signer: signer.signer, provider, clock: fixedClock });
    expect(out.placementMethod).toBe('date-line');
    expect(out.stampAnnots[0]?.boundary.y).toBeCloseTo(150.2 + 1 - 40, 3);
  });
});
