/**
 * Draw lists → PDF. Each face becomes a Type0 font with an embedded, GID-preserving TrueType subset
 * (CIDFontType2, Identity-H, CIDToGIDMap /Identity, ISO 32000-1 §9.7), with /W widths and a ToUnicode
 * CMap so text stays searchable. Glyph positions are exact: TJ adjustments close the gap between a
 * glyph's own advance and the layout's.
 */
import { pdfFontDescriptorValues, pdfGlyphWidth, pdfWidthArray, subsetTag, subsetTrueType, toUnicodeCMap, type Font } from '@openseal/fonts';
import { PdfDict, PdfName, PdfString, type PdfRef } from '@openseal/pdf';
import { MM_TO_PT } from '../official/page-geometry.js';
import { PdfWriter, writePageTree } from '../pdf/pdf-writer.js';
import type { DrawOp, LaidOutPage, PathSegment, TextOp } from './draw-list.js';

export interface PdfRenderOptions {
  readonly title?: string;
}

export function renderPdf(pages: readonly LaidOutPage[], options: PdfRenderOptions = {}): Uint8Array {
  const w = new PdfWriter();
  const fonts = new PdfFontSet();
  for (const p of pages) fonts.collect(p.ops);
  const resources = w.add(new PdfDict([['Font', fonts.write(w)]]));
  const pagesRef = w.allocate();
  const refs = pages.map((p) =>
    w.add(new PdfDict([
      ['Type', new PdfName('Page')],
      ['Parent', pagesRef],
      ['MediaBox', [0, 0, pt(p.widthMm), pt(p.heightMm)]],
      ['Resources', resources],
      ['Contents', w.stream(new TextEncoder().encode(pageContent(p, (font) => fonts.name(font))))],
    ])),
  );
  const info = options.title === undefined ? undefined : w.add(new PdfDict([['Title', PdfString.fromText(options.title)], ['Producer', PdfString.fromText('OpenSeal')]]));
  return w.toBytes(writePageTree(w, refs, pagesRef), info);
}

/** The faces used by draw lists, each written once as a subset Type0 font. */
export class PdfFontSet {
  readonly #fonts = new Map<Font, { name: string; glyphs: Map<number, string> }>();

  constructor(private readonly prefix = 'F') {}

  collect(ops: readonly DrawOp[]): void {
    for (const op of ops) {
      if (op.kind !== 'text') continue;
      let f = this.#fonts.get(op.font);
      if (f === undefined) {
        f = { name: `${this.prefix}${this.#fonts.size + 1}`, glyphs: new Map() };
        this.#fonts.set(op.font, f);
      }
      for (const g of op.glyphs) if (!f.glyphs.has(g.gid)) f.glyphs.set(g.gid, g.text);
    }
  }

  name(font: Font): string {
    const f = this.#fonts.get(font);
    if (f === undefined) throw new Error('font was not collected');
    return f.name;
  }

