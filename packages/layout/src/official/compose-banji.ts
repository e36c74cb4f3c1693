/**
 * 版记 (GB/T 9704-2012 §7.4) at the bottom of the last page — 抄送机关, 印发机关和印发日期 between thick first
 * and last lines (0.35 mm) with a thin line (0.25 mm) between items; the last line on the type area's
 * bottom edge — and 页码 (§7.5): 4号 half-width 宋体 "— 1 —", 7 mm under the type area.
 */
import type { DrawOp } from '../render/draw-list.js';
import { textOps } from '../render/text-ops.js';
import { breakLines, placeLine } from '../text/break-lines.js';
import { shapeText, widthOf } from '../text/shape-text.js';
import { chineseDate, type OfficialDocumentFields } from './official-fields.js';
import { fontChain, type OfficialFonts } from './official-fonts.js';
import type { OfficialTemplate } from './official-template.js';
import { BLACK, CELL, EM_ASCENT, LINE_PITCH, mmOfPt, SIZE_PT, TYPE_AREA } from './page-geometry.js';

const S4 = mmOfPt(SIZE_PT.四号);
const THICK = 0.35;
const THIN = 0.25;

export interface Banji {
  /** Height above the type area's bottom edge, mm (0: nothing to print). */
  readonly height: number;
  readonly ops: DrawOp[];
}

export function composeBanji(fields: OfficialDocumentFields, template: OfficialTemplate, fonts: OfficialFonts): Banji {
  const shape = (s: string) => shapeText(s, fontChain(fonts, 'fangsong'), S4);
  const ops: DrawOp[] = [];
  const letter = template.format === 'letter';
  // Text centred in its row: the em box centre sits at the row's middle.
  const baseline = (rowTop: number) => rowTop + LINE_PITCH / 2 + (EM_ASCENT - 0.5) * S4;
  const rows: ((top: number) => void)[] = [];
  const separators: number[] = []; // row indices (from the top) that get a thin line above them
  if (fields.copyTo) {
    const label = shape('抄送：');
    const x0 = TYPE_AREA.left + CELL + widthOf(label);
    const text = fields.copyTo.replace(/[。.]?\s*$/, '。');
    breakLines(shape(text), TYPE_AREA.right - CELL - x0, TYPE_AREA.right - CELL - x0).forEach((l, i) => {
      rows.push((top) => {
        if (i === 0) ops.push(...textOps(label, placeLine(label, TYPE_AREA.left + CELL, 0, false), baseline(top), S4, BLACK));
        ops.push(...textOps(l.chars, placeLine(l.chars, x0, TYPE_AREA.right - CELL - x0, !l.last), baseline(top), S4, BLACK));
      });
    });
  }
  const printedBy = fields.printedBy ?? template.printingOffice;
  if (!letter && (printedBy !== undefined || fields.printedDate !== undefined)) {
    if (rows.length > 0) separators.push(rows.length);
    rows.push((top) => {
      if (printedBy !== undefined) {
        const l = shape(printedBy);
        ops.push(...textOps(l, placeLine(l, TYPE_AREA.left + CELL, 0, false), baseline(top), S4, BLACK));
      }
      if (fields.printedDate !== undefined) {
        const r = shape(`${chineseDate(fields.printedDate)}印发`);
        ops.push(...textOps(r, placeLine(r, TYPE_AREA.right - CELL - widthOf(r), 0, false), baseline(top), S4, BLACK));
      }
    });
  }
  if (rows.length === 0) return { height: 0, ops };
  const top0 = TYPE_AREA.bottom - rows.length * LINE_PITCH;
  rows.forEach((draw, i) => draw(top0 + i * LINE_PITCH));
  if (!letter) {
    const line = (y: number, w: number) => ops.push({ kind: 'line', x1: TYPE_AREA.left, y1: y, x2: TYPE_AREA.right, y2: y, widthMm: w, color: BLACK });
    line(top0, THICK);
    for (const i of separators) line(top0 + i * LINE_PITCH, THIN);
    line(TYPE_AREA.bottom, THICK);
  }
  return { height: rows.length * LINE_PITCH, ops };
}

/** §7.5: odd pages right-aligned one character in, even pages left-aligned one character in. */
export function pageNumberOps(pageNumber: number, fonts: OfficialFonts): DrawOp[] {
  const chars = shapeText(`\u2014 ${pageNumber} \u2014`, fontChain(fonts, 'song'), S4);
  const dash = chars[0];
  const box = dash === undefined ? undefined : dash.font.glyphBBox(dash.gid);
  // The dashes' middle 7 mm under the type area's bottom edge.
  const mid = box === undefined ? 0.3 * S4 : (((box.yMin + box.yMax) / 2) * S4) / (dash as { font: { unitsPerEm: number } }).font.unitsPerEm;
  const baseline = TYPE_AREA.bottom + 7 + mid;
  const w = widthOf(chars);
  const x = pageNumber % 2 === 1 ? TYPE_AREA.right - CELL - w : TYPE_AREA.left + CELL;
  return textOps(chars, placeLine(chars, x, 0, false), baseline, S4, BLACK);
}
