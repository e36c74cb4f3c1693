/**
 * Composes a whole official document (GB/T 9704-2012) from structured fields: 版头 on page 1, the 主体 on
 * the 22 × 28 grid across pages, 版记 at the bottom of the last page, page numbers; and the seal
 * position(s) for the seal engines. The same draw lists are written as PDF and as OFD.
 */
import type { RandomSource } from '@openseal/kernel';
import type { LaidOutPage } from '../render/draw-list.js';
import { renderOfd } from '../render/render-ofd.js';
import { renderPdf } from '../render/render-pdf.js';
import { composeBanji, pageNumberOps } from './compose-banji.js';
import { composeBody, type Block, type Row, type SealPosition } from './compose-body.js';
import { composeHeader } from './compose-header.js';
import type { OfficialDocumentFields } from './official-fields.js';
import type { OfficialFonts } from './official-fonts.js';
import type { OfficialTemplate } from './official-template.js';
import { LINE_PITCH, LINES_PER_PAGE, PAGE, TYPE_AREA } from './page-geometry.js';

export interface OfficialLayout {
  readonly pages: LaidOutPage[];
  /** All seal positions (joint documents: one per organ, the last presses on the date). */
  readonly sealPositions: SealPosition[];
  /** Measured anchors of the 版头, in page mm, for checks. */
  readonly geometry: { readonly mastheadTop: number; readonly mastheadBottom: number; readonly redLineY: number | undefined; readonly bodyTop: number };
}

export interface ComposedDocument extends OfficialLayout {
  readonly pdf: Uint8Array;
  readonly ofd: Uint8Array;
  /** The main seal: the last organ's, pressing on the 署名 and the date; undefined for unsealed formats. */
  readonly sealPosition: SealPosition | undefined;
  readonly pageCount: number;
}

export interface ComposeOptions {
  /** OFD DocID source (or `docId`); the PDF needs none (its ID is a content digest). */
  readonly random?: RandomSource;
  readonly docId?: string;
  readonly creationDate?: Date;
}

interface Placed {
  readonly row: Row;
  readonly page: number;
  readonly top: number;
}

export function layoutOfficialDocument(fields: OfficialDocumentFields, template: OfficialTemplate, fonts: OfficialFonts): OfficialLayout {
  const header = composeHeader(fields, template, fonts);
  const blocks = composeBody(fields, template, fonts);
  const placed = paginate(blocks, header.bodyTop);
  const banji = composeBanji(fields, template, fonts);
  let pageCount = Math.max(1, ...placed.map((p) => p.page + 1));
  const lastBottom = Math.max(...placed.filter((p) => p.page === pageCount - 1 && p.row.draw !== undefined).map((p) => p.top + LINE_PITCH));
  let banjiOwnPage = false;
  if (banji.height > 0 && lastBottom > TYPE_AREA.bottom - banji.height + 0.5) {
    pageCount++;
    banjiOwnPage = true;
  }
  const pages: LaidOutPage[] = Array.from({ length: pageCount }, () => ({ widthMm: PAGE.width, heightMm: PAGE.height, ops: [] }));
  const seals: SealPosition[] = [];
  (pages[0] as LaidOutPage).ops.push(...header.ops);
  for (const p of placed) p.row.draw?.(p.top, { ops: (pages[p.page] as LaidOutPage).ops, pageIndex: p.page, seals });
  (pages[pageCount - 1] as LaidOutPage).ops.push(...banji.ops);
  pages.forEach((page, i) => {
    // §7.5 / §10.1: letters have no number on page 1; a page carrying only the 版记 gets none.
    if ((template.format === 'letter' && i === 0) || (banjiOwnPage && i === pageCount - 1)) return;
    page.ops.push(...pageNumberOps(i + 1, fonts));
  });
  return { pages, sealPositions: seals, geometry: { mastheadTop: header.mastheadTop, mastheadBottom: header.mastheadBottom, redLineY: header.redLineY, bodyTop: header.bodyTop } };
}

export function composeOfficialDocument(fields: OfficialDocumentFields, template: OfficialTemplate, fonts: OfficialFonts, options: ComposeOptions = {}): ComposedDocument {
  const layout = layoutOfficialDocument(fields, template, fonts);
  const title = fields.title;
  const pdf = renderPdf(layout.pages, { title });
  const ofd = renderOfd(layout.pages, {
    title,
    ...(options.docId === undefined ? {} : { docId: options.docId }),
    ...(options.random === undefined ? {} : { random: options.random }),
    ...(options.creationDate === undefined ? {} : { creationDate: options.creationDate }),
  });
  return { ...layout, pdf, ofd, sealPosition: layout.sealPositions[layout.sealPositions.length - 1], pageCount: layout.pages.length };
}

/** Assigns rows to line slots; a block moves whole to the next page, with its previous row if it asks to. */
function paginate(blocks: readonly Block[], firstTop: number): Placed[] {
  const placed: Placed[] = [];
  let page = 0;
  let top = firstTop;
  const fits = (rows: number) => top + rows * LINE_PITCH <= TYPE_AREA.bottom + 0.5;
  const newPage = () => {
    page++;
    top = TYPE_AREA.top;
  };
  for (const block of blocks) {
    let rows = [...block];
    if (page > 0 && top === TYPE_AREA.top) rows = dropLeadingBlanks(rows);
    if (!fits(rows.length)) {
      const prev = placed[placed.length - 1];
      const carry = block.keepWithPrevious === true && prev !== undefined && prev.page === page && rows.length + 1 <= LINES_PER_PAGE;
      if (carry) placed.pop();
      newPage();
      if (carry && prev !== undefined) rows.unshift(prev.row);
      else rows = dropLeadingBlanks(rows);
    }
    for (const row of rows) {
      placed.push({ row, page, top });
      top += LINE_PITCH;
    }
  }
  return placed;
}

function dropLeadingBlanks(rows: Row[]): Row[] {
  let i = 0;
  while (i < rows.length && (rows[i] as Row).draw === undefined) i++;
  return rows.slice(i);
}
