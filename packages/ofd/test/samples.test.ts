import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  OFD_NAMESPACE_LEGACY,
  OfdDocument,
  parseDocumentXml,
  parseOfdXml,
  parsePageXml,
  parseResXml,
  parseSignatureXml,
  parseXml,
  serializeDocumentXml,
  serializeOfdXmlFile,
  serializePageXml,
  serializeResXml,
  serializeSignatureXml,
} from '../src/index.js';
import type { OfdSampleName } from './support/samples.js';
import { OFD_SAMPLES, ofdSample } from './support/samples.js';

const PAGES: Record<OfdSampleName, number> = {
  'ofdrw-converter__1.ofd': 1,
  'ofdrw-converter__999.ofd': 5,
  'ofdrw-converter__V4RideRight.ofd': 5,
  'ofdrw-converter__h.ofd': 5,
  'ofdrw-converter__n.ofd': 2,
  'ofdrw-converter__z.ofd': 4,
  'ofdrw-converter__zsbk.ofd': 2,
  'ofdrw-reader__SESV4SignDoc.ofd': 1,
  'ofdrw-sign__DigitalSign.ofd': 1,
  'ofdrw-sign__allprotected.ofd': 1,
  'ofdrw-sign__helloworld.ofd': 1,
};

const open = (name: OfdSampleName): OfdDocument => OfdDocument.read(ofdSample(name));
const sm3 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sm3').update(bytes).digest());

describe('every third-party OFD sample', () => {
  it.each(Object.keys(OFD_SAMPLES) as OfdSampleName[])('%s reads: pages, page text, resources, signatures', (name) => {
    const doc = open(name);
    expect(doc.pageCount).toBe(PAGES[name]);
    for (let i = 0; i < doc.pageCount; i++) {
      const page = doc.page(i);
      expect(page.area?.physicalBox.width).toBeGreaterThan(0);
      expect(Array.isArray(doc.textRuns(i))).toBe(true);
    }
    for (const { filePath } of [...doc.resources.fonts.values(), ...doc.resources.multiMedias.values()]) {
      if (filePath !== undefined) expect(doc.pkg.has(filePath)).toBe(true);
    }
    doc.annotations();
    doc.attachments();
    doc.customTags();
    for (const sig of doc.signatures()?.signatures ?? []) {
      for (const ref of sig.references) expect(doc.pkg.has(ref.path), ref.path).toBe(true);
    }
  });

  it.each(Object.keys(OFD_SAMPLES) as OfdSampleName[])('%s: every part reads back the same after our serialiser', (name) => {
    const doc = open(name);
    const again = <T>(path: string, parse: (el: ReturnType<typeof parseXml>, ctx: { part: string }) => T, write: (m: T) => Uint8Array): void => {
      const model = parse(doc.readXml(path), { part: path });
      expect(parse(parseXml(write(model), path), { part: path })).toEqual(model);
    };
    again('OFD.xml', parseOfdXml, serializeOfdXmlFile);
    again(doc.documentPath, parseDocumentXml, serializeDocumentXml);
    for (const res of doc.resources.files) again(res.path, parseResXml, serializeResXml);
    for (const p of doc.pages) again(p.path, parsePageXml, serializePageXml);
    for (const sig of doc.signatures()?.signatures ?? []) again(sig.path, parseSignatureXml, serializeSignatureXml);
  });
});

