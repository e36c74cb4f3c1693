/**
 * 版头 (GB/T 9704-2012 §7.2) and the heads of the letter, order and minutes formats (§10): 份号, 密级和保密期限,
 * 紧急程度, 发文机关标志, 发文字号, 签发人 and the red separator line(s).
 */
import type { DrawOp, PathSegment } from '../render/draw-list.js';
import { textOps } from '../render/text-ops.js';
import { placeLine } from '../text/break-lines.js';
import { shapeText, widthOf } from '../text/shape-text.js';
import { layoutMasthead } from './masthead.js';
import type { OfficialDocumentFields } from './official-fields.js';
import { fontChain, type FontRole, type OfficialFonts } from './official-fonts.js';
import type { OfficialTemplate } from './official-template.js';
import { baselineInSlot, BLACK, CELL, EM_DESCENT, LINE_PITCH, mmOfPt, PAGE, SIZE_PT, TYPE_AREA, type Rgb } from './page-geometry.js';

export interface Header {
  readonly ops: DrawOp[];
  /** Top of the first body slot on page 1 (the title's line). */
  readonly bodyTop: number;
  /** Red separator line centre, when the format has one (for checks). */
  readonly redLineY: number | undefined;
  readonly mastheadTop: number;
  readonly mastheadBottom: number;
}

const S3 = mmOfPt(SIZE_PT.三号);

/** The fields the 版头 uses. */
export type HeaderFields = Pick<OfficialDocumentFields, 'copyNumber' | 'classification' | 'urgency' | 'documentNumber' | 'signers'>;

export function composeHeader(fields: HeaderFields, template: OfficialTemplate, fonts: OfficialFonts): Header {
  const ops: DrawOp[] = [];
  const line = (text: string, role: FontRole, x: number | 'centre' | 'right', slot: number, color: Rgb = BLACK, rightIndent = 0): number => {
    const chars = shapeText(text, fontChain(fonts, role), S3, { cell: CELL });
    const w = widthOf(chars);
    const left = x === 'centre' ? TYPE_AREA.left + (TYPE_AREA.width - w) / 2 : x === 'right' ? TYPE_AREA.right - rightIndent - w : x;
    ops.push(...textOps(chars, placeLine(chars, left, w, false), baselineInSlot(slot, S3), S3, color));
    return baselineInSlot(slot, S3) + EM_DESCENT * S3;
  };
  // §7.2.1–7.2.3: stacked flush left from the first line of the type area (letters: under the double line).
  const marks: [string, FontRole][] = [];
  if (fields.copyNumber !== undefined) marks.push([String(fields.copyNumber).padStart(6, '0'), 'fangsong']);
  if (fields.classification !== undefined) marks.push([fields.classification.period ? `${fields.classification.level}★${fields.classification.period}` : fields.classification.level, 'hei']);
  if (fields.urgency !== undefined) marks.push([fields.urgency, 'hei']);

  const suffix = template.mastheadSuffix;
  if (template.format === 'letter') return letterHeader(fields, template, fonts, ops, marks, line);
  marks.forEach(([text, role], i) => line(text, role, TYPE_AREA.left, TYPE_AREA.top + i * LINE_PITCH));
  const mastTop = TYPE_AREA.top + template.mastheadTopMm;
  const masthead = layoutMasthead(template.organisations, suffix, template.mastheadSizePt, mastTop, fonts, template.color);
  ops.push(...masthead.ops);
  // §7.2.5: 发文字号 two blank lines under the masthead; with 签发人 it moves left, indented one character.
  let slot = masthead.bottom + 2 * LINE_PITCH;
  const signers = fields.signers ?? [];
  let numberBottom: number;
  if (signers.length > 0) {
    const rows: string[][] = [];
    for (let i = 0; i < signers.length; i += 2) rows.push(signers.slice(i, i + 2));
    const label = '签发人：';
    const labelW = widthOf(shapeText(label, fontChain(fonts, 'fangsong'), S3, { cell: CELL }));
    const namesW = Math.max(...rows.map((r) => widthOf(shapeText(r.join('　'), fontChain(fonts, 'kai'), S3, { cell: CELL }))));
    const x0 = TYPE_AREA.right - CELL - namesW - labelW;
    rows.forEach((r, i) => {
      const top = slot + i * LINE_PITCH;
      if (i === 0) line(label, 'fangsong', x0, top);
      line(r.join('　'), 'kai', x0 + labelW, top);
    });
    slot += (rows.length - 1) * LINE_PITCH;
    numberBottom = fields.documentNumber ? line(fields.documentNumber, 'fangsong', TYPE_AREA.left + CELL, slot) : baselineInSlot(slot, S3) + EM_DESCENT * S3;
  } else {
    numberBottom = fields.documentNumber ? line(fields.documentNumber, 'fangsong', 'centre', slot) : baselineInSlot(slot, S3) + EM_DESCENT * S3;
  }
  if (template.format === 'order') {
    // §10.2: no separator line; the text starts two blank lines under the order number.
    return { ops, bodyTop: slot + 3 * LINE_PITCH, redLineY: undefined, mastheadTop: masthead.top, mastheadBottom: masthead.bottom };
  }
  // §7.2.6: red line 4 mm under the 发文字号, as wide as the type area.
  const redY = numberBottom + 4;
  redLine(ops, TYPE_AREA.left, TYPE_AREA.right, redY, template.redLineWidthMm, template.color, template.redLineStar);
  // §7.3.1: the title two blank lines under the red line.
  return { ops, bodyTop: redY + 2 * LINE_PITCH, redLineY: redY, mastheadTop: masthead.top, mastheadBottom: masthead.bottom };
}

