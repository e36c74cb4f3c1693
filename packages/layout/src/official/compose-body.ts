/**
 * 主体 (GB/T 9704-2012 §7.3) as rows on the line grid: 标题, 主送机关, 正文, 附件说明, 署名/成文日期/印章,
 * 附注 and the 纪要 attendance lists. A block of rows stays on one page.
 */
import type { DrawOp } from '../render/draw-list.js';
import { textOps } from '../render/text-ops.js';
import { breakLines, placeLine, type BrokenLine } from '../text/break-lines.js';
import { shapeText, widthOf, type ShapedChar } from '../text/shape-text.js';
import { chineseDate, type OfficialDocumentFields } from './official-fields.js';
import { fontChain, type FontRole, type OfficialFonts } from './official-fonts.js';
import type { OfficialTemplate } from './official-template.js';
import { baselineInSlot, BLACK, CELL, EM_ASCENT, LINE_PITCH, mmOfPt, SIZE_PT, TYPE_AREA } from './page-geometry.js';

export interface SealPosition {
  readonly pageIndex: number;
  readonly centreMm: { readonly x: number; readonly y: number };
  readonly sizeMm: number;
  /** The organ the seal belongs to (joint documents have one seal per organ). */
  readonly organisation: string;
}

export interface RowContext {
  readonly ops: DrawOp[];
  readonly pageIndex: number;
  readonly seals: SealPosition[];
}

/** One grid line; `draw` gets the slot's top edge. A blank row draws nothing. */
export interface Row {
  readonly draw?: (top: number, ctx: RowContext) => void;
}

/** Rows that must share a page; `keepWithPrevious` also keeps the row before the block with it. */
export type Block = readonly Row[] & { readonly keepWithPrevious?: boolean };

const keepWithPrevious = (rows: Row[]): Block => Object.assign(rows, { keepWithPrevious: true });

const S3 = mmOfPt(SIZE_PT.三号);
const S2 = mmOfPt(SIZE_PT.二号);
const BLANK: Row = {};

export function composeBody(fields: OfficialDocumentFields, template: OfficialTemplate, fonts: OfficialFonts): Block[] {
  const blocks: Block[] = [];
  const text = (s: string, role: FontRole, size = S3) => shapeText(s, fontChain(fonts, role), size, size === S3 ? { cell: CELL } : {});
  const rowsOf = (lines: BrokenLine[], x0: (i: number) => number, size: number, align: 'justify' | 'centre' = 'justify'): Row[] =>
    lines.map((l, i) => ({
      draw: (top, ctx) => {
        const w = align === 'centre' ? l.width : TYPE_AREA.right - x0(i);
        const x = align === 'centre' ? TYPE_AREA.left + (TYPE_AREA.width - l.width) / 2 : x0(i);
        ctx.ops.push(...textOps(l.chars, placeLine(l.chars, x, w, align === 'justify' && !l.last), baselineInSlot(top, size), size, BLACK, titleStyle(fonts, size)));
      },
    }));

  // §7.3.1 title: 二号小标宋, centred, lines of balanced length.
  const title = text(fields.title, 'xiaobiaosong', S2);
  const n = Math.ceil(widthOf(title) / TYPE_AREA.width - 1e-9);
  const balanced = Math.min(TYPE_AREA.width, widthOf(title) / Math.max(1, n) + S2);
  const titleLines = breakLines(title, balanced, balanced);
  blocks.push(rowsOf(titleLines, () => TYPE_AREA.left, S2, 'centre'));
  // §7.3.2 主送机关: one blank line under the title, flush left, ending with a full-width colon.
  if (fields.mainRecipients) {
    const r = fields.mainRecipients.replace(/[:：]?\s*$/, '：');
    blocks.push([BLANK]);
    for (const row of rowsOf(breakLines(text(r, 'fangsong'), TYPE_AREA.width, TYPE_AREA.width), () => TYPE_AREA.left, S3)) blocks.push([row]);
  } else blocks.push([BLANK]);
  // §7.3.3 正文: paragraphs indented two characters; heading levels in 黑体/楷体.
  for (const p of fields.body) {
    const chars = paragraphChars(p, fonts);
    for (const row of rowsOf(breakLines(chars, TYPE_AREA.width - 2 * CELL, TYPE_AREA.width), (i) => TYPE_AREA.left + (i === 0 ? 2 * CELL : 0), S3)) blocks.push([row]);
  }
  // §7.3.4 附件说明: one blank line, indented two characters; several are numbered, continuation aligned.
  const attachments = fields.attachments ?? [];
  if (attachments.length > 0) {
    blocks.push([BLANK]);
    const label = '附件：';
    const labelW = widthOf(text(label, 'fangsong'));
    attachments.forEach((a, i) => {
      const item = attachments.length > 1 ? `${i + 1}.${a}` : a;
      const numW = attachments.length > 1 ? widthOf(text(`${i + 1}.`, 'fangsong')) : 0;
      const x0 = TYPE_AREA.left + 2 * CELL + labelW;
      const lines = breakLines(text(item, 'fangsong'), TYPE_AREA.right - x0, TYPE_AREA.right - x0 - numW);
      lines.forEach((l, k) => {
        blocks.push([{
          draw: (top, ctx) => {
            if (i === 0 && k === 0) ctx.ops.push(...drawText(text(label, 'fangsong'), TYPE_AREA.left + 2 * CELL, top));
            const x = x0 + (k === 0 ? 0 : numW);
            ctx.ops.push(...textOps(l.chars, placeLine(l.chars, x, TYPE_AREA.right - x, !l.last), baselineInSlot(top, S3), S3, BLACK));
          },
        }]);
      });
    });
  }
  blocks.push(...signatureBlocks(fields, template, fonts));
  // §7.3.6 附注: in parentheses, indented two characters, on the line after the date.
  if (fields.notes) {
    for (const row of rowsOf(breakLines(text(`（${fields.notes.replace(/^[（(]|[）)]$/g, '')}）`, 'fangsong'), TYPE_AREA.width - 2 * CELL, TYPE_AREA.width), (i) => TYPE_AREA.left + (i === 0 ? 2 * CELL : 0), S3)) blocks.push([row]);
  }
  blocks.push(...attendanceBlocks(fields, fonts));
  return blocks;

  function drawText(chars: ShapedChar[], x: number, top: number): DrawOp[] {
    return textOps(chars, placeLine(chars, x, 0, false), baselineInSlot(top, S3), S3, BLACK);
  }
}