describe('tax-authority e-invoice (ofdrw-converter__1.ofd)', () => {
  const doc = open('ofdrw-converter__1.ofd');

  it('has its 发票 text, with glyph positions from Boundary + X/Y + DeltaX (g syntax)', () => {
    expect(doc.pageText(0)).toContain('浙江增值税电子普通发票');
    const title = doc.textRuns(0).find((r) => r.text === '浙江增值税电子普通发票');
    expect(title?.glyphs).toHaveLength(11);
    // Boundary="69 7 …", X=0 Y=5.7577, DeltaX="g 10 6.5297"
    expect(title?.glyphs[0]?.x).toBeCloseTo(69, 9);
    expect(title?.glyphs[0]?.y).toBeCloseTo(12.7577, 9);
    expect(title?.glyphs[10]?.x).toBeCloseTo(69 + 10 * 6.5297, 9);
    expect(title?.fontSize).toBeCloseTo(6.7028, 9);
    // The template (Tpl_0) carries the field labels; they come with source 'template'.
    expect(doc.textRuns(0).some((r) => r.source === 'template' && r.text === '购买方')).toBe(true);
  });

  it('reads DocInfo CustomDatas, the stamp annotation and the attachment', () => {
    const custom = doc.body.docInfo.customDatas ?? [];
    expect(custom.find((c) => c.name === '发票号码')?.value).toBe('83089647');
    const annots = doc.annotations();
    expect(annots?.pages[0]?.pageId).toBe(1);
    expect(annots?.pages[0]?.xml.annots[0]).toMatchObject({ id: 91, type: 'Stamp', subtype: 'SignatureInFile', parameters: [{ name: 'fp.NativeSign', value: 'original_invoice' }] });
    expect(doc.attachments()?.files.map((f) => f.path)).toEqual(['Doc_0/Attachs/original_invoice.xml']);
    expect([...doc.resources.multiMedias.values()].map((m) => [m.resource.format, m.filePath])).toEqual([['GBIG2', 'Doc_0/Res/image_78.jb2']]);
  });

  it('lists its signature with the 13 references of the manifest, whose SM3 digests match our raw bytes', () => {
    const list = doc.signatures();
    expect(list?.path).toBe('Doc_0/Signs/Signatures.xml');
    const sig = list?.signatures[0];
    expect(sig?.references).toHaveLength(13);
    expect(sig?.xml.signedInfo).toMatchObject({
      provider: { providerName: 'gomain_eseal', company: 'gomain' },
      checkMethod: '1.2.156.10197.1.401',
      stampAnnots: [{ id: '1', pageRef: 1, boundary: { x: 90, y: 8, width: 30, height: 20 } }],
    });
    expect(sig?.xml.signedInfo.sealBaseLoc).toBeUndefined();
    expect(sig?.signedValuePath).toBe('Doc_0/Signs/Sign_0/SignedValue.dat');
    for (const ref of sig?.references ?? []) expect(sm3(doc.pkg.bytes(ref.path)), ref.path).toEqual(ref.checkValue);
    // Tamper twin: one flipped bit in a referenced file no longer matches its CheckValue.
    const tampered = doc.pkg.bytes('/OFD.xml').slice();
    tampered[40] = (tampered[40] as number) ^ 1;
    expect(sm3(tampered)).not.toEqual(sig?.references.find((r) => r.path === 'OFD.xml')?.checkValue);
  });
});

