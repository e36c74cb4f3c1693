import { SeededRandom } from '@openseal/kernel';
import { describe, expect, it } from 'vitest';
import type { PageObject } from '../src/index.js';
import { OfdBuilder, OfdDocument, OfdPackage, writeOfd } from '../src/index.js';
import { unzipTest } from './support/unzip.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const FONT = new Uint8Array([0, 1, 0, 0, 0, 9, 0x80, 0, 0, 3, 0, 1, 0, 0, 0, 0, 5, 6, 7, 8]);
const modifiedAt = new Date('2024-01-02T03:04:06Z');

function sampleBuilder(): OfdBuilder {
  const b = new OfdBuilder({ random: new SeededRandom(7), creationDate: modifiedAt, docInfo: { title: '测试文档', creator: 'OpenSeal tests' } });
  const song = b.addFont({ fontName: '宋体', familyName: 'SimSun' });
  const fang = b.addFont({ fontName: 'FangSong', familyName: '仿宋', file: { bytes: FONT } });
  const logo = b.addImage({ bytes: PNG });
  const p1 = b.addPage();
  p1.text({ text: '关于印发《示例》的通知', font: fang, size: 7.761, x: 28, y: 50, fill: { rgb: [255, 0, 0] }, hScale: 0.64 });
  p1.text({ text: 'Hello, OFD', font: song, size: 3.175, x: 28, y: 70, deltaX: [1.6, 1.6, 1.6, 1.6, 1.0, 0.9, 2, 2, 2] });
  p1.path({ commands: [{ op: 'M', x: 28, y: 80 }, { op: 'L', x: 184, y: 80 }], stroke: { color: { rgb: [255, 0, 0] }, width: 0.5 } });
  p1.path({
    commands: [{ op: 'M', x: 150, y: 200 }, { op: 'A', rx: 20, ry: 20, angle: 0, largeArc: true, sweep: true, x: 150, y: 200.01 }, { op: 'C' }],
    stroke: false,
    fill: { color: { cmyk: [0, 204, 204, 0], alpha: 128 }, rule: 'Even-Odd' },
    clip: [{ op: 'M', x: 130, y: 180 }, { op: 'L', x: 170, y: 180 }, { op: 'L', x: 170, y: 200 }, { op: 'L', x: 130, y: 200 }, { op: 'C' }],
  });
  p1.image({ resource: logo, x: 150, y: 230, width: 30, height: 20 });
  const p2 = b.addPage({ width: 297, height: 210 });
  p2.layer('Background');
  p2.text({ text: '第二页', font: song, size: 5.644, x: 10, y: 20, fill: { gray: 64 }, boundary: { x: 5, y: 10, width: 40, height: 10 }, ctm: [1, 0, 0, 1, 0, 0] });
  return b;
}

function ids(objects: readonly PageObject[], out: number[]): void {
  for (const o of objects) {
    if (o.id !== undefined) out.push(o.id);
    if (o.kind === 'PageBlock') ids(o.objects, out);
  }
}