  /** Writes every font; returns the /Font resource dictionary. */
  write(w: PdfWriter): PdfDict {
    const dict = new PdfDict();
    for (const [font, f] of this.#fonts) dict.set(f.name, writeType0Font(w, font, f.glyphs));
    return dict;
  }
}

const pt = (mm: number): number => Math.round(mm * MM_TO_PT * 1000) / 1000;
const n = (v: number): string => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

function writeType0Font(w: PdfWriter, font: Font, glyphs: Map<number, string>): PdfRef {
  const gids = [...glyphs.keys()];
  const d = pdfFontDescriptorValues(font);
  const baseFont = `${subsetTag(gids)}+${d.fontName}`;
  const file = subsetTrueType(font, gids);
  const descriptor = w.add(new PdfDict([
    ['Type', new PdfName('FontDescriptor')],
    ['FontName', new PdfName(baseFont)],
    ['Flags', d.flags],
    ['FontBBox', [...d.fontBBox]],
    ['ItalicAngle', d.italicAngle],
    ['Ascent', d.ascent],
    ['Descent', d.descent],
    ['CapHeight', d.capHeight],
    ['StemV', d.stemV],
    ['FontFile2', w.stream(file, { Length1: file.length })],
  ]));
  const cidFont = w.add(new PdfDict([
    ['Type', new PdfName('Font')],
    ['Subtype', new PdfName('CIDFontType2')],
    ['BaseFont', new PdfName(baseFont)],
    ['CIDSystemInfo', new PdfDict([['Registry', PdfString.fromLatin1('Adobe')], ['Ordering', PdfString.fromLatin1('Identity')], ['Supplement', 0]])],
    ['FontDescriptor', descriptor],
    ['W', pdfWidthArray(font, gids)],
    ['CIDToGIDMap', new PdfName('Identity')],
  ]));
  const toUnicode = w.stream(new TextEncoder().encode(toUnicodeCMap(glyphs.entries())));
  return w.add(new PdfDict([
    ['Type', new PdfName('Font')],
    ['Subtype', new PdfName('Type0')],
    ['BaseFont', new PdfName(baseFont)],
    ['Encoding', new PdfName('Identity-H')],
    ['DescendantFonts', [cidFont]],
    ['ToUnicode', toUnicode],
  ]));
}

/** The content stream of a laid-out page (PDF user space: points, y up). */
export function pageContent(p: LaidOutPage, fontName: (f: Font) => string): string {
  const out: string[] = [];
  const y = (mm: number) => pt(p.heightMm - mm);
  const rgb = (c: readonly number[]) => c.map((v) => n(v / 255)).join(' ');
  for (const op of p.ops as DrawOp[]) {
    if (op.kind === 'line') {
      out.push(`q 0 J ${n(pt(op.widthMm))} w ${rgb(op.color)} RG ${n(pt(op.x1))} ${n(y(op.y1))} m ${n(pt(op.x2))} ${n(y(op.y2))} l S Q`);
    } else if (op.kind === 'path') {
      out.push(`q ${rgb(op.fill)} rg ${pathOps(op.commands, y)} f Q`);
    } else out.push(textContent(op, y, fontName(op.font)));
  }
  return out.join('\n') + '\n';
}

function pathOps(commands: readonly PathSegment[], y: (mm: number) => number): string {
  return commands
    .map((c) => (c.op === 'Z' ? 'h' : c.op === 'C' ? `${n(pt(c.x1))} ${n(y(c.y1))} ${n(pt(c.x2))} ${n(y(c.y2))} ${n(pt(c.x))} ${n(y(c.y))} c` : `${n(pt(c.x))} ${n(y(c.y))} ${c.op === 'M' ? 'm' : 'l'}`))
    .join(' ');
}

function textContent(op: TextOp, y: (mm: number) => number, name: string): string {
  const size = pt(op.sizeMm);
  const h = op.hScale ?? 1;
  const first = op.glyphs[0];
  if (first === undefined) return '';
  const parts: string[] = [];
  op.glyphs.forEach((g, i) => {
    parts.push(`<${g.gid.toString(16).padStart(4, '0')}>`);
    const next = op.glyphs[i + 1];
    if (next === undefined) return;
    // ISO 32000-1 §9.4.4: tx = (w0 − Tj/1000) × Tfs × Th; solve Tj for the wanted displacement.
    const wanted = pt(next.x - g.x);
    const tj = (pdfGlyphWidth(op.font, g.gid) / 1000 - wanted / (size * h)) * 1000;
    if (Math.abs(tj) > 0.01) parts.push(n(tj));
  });
  const fill = op.color.map((v) => n(v / 255)).join(' ');
  const stroke = op.strokeMm === undefined ? '0 Tr' : `2 Tr ${n(pt(op.strokeMm))} w 1 j ${fill} RG`;
  return `BT /${name} ${n(size)} Tf ${fill} rg ${stroke} ${n(h * 100)} Tz ${n(pt(first.x))} ${n(y(op.baseline))} Td [${parts.join(' ')}] TJ ET`;
}
