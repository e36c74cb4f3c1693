/**
 * Test fixture generator: an official-document-like PDF after GB/T 9704-2012 (A4, type area 156 × 225 mm
 * at 28/37 mm, 22 lines of 28 characters, red masthead and rule, body, 署名 and 成文日期 set for a seal,
 * 版记 and page numbers), Chinese text in an embedded CID TrueType subset. Test-only; reusable by the
 * signing tests and the benchmark. Pages can be given a /Rotate with content turned so they look upright.
 */
import type { Font } from '@openseal/fonts';
import { PdfDict, PdfName, PdfString, type PdfObject, type PdfRef } from '@openseal/pdf';
import { prepareCidFont } from '../../src/appearance/cid-font.js';
import { ContentBuilder } from '../../src/appearance/content-builder.js';
import { flateStream } from '../../src/appearance/form-xobject.js';
import { PageFrame, normaliseRotation, type MmBox } from '../../src/appearance/page-frame.js';
import { mmToPt } from '../../src/appearance/units.js';
import { NewPdf } from './new-pdf.js';

export interface OfficialDocumentOptions {
  /** A TrueType CJK face (see cjkFont()). */
  readonly font: Font;
  /** Pages (default 3); the last one carries the 署名, date and 版记. */
  readonly pages?: number;
  readonly organisation?: string;
  /** The 成文日期 (default 2026年11月26日). */
  readonly date?: string;
  /** Body lines on the last page before the 署名 block (default 8, at most 12). */
  readonly lastPageBodyLines?: number;
  /** Blank lines between the body and the 署名 (default 2). */
  readonly blankLinesBeforeSignature?: number;
  /** /Rotate of every page; the content is turned so that pages still read upright. */
  readonly rotate?: 0 | 90 | 180 | 270;
  /** Move the page boxes in user space by this many points (a MediaBox/CropBox not at the origin). */
  readonly boxOffset?: readonly [number, number];
  /** Crop this many mm off every side with a /CropBox smaller than the MediaBox (seen sizes shrink). */
  readonly cropMm?: number;
  /** Add an attachment page (附件, §7.3.7) after the page with the 署名 and date. */
  readonly attachment?: boolean;
}

export interface OfficialDocument {
  readonly pdf: Uint8Array;
  /** Where the generator drew things, mm from the top-left of the page as seen (glyph em boxes). */
  readonly layout: {
    readonly pageCount: number;
    readonly lastPage: number;
    readonly signature: MmBox;
    readonly date: MmBox;
    readonly lastBodyLine: MmBox;
    readonly linePitchMm: number;
  };
}

const A4 = { w: 210, h: 297 };
const TYPE = { left: 28, top: 37, width: 156, height: 225 };
const PITCH = TYPE.height / 22;
const CELL = TYPE.width / 28;
const BODY_PT = mmToPt(CELL); // 3号 fitted to the 28-character grid
const SMALL_PT = 14; // 4号
// GB/T 9704 §5.2.4 print red Y80 % M80 % as measured in a real 公文 (#EE2025), and black.
const RED: readonly [number, number, number] = [0.93, 0.125, 0.145];
const BLACK: readonly [number, number, number] = [0, 0, 0];

const SENTENCES = [
  '为进一步规范电子公文处理工作，提高机关办文效率，保障电子印章使用安全，现就有关事项通知如下。',
  '各单位要高度重视电子印章应用工作，明确责任分工，建立健全印章申领、使用、变更和注销管理制度。',
  '电子印章的制作应当符合国家密码管理有关规定，使用经国家密码管理部门认定的密码算法和密码产品。',
  '加盖电子印章的公文与加盖实物印章的纸质公文具有同等效力，各单位应当予以认可并据此办理。',
  '印章使用单位应当指定专人负责电子印章的日常管理，严格执行审批登记制度，做到用印有据可查。',
  '对于违反规定擅自使用、转借或者伪造电子印章的行为，一经查实，将依法依规严肃追究相关责任。',
  '各区县人民政府和市政府各部门应当于本年度内完成系统对接和人员培训，确保按期全面推广应用。',
  '在推进过程中遇到的问题，请及时向市政务服务数据管理局反映，联系电话：一二三四五六七八。',
];