function letterHeader(
  fields: HeaderFields,
  template: OfficialTemplate,
  fonts: OfficialFonts,
  ops: DrawOp[],
  marks: [string, FontRole][],
  line: (text: string, role: FontRole, x: number | 'centre' | 'right', slot: number, color?: Rgb, rightIndent?: number) => number,
): Header {
  // §10.1: masthead 30 mm from the page top; red double lines 170 mm long, 4 mm under it and 20 mm above the page bottom.
  const masthead = layoutMasthead(template.organisations, template.mastheadSuffix, template.mastheadSizePt, template.mastheadTopMm, fonts, template.color);
  ops.push(...masthead.ops);
  const x1 = (PAGE.width - 170) / 2;
  const x2 = x1 + 170;
  const topY = masthead.bottom + 4;
  doubleLine(ops, x1, x2, topY, 'thick-above', template.color);
  doubleLine(ops, x1, x2, PAGE.height - 20, 'thin-above', template.color);
  // First item's em box 7/8 of a 3号 character under the lower line (0.7 + half its 0.8 mm width).
  const firstTop = slotForEmTop(topY + 1.1 + (7 / 8) * S3);
  const n = Math.max(1, marks.length);
  marks.forEach(([text, role], i) => line(text, role, TYPE_AREA.left, firstTop + i * LINE_PITCH));
  if (fields.documentNumber) line(fields.documentNumber, 'fangsong', 'right', firstTop, BLACK, 0);
  return { ops, bodyTop: firstTop + (n + 2) * LINE_PITCH, redLineY: topY, mastheadTop: masthead.top, mastheadBottom: masthead.bottom };
}

/** The slot whose 3号 em box starts at `emTop` (inverse of baselineInSlot). */
function slotForEmTop(emTop: number): number {
  return emTop - (LINE_PITCH - 0.3 - S3);
}

export function redLine(ops: DrawOp[], x1: number, x2: number, y: number, width: number, color: Rgb, star: boolean): void {
  if (!star) {
    ops.push({ kind: 'line', x1, y1: y, x2, y2: y, widthMm: width, color });
    return;
  }
  const cx = (x1 + x2) / 2;
  const r = 3;
  ops.push({ kind: 'line', x1, y1: y, x2: cx - r - 1, y2: y, widthMm: width, color });
  ops.push({ kind: 'line', x1: cx + r + 1, y1: y, x2, y2: y, widthMm: width, color });
  ops.push({ kind: 'path', commands: starPath(cx, y, r), fill: color });
}

function doubleLine(ops: DrawOp[], x1: number, x2: number, y: number, order: 'thick-above' | 'thin-above', color: Rgb): void {
  const [a, b] = order === 'thick-above' ? [0.8, 0.35] : [0.35, 0.8];
  ops.push({ kind: 'line', x1, y1: y - 0.7, x2, y2: y - 0.7, widthMm: a, color });
  ops.push({ kind: 'line', x1, y1: y + 0.7, x2, y2: y + 0.7, widthMm: b, color });
}

/** A five-pointed star with one point up, centred on (cx, cy), outer radius r (y down). */
export function starPath(cx: number, cy: number, r: number): PathSegment[] {
  const inner = r * Math.sin(Math.PI / 10) / Math.sin((7 * Math.PI) / 10);
  const pts: PathSegment[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : inner;
    pts.push({ op: i === 0 ? 'M' : 'L', x: cx + rr * Math.cos(a), y: cy + rr * Math.sin(a) });
  }
  pts.push({ op: 'Z' });
  return pts;
}
