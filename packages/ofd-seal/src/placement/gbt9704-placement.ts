import type { OfdDocument } from '@openseal/ofd';
import { findText } from './keyword-placement.js';
import { box, pageBox } from './page-geometry.js';
import type { ResolvedPlacement } from './placement.js';

/**
 * 成文日期 in Arabic or Chinese numerals: 2012年7月1日, 二〇一二年七月一日 (GB/T 9704-2012 §7.3.5.1);
 * not the 印发日期 of the 版记 ("2012年7月1日印发", §7.4.3).
 */
const DATE = /[0-9〇○零一二三四五六七八九]{4}\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月\s*[0-9一二三四五六七八九十]{1,3}\s*日(?!\s*印发)/u;

// GB/T 9704-2012 type area on A4: 28 mm left, 26 mm right margin, 37 mm top, 35 mm bottom; one 字 = 156/28 mm.
const RIGHT_MARGIN = 26;
const BOTTOM_MARGIN = 35;
const CHAR = 156 / 28;

/**
 * GB/T 9704-2012 §7.3.5.1 (single organ, sealed): the seal is centred on the 成文日期 line and presses
 * down on the 署名 and the date, which sit a little below the seal's centre — here the seal's bottom
 * edge is 1 mm below the date's baseline (as in the dms360 sample: a 33 mm seal spanning y 37–70 over a
 * date with its baseline at 69). Without a date on the last page, the seal goes where the date would be:
 * right-indented four characters, its top within one line below the last text.
 */
export function gbt9704Placement(doc: OfdDocument, size: { readonly width: number; readonly height: number }): ResolvedPlacement {
  const last = doc.pageCount - 1;
  const dates = findText(doc, DATE, [last]);
  const date = dates[dates.length - 1];
  const page = pageBox(doc, last);
  if (date) {
    const cx = (date.left + date.right) / 2;
    const top = date.baseline + 1 - size.height;
    return { stamps: [{ pageIndex: last, boundary: box(cx - size.width / 2, Math.max(page.y, top), size.width, size.height) }], method: 'date-line' };
  }
  // No date: a 成文日期 of about nine characters, right-indented four characters, below the last text.
  const runs = doc.textRuns(last);
  const lastBaseline = Math.max(page.y + 37, ...runs.flatMap((r) => r.glyphs.map((g) => g.y)));
  const cx = page.x + page.width - RIGHT_MARGIN - 4 * CHAR - 4.5 * CHAR;
  const bottomLimit = page.y + page.height - BOTTOM_MARGIN;
  const top = Math.min(lastBaseline + 2, bottomLimit - size.height);
  return { stamps: [{ pageIndex: last, boundary: box(cx - size.width / 2, top, size.width, size.height) }], method: 'type-area' };
}