describe('OfdBuilder → writeOfd → OfdDocument', () => {
  it('reads back exactly the model it wrote', () => {
    const model = sampleBuilder().build();
    const doc = OfdDocument.read(writeOfd(model, { modifiedAt }));
    expect(doc.ofd).toEqual(model.ofd);
    expect(doc.document).toEqual(model.document);
    expect(doc.resources.files.map((f) => f.xml)).toEqual([model.publicRes, model.documentRes]);
    expect(doc.pages.map((p) => doc.page(p.index).xml)).toEqual(model.pages);
    for (const [path, bytes] of model.files) expect(doc.pkg.bytes(path)).toEqual(bytes);
    expect(doc.resources.fonts.get(2)?.filePath).toBe('Doc_0/Res/font_2.ttf');
    expect(doc.resources.multiMedias.get(3)).toMatchObject({ filePath: 'Doc_0/Res/image_3.png', resource: { format: 'PNG' } });
  });

  it('uses unique IDs with MaxUnitID equal to the largest', () => {
    const doc = OfdDocument.read(sampleBuilder().toBytes());
    const all: number[] = [...doc.document.pages.map((p) => p.id)];
    for (const f of doc.resources.files) {
      all.push(...f.xml.fonts.map((x) => x.id), ...f.xml.multiMedias.map((x) => x.id), ...f.xml.colorSpaces.map((x) => x.id));
    }
    for (const p of doc.pages) {
      for (const layer of doc.page(p.index).xml.layers) {
        if (layer.id !== undefined) all.push(layer.id);
        ids(layer.objects, all);
      }
    }
    expect(new Set(all).size).toBe(all.length);
    expect(doc.document.commonData.maxUnitId).toBe(Math.max(...all));
  });

  it('places text glyphs where the drawing model said, in page millimetres', () => {
    const doc = OfdDocument.read(sampleBuilder().toBytes());
    const hello = doc.textRuns(0).find((r) => r.text === 'Hello, OFD');
    const expectedX = [28, 29.6, 31.2, 32.8, 34.4, 35.4, 36.3, 38.3, 40.3, 42.3];
    expect(hello?.glyphs.map((g) => g.x)).toEqual(expectedX.map((x) => expect.closeTo(x, 6)));
    expect(hello?.glyphs.every((g) => Math.abs(g.y - 70) < 1e-6)).toBe(true);
    const title = doc.textRuns(0).find((r) => r.text.startsWith('关于'));
    expect(title?.glyphs[1]?.x).toBeCloseTo(28 + 7.761, 6);
    const second = doc.textRuns(1)[0];
    expect(second).toMatchObject({ text: '第二页', source: 'page' });
    expect(second?.glyphs[0]).toEqual({ text: '第', x: 15, y: 30 });
  });

  it('writes XSD order with the 2016 namespace and ofd: prefix, page size on the second page only', () => {
    const pkg = OfdPackage.read(sampleBuilder().toBytes());
    const text = (p: string): string => new TextDecoder().decode(pkg.bytes(p));
    expect(pkg.paths).toEqual([
      'OFD.xml', 'Doc_0/Document.xml', 'Doc_0/PublicRes.xml', 'Doc_0/DocumentRes.xml',
      'Doc_0/Pages/Page_0/Content.xml', 'Doc_0/Pages/Page_1/Content.xml', 'Doc_0/Res/font_2.ttf', 'Doc_0/Res/image_3.png',
    ]);
    expect(text('OFD.xml')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<ofd:OFD xmlns:ofd="http:\/\/www.ofdspec.org\/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>[0-9a-f]{32}<\/ofd:DocID><ofd:Title>测试文档<\/ofd:Title><ofd:CreationDate>2024-01-02<\/ofd:CreationDate><ofd:Creator>/);
    expect(text('Doc_0/Document.xml')).toContain('<ofd:CommonData><ofd:MaxUnitID>16</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>');
    expect(text('Doc_0/Pages/Page_0/Content.xml')).not.toContain('<ofd:Area><ofd:PhysicalBox>');
    expect(text('Doc_0/Pages/Page_1/Content.xml')).toContain('<ofd:Area><ofd:PhysicalBox>0 0 297 210</ofd:PhysicalBox></ofd:Area>');
    expect(text('Doc_0/Pages/Page_0/Content.xml')).toContain('DeltaX="g 10 7.761"');
    expect(text('Doc_0/Pages/Page_0/Content.xml')).toContain('<ofd:ImageObject ID="11" Boundary="150 230 30 20" CTM="30 0 0 20 0 0" ResourceID="3"/>');
  });

  it('is deterministic and accepted by an independent ZIP reader (Info-ZIP unzip -t)', () => {
    const a = sampleBuilder().toBytes({ modifiedAt });
    const b = sampleBuilder().toBytes({ modifiedAt });
    expect(a).toEqual(b);
    expect(unzipTest(a)).toMatch(/No errors detected in compressed data/);
    expect(OfdPackage.read(a).entries.every((e) => e.modifiedAt?.toISOString() === '2024-01-02T03:04:06.000Z')).toBe(true);
  });
});

describe('PageBuilder.object', () => {
  it('gives nested PageBlock content document-unique IDs', () => {
    const b = new OfdBuilder({ docInfo: { docId: '0123456789abcdef0123456789abcdef' } });
    const page = b.addPage();
    const block = page.object({
      kind: 'PageBlock',
      objects: [{ kind: 'PathObject', boundary: { x: 0, y: 0, width: 1, height: 1 }, abbreviatedData: [{ op: 'M', x: 0, y: 0 }, { op: 'L', x: 1, y: 1 }] }],
    });
    const doc = OfdDocument.read(b.toBytes());
    const stored = doc.page(0).xml.layers[0]?.objects[0];
    expect(stored).toMatchObject({ kind: 'PageBlock', id: block, objects: [{ kind: 'PathObject', id: block + 1 }] });
    expect(doc.document.commonData.maxUnitId).toBe(block + 1);
  });
});