function titleStyle(fonts: OfficialFonts, size: number): { strokeMm?: number } {
  return size === S2 && fonts.xiaobiaosongEmbolden !== undefined ? { strokeMm: fonts.xiaobiaosongEmbolden * size } : {};
}

/** §7.3.3: "一、" headings in 黑体, "（一）" in 楷体 — the heading sentence only, up to its full stop. */
function paragraphChars(p: string, fonts: OfficialFonts): ShapedChar[] {
  const shape = (s: string, role: FontRole) => shapeText(s, fontChain(fonts, role), S3, { cell: CELL });
  const role: FontRole | undefined = /^[一二三四五六七八九十]+、/.test(p) ? 'hei' : /^（[一二三四五六七八九十]+）/.test(p) ? 'kai' : undefined;
  if (role === undefined) return shape(p, 'fangsong');
  const end = p.indexOf('。');
  return end < 0 || end === p.length - 1 ? shape(p, role) : [...shape(p.slice(0, end + 1), role), ...shape(p.slice(end + 1), 'fangsong')];
}

/** §7.3.5 署名, 成文日期 and the seal position(s); keeps the last text line with them (no page without text). */
function signatureBlocks(fields: OfficialDocumentFields, template: OfficialTemplate, fonts: OfficialFonts): Block[] {
  const shape = (s: string) => shapeText(s, fontChain(fonts, 'fangsong'), S3, { cell: CELL });
  const date = shape(chineseDate(fields.date));
  const names = (fields.signatures ?? template.organisations).map(shape);
  const D = template.sealDiameterMm;
  const sealed = fields.sealed ?? template.format !== 'minutes';
  const put = (ctx: RowContext, chars: ShapedChar[], x: number, top: number) => ctx.ops.push(...textOps(chars, placeLine(chars, x, 0, false), baselineInSlot(top, S3), S3, BLACK));
  const emCentre = (top: number) => baselineInSlot(top, S3) - (EM_ASCENT - 0.5) * S3;
  const dateRight = TYPE_AREA.right - 4 * CELL;
  const dateX = dateRight - widthOf(date);
  const dateCentre = dateX + widthOf(date) / 2;

  if (!sealed) {
    // §7.3.5.2: one blank line; 署名 right-indented two characters; date two characters further right.
    const sigW = Math.max(...names.map(widthOf));
    let sigX = TYPE_AREA.right - 2 * CELL - sigW;
    let dX = sigX + 2 * CELL;
    if (dX + widthOf(date) > TYPE_AREA.right - 2 * CELL) {
      dX = TYPE_AREA.right - 2 * CELL - widthOf(date);
      sigX = dX - 2 * CELL;
    }
    const rows: Row[] = [BLANK, ...names.map((n): Row => ({ draw: (top, ctx) => put(ctx, n, sigX, top) })), { draw: (top, ctx) => put(ctx, date, dX, top) }];
    return [keepWithPrevious(rows)];
  }
  if (template.format === 'order') {
    // §10.2 with §7.3.5.3: 签名章 right-indented four characters, the title two characters to its left, date one blank line under it.
    const chopCentre = dateRight - D / 2;
    const rows: Row[] = [BLANK, BLANK, {
      draw: (top, ctx) => {
        const y = emCentre(top);
        ctx.seals.push({ pageIndex: ctx.pageIndex, centreMm: { x: chopCentre, y }, sizeMm: D, organisation: template.organisations[0] ?? '' });
        names.forEach((n) => put(ctx, n, chopCentre - D / 2 - 2 * CELL - widthOf(n), top));
      },
    }];
    const below = Math.ceil(D / 2 / LINE_PITCH) + 1;
    for (let i = 0; i < below; i++) rows.push(BLANK);
    rows.push({ draw: (top, ctx) => put(ctx, date, dateX, top) });
    return [keepWithPrevious(rows)];
  }
  // §7.3.5.1: seals centred on their organ's 署名, the last one on the 署名 and the date; seals never touch.
  const pairs: ShapedChar[][][] = [];
  for (let start = 0; start < names.length; start += 2) pairs.push(names.slice(start, start + 2));
  const rowGap = Math.ceil((D + 2) / LINE_PITCH);
  const rows: Row[] = [BLANK, BLANK];
  pairs.forEach((pair, r) => {
    rows.push({
      draw: (top, ctx) => {
        const centres = pair.length === 1 ? [dateCentre] : [dateCentre - D - 4, dateCentre];
        pair.forEach((n, k) => {
          const cx = Math.min(centres[k] as number, TYPE_AREA.right - widthOf(n) / 2);
          put(ctx, n, cx - widthOf(n) / 2, top);
          ctx.seals.push({ pageIndex: ctx.pageIndex, centreMm: { x: cx, y: emCentre(top) }, sizeMm: D, organisation: template.organisations[names.indexOf(n)] ?? '' });
        });
      },
    });
    if (r < pairs.length - 1) for (let i = 1; i < rowGap; i++) rows.push(BLANK);
  });
  rows.push({ draw: (top, ctx) => put(ctx, date, dateX, top) });
  return [keepWithPrevious(rows)];
}