describe('other samples', () => {
  it('z.ofd: pre-2016 namespace, embedded TrueType font, 3 PNG images, CGTransform glyphs', () => {
    const doc = open('ofdrw-converter__z.ofd');
    expect(doc.readXml('OFD.xml').uri).toBe(OFD_NAMESPACE_LEGACY);
    const embedded = [...doc.resources.fonts.values()].filter((f) => f.filePath !== undefined);
    expect(embedded.map((f) => [f.resource.fontName, f.filePath])).toEqual([['STZJ', 'Doc_0/Res/font1.ttf']]);
    expect([...doc.pkg.bytes('Doc_0/Res/font1.ttf').subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    const images = [...doc.resources.multiMedias.values()];
    expect(images).toHaveLength(3);
    for (const img of images) expect([...doc.pkg.bytes(img.filePath as string).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(doc.pageText(0)).toContain('字型变换');
    const withGlyphs = doc.pages.flatMap((_, i) => doc.page(i).xml.layers.flatMap((l) => l.objects))
      .filter((o) => o.kind === 'TextObject' && o.textCodes.some((c) => c.cgTransforms !== undefined));
    expect(withGlyphs.length).toBeGreaterThan(0);
  });

  it('V4RideRight: 5 pages, one riding-seam seal with a StampAnnot per page and 8 mm clip strips', () => {
    const doc = open('ofdrw-converter__V4RideRight.ofd');
    expect(doc.warnings).toEqual([{ code: 'OFD_MISSING_PART', path: 'Doc_0/PublicRes.xml', referencedFrom: 'Doc_0/Document.xml' }]);
    const sig = doc.signatures()?.signatures[0];
    const annots = sig?.xml.signedInfo.stampAnnots ?? [];
    expect(annots.map((a) => doc.pageIndexById(a.pageRef))).toEqual([0, 1, 2, 3, 4]);
    expect(annots.map((a) => a.clip?.width)).toEqual([8, 8, 8, 8, 8]);
    expect(sig?.sealPath).toBe('Doc_0/Signs/Sign_0/Seal.esl');
    expect(sig?.xml.signedInfo.checkMethod).toBe('SM3');
    for (const ref of sig?.references ?? []) expect(sm3(doc.pkg.bytes(ref.path)), ref.path).toEqual(ref.checkValue);
  });

  it('h.ofd: two signatures, the last MaxSignId kept', () => {
    const list = open('ofdrw-converter__h.ofd').signatures();
    expect(list?.signatures.map((s) => s.entry.id)).toEqual(['s001', 's007']);
    expect(list?.xml.maxSignId).toBe('s008');
  });

  it('999.ofd: relative Signature BaseLoc and StampAnnot PageRef by page ID', () => {
    const doc = open('ofdrw-converter__999.ofd');
    const sig = doc.signatures()?.signatures[0];
    expect(sig?.entry.baseLoc).toBe('Sign_0/Signature.xml');
    expect(sig?.path).toBe('Doc_0/Signs/Sign_0/Signature.xml');
    expect(doc.pageIndexById(sig?.xml.signedInfo.stampAnnots[0]?.pageRef ?? -1)).toBe(0);
    expect(sig?.references).toHaveLength(20);
  });

  it('n.ofd: Provider written as child elements, signature list outside Signs/, digests no longer match', () => {
    const doc = open('ofdrw-converter__n.ofd');
    const list = doc.signatures();
    expect(list?.path).toBe('Doc_0/Signatures.xml');
    const sig = list?.signatures[0];
    expect(sig?.xml.signedInfo.provider).toEqual({ providerName: 'iOFD® 2.1.1 ©2019-2020 dms360.cn', version: '2.1.1', company: 'dms360.cn' });
    expect(sig?.xml.signedInfo.checkMethod).toBe('1.2.156.10197.1.401.2');
    const mismatched = (sig?.references ?? []).filter((r) => !Buffer.from(sm3(doc.pkg.bytes(r.path))).equals(Buffer.from(r.checkValue)));
    expect(mismatched.length).toBeGreaterThan(0);
  });

  it('DigitalSign.ofd: a Type="Sign" signature without StampAnnot', () => {
    const sig = open('ofdrw-sign__DigitalSign.ofd').signatures()?.signatures[0];
    expect(sig?.entry.type).toBe('Sign');
    expect(sig?.xml.signedInfo.stampAnnots).toEqual([]);
  });

  it('zsbk.ofd: text under a CTM is placed and sized through it', () => {
    const doc = open('ofdrw-converter__zsbk.ofd');
    const run = doc.textRuns(0).find((r) => r.objectId === 9 && r.source === 'template');
    // CTM="15.9345 0 0 15.9281 0 0" Boundary="61.7264 25.8841 …" Size=0.3528, X=-0.0166 Y=0.3023
    expect(run?.text).toBe('中');
    expect(run?.glyphs[0]?.x).toBeCloseTo(61.7264 + 15.9345 * -0.0166, 9);
    expect(run?.glyphs[0]?.y).toBeCloseTo(25.8841 + 15.9281 * 0.3023, 9);
    expect(run?.fontSize).toBeCloseTo(0.3528 * Math.sqrt(15.9345 * 15.9281), 9);
  });
});
