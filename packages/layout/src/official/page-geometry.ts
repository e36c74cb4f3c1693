/**
 * GB/T 9704-2012 page geometry in millimetres, origin at the top-left corner of an A4 page (as OFD):
 * §5.2.1 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm; §5.2.2 22 lines × 28 characters of 3号 (16 pt).
 */
export const PT_TO_MM = 25.4 / 72;
export const MM_TO_PT = 72 / 25.4;

export const PAGE = { width: 210, height: 297 } as const;
export const TYPE_AREA = { left: 28, top: 37, width: 156, height: 225, right: 184, bottom: 262 } as const;

/** §5.2.2: 22 lines fill the type area; 28 characters fill its width. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
export const LINE_PITCH = TYPE_AREA.height / LINES_PER_PAGE;
export const CELL = TYPE_AREA.width / CHARS_PER_LINE;

/** Chinese type sizes (字号) in points. */
export const SIZE_PT = { 初号: 42, 小初: 36, 一号: 26, 小一: 24, 二号: 22, 小二: 18, 三号: 16, 小三: 15, 四号: 14, 小四: 12 } as const;

export const mmOfPt = (pt: number): number => pt * PT_TO_MM;

/**
 * Where text sits in a line slot: the ideographic em box spans baseline − 0.88 em … baseline + 0.12 em,
 * and its bottom is 0.3 mm above the slot bottom (as in the measured dms360 sample: baseline 9.22 of 10.22).
 */
export const EM_ASCENT = 0.88;
export const EM_DESCENT = 0.12;
export function baselineInSlot(slotTop: number, sizeMm: number, pitch = LINE_PITCH): number {
  return slotTop + pitch - 0.3 - EM_DESCENT * sizeMm;
}

/** Top of line slot i (0-based) of a full page. */
export const slotTop = (i: number): number => TYPE_AREA.top + i * LINE_PITCH;

/** §7.2 print red: Y80 % M80 % — as RGB on screen and in the files. */
export const RED: Rgb = [230, 0, 18];
export const BLACK: Rgb = [0, 0, 0];
export type Rgb = readonly [number, number, number];