interface TextItem {
  readonly text: string;
  readonly xMm: number;
  /** Baseline, mm from the top of the page. */
  readonly baselineMm: number;
  readonly sizePt: number;
  readonly red?: boolean;
}

/** Lines of at most 28 grid cells; paragraphs start with a two-cell indent (GB/T 9704 §7.3.3). */
function bodyLines(count: number): { text: string; indent: boolean }[] {
  const out: { text: string; indent: boolean }[] = [];
  for (let p = 0; out.length < count; p++) {
    const para = `${SENTENCES[p % SENTENCES.length] ?? ''}${SENTENCES[(p + 3) % SENTENCES.length] ?? ''}`;
    let rest = [...para];
    let first = true;
    while (rest.length > 0 && out.length < count) {
      const cap = first ? 26 : 28;
      out.push({ text: rest.slice(0, cap).join(''), indent: first });
      rest = rest.slice(cap);
      first = false;
    }
  }
  const last = out[out.length - 1];
  if (last && !last.text.endsWith('。')) out[out.length - 1] = { ...last, text: `${[...last.text].slice(0, -1).join('')}。` };
  return out;
}

export function makeOfficialDocument(options: OfficialDocumentOptions): OfficialDocument {
  const pageCount = options.pages ?? 3;
  const org = options.organisation ?? '某某市人民政府';
  const date = options.date ?? '2026年11月26日';
  const lastBody = Math.min(12, options.lastPageBodyLines ?? 8);
  const blanks = options.blankLinesBeforeSignature ?? 2;
  const slotTop = (slot: number): number => TYPE.top + (slot - 1) * PITCH;
  const baseline = (slot: number): number => slotTop(slot) + PITCH * 0.8;

  const pages: TextItem[][] = Array.from({ length: pageCount }, () => []);
  const rules: { page: number; yMm: number; widthMm: number; red: boolean }[] = [];
  const p1 = pages[0] as TextItem[];
  const mastSize = 36;
  const mast = `${org}文件`;
  const title = '关于推进电子印章在公文处理中应用的通知';
  const number = '某府发〔2026〕12号';
  const recipients = '各区县人民政府，市政府各部门：';
  const copyTo = '抄送：市委办公室，市人大常委会办公室，市政协办公室。';
  const printed = `${org}办公室`;
  const printedDate = `${date}印发`;
  // Body: page 1 from slot 9, middle pages full, last page `lastBody` lines.
  const firstBodySlot = 9;
  const linesPerPage = pageCount === 1 ? [Math.min(lastBody, 4)] : [22 - firstBodySlot + 1, ...Array.from({ length: pageCount - 2 }, () => 22), lastBody];
  const body = bodyLines(linesPerPage.reduce((a, b) => a + b, 0));
  const allText = [mast, title, number, recipients, copyTo, printed, printedDate, org, date, '—0123456789 附件电子印章使用登记表', ...body.map((b) => b.text)];
  const cid = prepareCidFont(options.font, allText);
  const width = (t: string, size: number): number => (cid.width(t, size) * 25.4) / 72;

  const centred = (t: string, size: number): number => TYPE.left + (TYPE.width - width(t, size)) / 2;
  // 版头 (§7.2, masthead moved up to the type area's top as many issuers do), title and 主送 (§7.3.1–2).
  p1.push({ text: mast, xMm: centred(mast, mastSize), baselineMm: TYPE.top + 14, sizePt: mastSize, red: true });
  p1.push({ text: number, xMm: centred(number, BODY_PT), baselineMm: baseline(5), sizePt: BODY_PT });
  rules.push({ page: 0, yMm: slotTop(6) + 1.5, widthMm: 0.6, red: true });
  p1.push({ text: title, xMm: centred(title, 22), baselineMm: baseline(7) + 1, sizePt: 22 });
  p1.push({ text: recipients, xMm: TYPE.left, baselineMm: baseline(8), sizePt: BODY_PT });
  let k = 0;
  let lastBodyBox: MmBox = { x: 0, y: 0, width: 0, height: 0 };
  let bodyEndSlot = 0;
  const emBox = (x: number, base: number, t: string, size: number): MmBox => {
    const em = (size * 25.4) / 72;
    return { x, y: base - em * 0.88, width: width(t, size), height: em };
  };
  linesPerPage.forEach((n, page) => {
    const start = page === 0 ? firstBodySlot : 1;
    for (let i = 0; i < n; i++) {
      const line = body[k++];
      if (!line) break;
      const x = TYPE.left + (line.indent ? 2 * CELL : 0);
      (pages[page] as TextItem[]).push({ text: line.text, xMm: x, baselineMm: baseline(start + i), sizePt: BODY_PT });
      lastBodyBox = emBox(x, baseline(start + i), line.text, BODY_PT);
      bodyEndSlot = start + i;
    }
  });
  const last = pageCount - 1;
  const lp = pages[last] as TextItem[];
  const sigSlot = bodyEndSlot + blanks + 1;
  // §7.3.5.1: the date right-indented four cells; the 署名 centred over it.
  const dateRight = TYPE.left + TYPE.width - 4 * CELL;
  const dateX = dateRight - width(date, BODY_PT);
  const dateCentre = dateX + width(date, BODY_PT) / 2;
  const sigX = dateCentre - width(org, BODY_PT) / 2;
  lp.push({ text: org, xMm: sigX, baselineMm: baseline(sigSlot), sizePt: BODY_PT });
  lp.push({ text: date, xMm: dateX, baselineMm: baseline(sigSlot + 1), sizePt: BODY_PT });
  if (options.attachment) {
    // §7.3.7: on a page of its own before the 版记; "附件" flush left on line 1, its title centred on line 3.
    const attTitle = '电子印章使用登记表';
    pages.push([
      { text: '附件', xMm: TYPE.left, baselineMm: baseline(1), sizePt: BODY_PT },
      { text: attTitle, xMm: centred(attTitle, 22), baselineMm: baseline(3), sizePt: 22 },
      ...body.slice(0, 3).map((l, i) => ({ text: l.text, xMm: TYPE.left + (l.indent ? 2 * CELL : 0), baselineMm: baseline(5 + i), sizePt: BODY_PT })),
    ]);
  }
  // 版记 (§7.4) at the bottom of the final page: 抄送 and 印发 lines, rules above, between and at the bottom.
  const end = pages.length - 1;
  const ep = pages[end] as TextItem[];
  ep.push({ text: copyTo, xMm: TYPE.left + CELL, baselineMm: baseline(21), sizePt: SMALL_PT });
  ep.push({ text: printed, xMm: TYPE.left + CELL, baselineMm: baseline(22), sizePt: SMALL_PT });
  ep.push({ text: printedDate, xMm: TYPE.left + TYPE.width - CELL - width(printedDate, SMALL_PT), baselineMm: baseline(22), sizePt: SMALL_PT });
  rules.push({ page: end, yMm: slotTop(21), widthMm: 0.35, red: false }, { page: end, yMm: slotTop(22), widthMm: 0.25, red: false }, { page: end, yMm: TYPE.top + TYPE.height, widthMm: 0.35, red: false });
  // §7.5 page numbers, 7 mm below the type area; odd pages right, even pages left; none on the 版记 page.
  for (let p = 0; p < end; p++) {
    const t = `— ${p + 1} —`;
    const x = p % 2 === 0 ? TYPE.left + TYPE.width - CELL - width(t, SMALL_PT) : TYPE.left + CELL;
    (pages[p] as TextItem[]).push({ text: t, xMm: x, baselineMm: TYPE.top + TYPE.height + 7 + 1.7, sizePt: SMALL_PT });
  }

  const out = new NewPdf();
  const pagesRef = out.allocate();
  const fontRef = cid.embed(out);
  const rotate = normaliseRotation(options.rotate ?? 0);
  const [ox, oy] = options.boxOffset ?? [0, 0];
  const crop = mmToPt(options.cropMm ?? 0);
  const sideways = rotate === 90 || rotate === 270;
  const mw = mmToPt(sideways ? A4.h : A4.w);
  const mh = mmToPt(sideways ? A4.w : A4.h);
  const media = [ox, oy, ox + mw, oy + mh];
  const cropBox = [ox + crop, oy + crop, ox + mw - crop, oy + mh - crop];
  const frame = new PageFrame(cropBox as [number, number, number, number], rotate);
  // Content is drawn in "seen" points (origin at the seen top-left of the crop box, y down → flipped).
  const [ax, ay] = frame.toUser(0, 0);
  const [bx, by] = frame.toUser(25.4 / 72, 0);
  const [cx, cy] = frame.toUser(0, 25.4 / 72);
  // Seen point (X pt right, Y pt down) → user space; drawing uses y up, so flip Y.
  const m: [number, number, number, number, number, number] = [bx - ax, by - ay, -(cx - ax), -(cy - ay), ax, ay];
  const shift = crop; // seen coordinates are relative to the crop box; the layout is relative to the sheet
  const kids: PdfRef[] = [];
  pages.forEach((items, p) => {
    const cb = new ContentBuilder();
    cb.concat(m).concat([1, 0, 0, 1, -shift, shift]);
    for (const r of rules.filter((x) => x.page === p)) {
      cb.save().fillRgb(...(r.red ? RED : BLACK));
      cb.rect(mmToPt(TYPE.left), -mmToPt(r.yMm) - mmToPt(r.widthMm) / 2, mmToPt(TYPE.width), mmToPt(r.widthMm)).op('f').restore();
    }
    cb.op('BT').op('Tf', '/F1', BODY_PT);
    for (const t of items) {
      cb.fillRgb(...(t.red ? RED : BLACK));
      cb.op('Tf', '/F1', t.sizePt).op('Tm', 1, 0, 0, 1, mmToPt(t.xMm), -mmToPt(t.baselineMm)).op('Tj', cid.showText(t.text));
    }
    cb.op('ET');
    const content = out.add(flateStream({}, cb.toBytes()));
    const entries: Record<string, PdfObject> = {
      Type: new PdfName('Page'),
      Parent: pagesRef,
      MediaBox: media,
      Resources: new PdfDict([['Font', new PdfDict([['F1', fontRef]])]]),
      Contents: content,
    };
    if (crop > 0) entries['CropBox'] = cropBox;
    if (rotate !== 0) entries['Rotate'] = rotate;
    kids.push(out.add(new PdfDict(Object.entries(entries))));
  });
  out.set(pagesRef, new PdfDict(Object.entries({ Type: new PdfName('Pages'), Kids: kids, Count: kids.length } satisfies Record<string, PdfObject>)));
  const root = out.add(new PdfDict([['Type', new PdfName('Catalog')], ['Pages', pagesRef]]));
  const info = out.add(new PdfDict([['Title', PdfString.fromText(title)], ['Producer', PdfString.fromText('OpenSeal test fixture')]]));
  const cropMm = options.cropMm ?? 0;
  const seen = (b: MmBox): MmBox => ({ ...b, x: b.x - cropMm, y: b.y - cropMm });
  const sigText = lp.find((t) => t.text === org && t.baselineMm === baseline(sigSlot)) as TextItem;
  return {
    pdf: out.toBytes(root, info),
    layout: {
      pageCount: pages.length,
      lastPage: last,
      signature: seen(emBox(sigText.xMm, sigText.baselineMm, org, BODY_PT)),
      date: seen(emBox(dateX, baseline(sigSlot + 1), date, BODY_PT)),
      lastBodyLine: seen(lastBodyBox),
      linePitchMm: PITCH,
    },
  };
}
