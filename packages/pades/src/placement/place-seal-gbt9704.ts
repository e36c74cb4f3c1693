/**
 * The GB/T 9704-2012 default for a sealed official document (§7.3.5.1 加盖印章的公文): the seal upright,
 * centred on the 成文日期 and pressing down on the 发文机关署名 and the date, which sit a little below
 * the seal's centre; the seal's top edge within one line below the body text (or 附件说明).
 */
import type { RevisionView } from '@openseal/pdf';
import type { MmBox } from '../appearance/page-frame.js';
import { layoutSeal } from '../appearance/seal-appearance.js';
import type { SealDesign } from '../appearance/seal-design.js';
import { SealTextNotFoundError } from './errors.js';
import { appearanceBoxAt, pageFrame, placedSeal, sealWidget, type PlacedSeal } from './placed-seal.js';
import type { PageSelection, TextLine, TextLocator } from './text-locator.js';
import { normaliseQuery } from './text-search.js';

/** §7.3.5.4: Arabic numerals, year in full, no leading zeros; Chinese numerals accepted as older files use them. */
export const GBT9704_DATE_PATTERN = /^(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日$/u;

/** GB/T 9704-2012 §5.2.3: 22 lines over the 225 mm type area. */
const NOMINAL_LINE_PITCH_MM = 225 / 22;

export interface Gbt9704PlacementOptions {
  readonly locator: TextLocator;
  /** Pages searched for the date, last first (default: all pages). */
  readonly pages?: PageSelection;
  /** A line equal to this (whitespace ignored) is the 成文日期 line (default GBT9704_DATE_PATTERN). */
  readonly datePattern?: RegExp;
  /** The issuing organisation's name as written in the 署名, to pick that line; default: the line above the date. */
  readonly organisation?: string;
}

export interface Gbt9704Analysis {
  readonly pageIndex: number;
  readonly dateLine: { readonly text: string; readonly box: MmBox };
  readonly signatureLine?: { readonly text: string; readonly box: MmBox };
  /** The last line of body text (or 附件说明) above the 署名, if any on that page. */
  readonly bodyLine?: { readonly text: string; readonly box: MmBox };
  /** Line pitch used for the "within one line" rule, mm. */
  readonly linePitchMm: number;
  /** The seal picture as placed, mm as seen. */
  readonly seal: MmBox;
  /** Seal top minus body-text bottom, mm (negative: the seal covers body text). */
  readonly gapToBodyMm?: number;
  /** True when the rule of §7.3.5.1 (top within one line below the body, not over it) is met. */
  readonly compliant: boolean;
  /** Why not, when not compliant (the standard then asks for line spacing to be adjusted). */
  readonly note?: string;
}

export interface Gbt9704PlacedSeal extends PlacedSeal {
  readonly analysis: Gbt9704Analysis;
}

const plain = (s: string): string => normaliseQuery(s);

function lineBox(view: RevisionView, l: TextLine): MmBox {
  return pageFrame(view, l.pageIndex).rectToSeen(l.rect);
}

export async function placeSealGbt9704(pdf: Uint8Array, view: RevisionView, design: SealDesign, options: Gbt9704PlacementOptions): Promise<Gbt9704PlacedSeal> {
  const pattern = options.datePattern ?? GBT9704_DATE_PATTERN;
  // The 成文日期 is a line holding only the date; the 版记's "…年…月…日印发" line is not.
  const lastDate = (lines: readonly TextLine[]): number => {
    for (let i = lines.length - 1; i >= 0; i--) if (pattern.test(plain(lines[i]?.text ?? ''))) return i;
    return -1;
  };
  // Usually on the last page: read that one first, the whole selection only when it has no date.
  let all = options.pages ? [] : await options.locator.lines(pdf, { pages: [-1] });
  let dateIdx = lastDate(all);
  if (dateIdx < 0) {
    all = await options.locator.lines(pdf, options.pages ? { pages: options.pages } : {});
    dateIdx = lastDate(all);
  }
  const date = all[dateIdx];
  if (!date) throw new SealTextNotFoundError('成文日期 (GB/T 9704 date line)', { pattern: pattern.source });
  const page = date.pageIndex;
  const seen = all.map((l, i) => ({ l, i, box: lineBox(view, l) })).filter((x) => x.l.pageIndex === page);
  const dateBox = lineBox(view, date);
  const above = seen.filter((x) => x.i !== dateIdx && x.box.y + x.box.height <= dateBox.y + dateBox.height * 0.2).sort((a, b) => b.box.y - a.box.y);
  const org = options.organisation ? plain(options.organisation) : undefined;
  const sig = org ? above.find((x) => plain(x.l.text).includes(org)) : above[0];
  const tops = seen.map((x) => x.box.y).sort((a, b) => a - b);
  const pitches = tops.slice(1).map((y, k) => y - (tops[k] ?? y));
  const sane = pitches.filter((p) => p > dateBox.height * 0.9 && p < dateBox.height * 4).sort((a, b) => a - b);
  const linePitchMm = sane[Math.floor(sane.length / 2)] ?? NOMINAL_LINE_PITCH_MM;
  const sigBox = sig?.box;
  const body = above.find((x) => x !== sig && (!sigBox || x.box.y + x.box.height <= sigBox.y + sigBox.height * 0.2));

  const { seal } = layoutSeal(design);
  const cx = dateBox.x + dateBox.width / 2;
  // Start with the centre on the 署名 line (the 署名 and date then sit below it), or on the date's top.
  let cy = sigBox ? sigBox.y + sigBox.height / 2 : dateBox.y;
  const blockTop = sigBox ? sigBox.y : dateBox.y;
  const blockCentre = (blockTop + dateBox.y + dateBox.height) / 2;
  let gap: number | undefined;
  let compliant = true;
  let note: string | undefined;
  if (body) {
    const bodyBottom = body.box.y + body.box.height;
    gap = cy - seal.height / 2 - bodyBottom;
    if (gap > linePitchMm) cy -= gap - linePitchMm; // §7.3.5.1: top no more than one line below the text
    else if (gap < 0) cy = Math.min(cy - gap, blockCentre); // not over the text, but keep 署名/date below the centre
    gap = cy - seal.height / 2 - bodyBottom;
    if (gap < -0.05) {
      compliant = false;
      note = 'too little space between the body text and the 署名/date for this seal: GB/T 9704-2012 §7.3.5.1 asks to adjust line spacing';
    }
  }
  const box = appearanceBoxAt(design, cx, cy, 'center');
  const analysis: Gbt9704Analysis = {
    pageIndex: page,
    dateLine: { text: date.text, box: dateBox },
    ...(sig ? { signatureLine: { text: sig.l.text, box: sig.box } } : {}),
    ...(body ? { bodyLine: { text: body.l.text, box: body.box } } : {}),
    linePitchMm,
    seal: { x: cx - seal.width / 2, y: cy - seal.height / 2, width: seal.width, height: seal.height },
    ...(gap !== undefined ? { gapToBodyMm: gap } : {}),
    compliant,
    ...(note ? { note } : {}),
  };
  return { ...placedSeal([sealWidget(view, page, box, design)]), analysis };
}
