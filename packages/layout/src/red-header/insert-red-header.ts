/**
 * Puts a red header (版头, GB/T 9704-2012 §7.2) on the first page of an already converted, unsigned PDF.
 * The first page's original content becomes a Form XObject drawn below the header: moved down so its
 * top meets the title position (two lines under the red line) and, only if it would then run past the
 * bottom of the type area (or its own former bottom, if lower), scaled down uniformly — nothing the author
 * wrote leaves the page. The output is a new file (not an incremental update): nothing is signed yet.
 */
import { listPages, PdfDict, PdfDocument, PdfName, PdfRef, PdfStream, type PdfObject, type PdfPage, type RevisionView } from '@openseal/pdf';
import { LayoutInputError } from '../errors.js';
import { composeHeader, type HeaderFields } from '../official/compose-header.js';
import type { OfficialFonts } from '../official/official-fonts.js';
import type { OfficialTemplate } from '../official/official-template.js';
import { MM_TO_PT, PAGE, TYPE_AREA } from '../official/page-geometry.js';
import { pageContent, PdfFontSet } from '../render/render-pdf.js';
import { PdfWriter, writePageTree } from '../pdf/pdf-writer.js';
import { contentExtent, type Matrix, type XObjectInfo } from './content-extent.js';
import { PdfCopier } from './pdf-copier.js';

export type RedHeaderFields = HeaderFields;

export interface RedHeaderOptions {
  readonly fields?: RedHeaderFields;
  /** The first page's content extent in mm from the page top, when the caller measured it (e.g. by rendering). */
  readonly contentBox?: { readonly topMm: number; readonly bottomMm: number };
  readonly password?: string;
}

export interface RedHeaderResult {
  readonly pdf: Uint8Array;
  /** Where the original first-page content went: scale about the page's vertical centre line, then moved. */
  readonly placement: { readonly scale: number; readonly contentTopMm: number; readonly contentBottomMm: number; readonly newTopMm: number };
  readonly redLineY: number | undefined;
  readonly mastheadTop: number;
}

export function insertRedHeader(pdf: Uint8Array, template: OfficialTemplate, fonts: OfficialFonts, options: RedHeaderOptions = {}): RedHeaderResult {
  const doc = PdfDocument.load(pdf, options.password === undefined ? {} : { password: options.password });
  const view = doc.latest;
  const pages = listPages(view);
  const first = pages[0];
  if (first === undefined) throw new LayoutInputError('PDF', 'the document has no pages');
  if (first.rotate !== 0) throw new LayoutInputError('PDF', 'a rotated first page cannot take a red header');
  const [bx0, by0, bx1, by1] = first.mediaBox;
  const heightMm = (by1 - by0) / MM_TO_PT;
  const widthMm = (bx1 - bx0) / MM_TO_PT;
  const header = composeHeader(options.fields ?? {}, template, fonts);
  // A4 geometry; on another paper size the header stays centred and measured from the top.
  const dx = (widthMm - PAGE.width) / 2;
  const headerOps = dx === 0 ? header.ops : header.ops.map((op) => shiftX(op, dx));
  const content = pageContentBytes(view, first);
  const box = options.contentBox ?? measured(content, first, view, by1);
  const target = header.bodyTop;
  let scale = 1;
  let newTop = box.topMm;
  if (box.topMm < target) {
    newTop = target;
    const floor = Math.max(box.bottomMm, TYPE_AREA.bottom);
    if (box.bottomMm - box.topMm > 0 && target + (box.bottomMm - box.topMm) > floor) scale = (floor - target) / (box.bottomMm - box.topMm);
  }
  const k = MM_TO_PT;
  const cx = (bx0 + bx1) / 2;
  // Page mm (y down) → PDF points (y up): x' = cx + s(x − cx); top edge box.topMm maps to newTop.
  const m: Matrix = [scale, 0, 0, scale, cx * (1 - scale), by1 * (1 - scale) - k * newTop + scale * k * box.topMm];

  const w = new PdfWriter();
  const copier = new PdfCopier(view, w);
  const fontSet = new PdfFontSet('OSH');
  fontSet.collect(headerOps);
  transformAnnotations(first, view, copier, m);
  const pagesRef = w.allocate();
  const refs = pages.map((p, i) => {
    const dict = new PdfDict();
    for (const [key, value] of p.dict.entries()) if (!['Parent', 'Contents', 'Resources', 'MediaBox', 'CropBox', 'Rotate'].includes(key)) dict.set(key, copier.copy(value));
    dict.set('Parent', pagesRef);
    dict.set('MediaBox', [...p.mediaBox]);
    if (p.cropBox.some((v, j) => v !== p.mediaBox[j])) dict.set('CropBox', [...p.cropBox]);
    if (p.rotate !== 0) dict.set('Rotate', p.rotate);
    if (i > 0) {
      if (p.resources !== undefined) dict.set('Resources', copier.copy(p.resources));
      const c = p.dict.get('Contents');
      if (c !== undefined) dict.set('Contents', copier.copy(c));
      return w.add(dict);
    }
    const form = w.stream(content, {
      Type: new PdfName('XObject'), Subtype: new PdfName('Form'), BBox: [...p.mediaBox],
      ...(p.resources === undefined ? {} : { Resources: copier.copy(p.resources) }),
    });
    const ops = `q ${m.map(fmt).join(' ')} cm /OSRH0 Do Q\n` + pageContent({ widthMm, heightMm, ops: headerOps }, (f) => fontSet.name(f));
    dict.set('Resources', new PdfDict([['XObject', new PdfDict([['OSRH0', form]])], ['Font', fontSet.write(w)]]));
    dict.set('Contents', w.stream(new TextEncoder().encode(ops)));
    return w.add(dict);
  });
  const catalog = new PdfDict();
  for (const [key, value] of view.catalog.entries()) if (key !== 'Pages') catalog.set(key, copier.copy(value));
  catalog.set('Pages', pagesRef);
  writePageTree(w, refs, pagesRef);
  const root = w.add(catalog);
  const info = view.trailer.get('Info');
  const bytes = w.toBytes(root, info === undefined ? undefined : (copier.copy(info) as never));
  return { pdf: bytes, placement: { scale, contentTopMm: box.topMm, contentBottomMm: box.bottomMm, newTopMm: newTop }, redLineY: header.redLineY, mastheadTop: header.mastheadTop };
}

