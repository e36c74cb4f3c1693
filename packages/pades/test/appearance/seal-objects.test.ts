// The objects a seal appearance writes, read back with the PDF engine.
import { existsSync, readFileSync } from 'node:fs';
import { parseFontFile } from '@openseal/fonts';
import { PdfDocument, PdfRef, PdfStream, getPage, type PdfDict, type PdfObject, type RevisionView } from '@openseal/pdf';
import { describe, expect, it } from 'vitest';
import { PageFrame } from '../../src/appearance/page-frame.js';
import { prepareSealImage } from '../../src/appearance/prepare-seal-image.js';
import { writeSealAppearance } from '../../src/appearance/seal-appearance.js';
import { prepareSealText } from '../../src/appearance/seal-text.js';
import { placeSealAt } from '../../src/placement/place-seal-at.js';
import { applyWidgets } from '../support/apply-widgets.js';
import { cjkFont } from '../support/cjk-font.js';
import { makeOfficialDocument } from '../support/official-document.js';
import { jpegSeal, pngSeal, vectorSeal } from '../support/seal-pictures.js';

const doc = makeOfficialDocument({ font: cjkFont().font, pages: 1 });

function widgetAppearance(pdf: Uint8Array): { view: RevisionView; form: PdfStream } {
  const view = PdfDocument.load(pdf).latest;
  const annots = view.resolve(getPage(view, 0).dict.get('Annots')) as PdfObject[];
  const widget = view.resolve(annots[annots.length - 1]) as PdfDict;
  const form = view.resolve((view.resolve(widget.get('AP')) as PdfDict).get('N')) as PdfStream;
  return { view, form };
}

const xobject = (view: RevisionView, form: PdfStream): PdfStream => {
  const xo = view.resolve((view.resolve(form.dict.get('Resources')) as PdfDict).get('XObject')) as PdfDict;
  const [, ref] = [...xo.entries()][0] as [string, PdfObject];
  return view.resolve(ref) as PdfStream;
};