/** §10.3: 出席/请假/列席 lists one blank line under the text, 黑体 label, names aligned after the colon. */
function attendanceBlocks(fields: OfficialDocumentFields, fonts: OfficialFonts): Block[] {
  const a = fields.attendance;
  if (a === undefined) return [];
  const blocks: Block[] = [[BLANK]];
  for (const [label, names] of [['出席', a.present], ['请假', a.absent], ['列席', a.attending]] as const) {
    if (!names) continue;
    const l = shapeText(`${label}：`, fontChain(fonts, 'hei'), S3, { cell: CELL });
    const x0 = TYPE_AREA.left + 2 * CELL + widthOf(l);
    breakLines(shapeText(names, fontChain(fonts, 'fangsong'), S3, { cell: CELL }), TYPE_AREA.right - x0, TYPE_AREA.right - x0).forEach((line, i) => {
      blocks.push([{
        draw: (top, ctx) => {
          if (i === 0) ctx.ops.push(...textOps(l, placeLine(l, TYPE_AREA.left + 2 * CELL, 0, false), baselineInSlot(top, S3), S3, BLACK));
          ctx.ops.push(...textOps(line.chars, placeLine(line.chars, x0, TYPE_AREA.right - x0, !line.last), baselineInSlot(top, S3), S3, BLACK));
        },
      }]);
    });
  }
  return blocks;
}