const fmt = (v: number): string => String(Math.round(v * 10000) / 10000);

function shiftX<T extends { kind: string }>(op: T, dx: number): T {
  const o = op as unknown as Record<string, unknown>;
  if (o.kind === 'line') return { ...o, x1: (o.x1 as number) + dx, x2: (o.x2 as number) + dx } as unknown as T;
  if (o.kind === 'text') return { ...o, glyphs: (o.glyphs as { x: number }[]).map((g) => ({ ...g, x: g.x + dx })) } as unknown as T;
  return op;
}

function pageContentBytes(view: RevisionView, page: PdfPage): Uint8Array {
  const c = view.resolve(page.dict.get('Contents'));
  const parts = (Array.isArray(c) ? c.map((x) => view.resolve(x)) : [c]).filter((s): s is PdfStream => s instanceof PdfStream);
  const chunks = parts.map((s) => view.streamData(s));
  const out = new Uint8Array(chunks.reduce((n, ch) => n + ch.length + 1, 0));
  let at = 0;
  for (const ch of chunks) {
    out.set(ch, at);
    out[at + ch.length] = 0x0a;
    at += ch.length + 1;
  }
  return out;
}

function measured(content: Uint8Array, page: PdfPage, view: RevisionView, top: number): { topMm: number; bottomMm: number } {
  const xobjects = view.resolve(page.resources?.get('XObject'));
  const lookup = (name: string): XObjectInfo | undefined => {
    const x = xobjects instanceof PdfDict ? view.resolve(xobjects.get(name)) : undefined;
    if (!(x instanceof PdfStream)) return undefined;
    const numbers = (o: PdfObject | undefined, n: number) => {
      const a = view.resolve(o);
      return Array.isArray(a) && a.length === n && a.every((v) => typeof view.resolve(v) === 'number') ? (a.map((v) => view.resolve(v)) as number[]) : undefined;
    };
    if (x.dict.getName('Subtype') === 'Form') {
      const bbox = numbers(x.dict.get('BBox'), 4) as [number, number, number, number] | undefined;
      const matrix = numbers(x.dict.get('Matrix'), 6) as Matrix | undefined;
      return { subtype: 'Form', ...(bbox === undefined ? {} : { bbox }), ...(matrix === undefined ? {} : { matrix }) };
    }
    return { subtype: 'Image' };
  };
  const e = contentExtent(content, page.mediaBox, lookup);
  if (e === undefined) return { topMm: TYPE_AREA.top, bottomMm: TYPE_AREA.top };
  return { topMm: (top - e.yMax) / MM_TO_PT, bottomMm: (top - e.yMin) / MM_TO_PT };
}

/** Moves the first page's annotation rectangles with its content (§12.5.2 /Rect). */
function transformAnnotations(page: PdfPage, view: RevisionView, copier: PdfCopier, m: Matrix): void {
  const annots = view.resolve(page.dict.get('Annots'));
  if (!Array.isArray(annots)) return;
  for (const a of annots) {
    if (!(a instanceof PdfRef)) continue;
    const d = view.resolve(a);
    const rect = d instanceof PdfDict ? view.resolve(d.get('Rect')) : undefined;
    if (!(d instanceof PdfDict) || !Array.isArray(rect) || rect.length !== 4) continue;
    const values = rect.map((v) => view.resolve(v));
    if (!values.every((v): v is number => typeof v === 'number')) continue;
    const r = values as [number, number, number, number];
    const moved = d.clone();
    moved.set('Rect', [m[0] * r[0] + m[4], m[3] * r[1] + m[5], m[0] * r[2] + m[4], m[3] * r[3] + m[5]]);
    copier.replace(a.num, moved);
  }
}