describe('seal appearance objects', () => {
  it('writes a PNG with transparency as 8-bit DeviceRGB + DeviceGray soft mask, Flate-compressed', () => {
    const sealed = applyWidgets(doc.pdf, placeSealAt(PdfDocument.load(doc.pdf).latest, { graphic: prepareSealImage(pngSeal(120)), widthMm: 40 }, { pageIndex: 0, xMm: 10, yMm: 10 }));
    const { view, form } = widgetAppearance(sealed);
    expect(form.dict.getName('Subtype')).toBe('Form');
    expect(form.dict.getName('Filter')).toBe('FlateDecode');
    expect(view.resolve(form.dict.get('BBox'))).toEqual([0, 0, 113.3858, 113.3858]);
    const img = xobject(view, form);
    expect(img.dict.getName('ColorSpace')).toBe('DeviceRGB');
    expect(img.dict.get('BitsPerComponent')).toBe(8);
    expect(img.dict.getName('Filter')).toBe('FlateDecode');
    expect([img.dict.get('Width'), img.dict.get('Height')]).toEqual([120, 120]);
    const smask = view.resolve(img.dict.get('SMask')) as PdfStream;
    expect(smask.dict.getName('ColorSpace')).toBe('DeviceGray');
    const alpha = view.streamData(smask);
    expect(alpha.length).toBe(120 * 120);
    expect(alpha.some((a) => a === 0) && alpha.some((a) => a === 255)).toBe(true);
    // Names are prefixed so they never clash with a viewer's.
    const names = [...(view.resolve((view.resolve(form.dict.get('Resources')) as PdfDict).get('XObject')) as PdfDict).keys()];
    expect(names).toEqual(['OsX1']);
  });

  it('passes a JPEG through unchanged as DCTDecode', () => {
    const jpeg = jpegSeal(100);
    const sealed = applyWidgets(doc.pdf, placeSealAt(PdfDocument.load(doc.pdf).latest, { graphic: prepareSealImage(jpeg), widthMm: 40 }, { pageIndex: 0, xMm: 10, yMm: 10 }));
    const { view, form } = widgetAppearance(sealed);
    const img = xobject(view, form);
    expect(img.dict.getName('Filter')).toBe('DCTDecode');
    expect(img.dict.has('SMask')).toBe(false);
    expect(img.encoded).toEqual(jpeg);
  });

  it('embeds text as Type0 / Identity-H over a CIDFontType2 subset with /W and /ToUnicode', () => {
    const text = prepareSealText({ font: cjkFont().font, lines: ['张三', '2026年11月26日'] });
    const sealed = applyWidgets(doc.pdf, placeSealAt(PdfDocument.load(doc.pdf).latest, { graphic: vectorSeal(), widthMm: 40, text }, { pageIndex: 0, xMm: 10, yMm: 10 }));
    const { view, form } = widgetAppearance(sealed);
    const fonts = view.resolve((view.resolve(form.dict.get('Resources')) as PdfDict).get('Font')) as PdfDict;
    const type0 = view.resolve(fonts.get('OsF1')) as PdfDict;
    expect(type0.getName('Subtype')).toBe('Type0');
    expect(type0.getName('Encoding')).toBe('Identity-H');
    expect(type0.getName('BaseFont')).toMatch(/^[A-Z]{6}\+/);
    const cid = view.resolve((view.resolve(type0.get('DescendantFonts')) as PdfObject[])[0]) as PdfDict;
    expect(cid.getName('Subtype')).toBe('CIDFontType2');
    expect(cid.getName('CIDToGIDMap')).toBe('Identity');
    expect(Array.isArray(view.resolve(cid.get('W')))).toBe(true);
    const descriptor = view.resolve(cid.get('FontDescriptor')) as PdfDict;
    const file = view.resolve(descriptor.get('FontFile2')) as PdfStream;
    const subset = parseFontFile(view.streamData(file));
    for (const ch of '张三2026年月日') expect(subset.glyphIdForCodePoint(ch.codePointAt(0) as number)).toBeGreaterThan(0);
    const cmap = new TextDecoder().decode(view.streamData(view.resolve(type0.get('ToUnicode')) as PdfStream));
    expect(cmap).toContain('beginbfchar');
    // The content shows text with hex CIDs.
    expect(new TextDecoder().decode(view.streamData(form))).toMatch(/<[0-9A-F]{8,}> Tj/);
  });

  it('adds shared objects (image, font) once per file however many widgets use them', () => {
    const image = prepareSealImage(pngSeal(60));
    const frame = new PageFrame([0, 0, 595, 842], 0);
    const added: PdfObject[] = [];
    const sink = { add: (o: PdfObject): PdfRef => new PdfRef(added.push(o), 0) };
    for (let i = 0; i < 5; i++) writeSealAppearance(sink, { graphic: image, widthMm: 40 }, frame, { xMm: i * 8, widthMm: 8 });
    const subtype = (o: PdfObject): string | undefined => (o instanceof PdfStream ? o.dict.getName('Subtype') : undefined);
    expect(added.filter((o) => subtype(o) === 'Image')).toHaveLength(2); // the picture and its soft mask
    expect(added.filter((o) => subtype(o) === 'Form')).toHaveLength(5);
  });
});

describe('errors', () => {
  it('rejects pictures that are neither PNG nor JPEG', () => {
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00');
    expect(() => prepareSealImage(gif)).toThrow(expect.objectContaining({ code: 'SEAL_IMAGE_UNSUPPORTED' }));
    expect(() => prepareSealImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toThrow(expect.objectContaining({ code: 'SEAL_IMAGE_UNSUPPORTED' }));
  });

  it('refuses a CFF (OpenType) CJK face, which embeds unreliably', () => {
    const noto = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
    expect(existsSync(noto)).toBe(true);
    const font = parseFontFile(new Uint8Array(readFileSync(noto)), { faceIndex: 2 });
    expect(() => prepareSealText({ font, lines: ['中文'] })).toThrow(expect.objectContaining({ code: 'SEAL_FONT_UNSUITABLE' }));
  });

  it('refuses a seal off the page or on a missing page', () => {
    const view = PdfDocument.load(doc.pdf).latest;
    const design = { graphic: vectorSeal(), widthMm: 40 };
    expect(() => placeSealAt(view, design, { pageIndex: 0, xMm: 300, yMm: 10 })).toThrow(expect.objectContaining({ code: 'SEAL_PLACEMENT_INVALID' }));
    expect(() => placeSealAt(view, design, { pageIndex: 5, xMm: 10, yMm: 10 })).toThrow(expect.objectContaining({ code: 'SEAL_PLACEMENT_INVALID' }));
    expect(() => placeSealAt(view, { ...design, widthMm: -1 }, { pageIndex: 0, xMm: 10, yMm: 10 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
