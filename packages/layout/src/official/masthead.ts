/**
 * 发文机关标志 (GB/T 9704-2012 §7.2.4): red, centred, sized to fit the 156 mm type area — narrowed first
 * (horizontal scale down to 50 %), then made smaller. Joint documents stack the organ names with the
 * suffix ("文件") to their right, centred on them. Positions use the glyphs' ink, so "top edge" is where
 * the red ink starts.
 */
import type { Font } from '@openseal/fonts';
import type { TextOp } from '../render/draw-list.js';
import { textOps } from '../render/text-ops.js';
import { placeLine } from '../text/break-lines.js';
import { shapeText, widthOf, type ShapedChar } from '../text/shape-text.js';
import { fontChain, type OfficialFonts } from './official-fonts.js';
import { mmOfPt, TYPE_AREA, type Rgb } from './page-geometry.js';

export interface Masthead {
  readonly ops: TextOp[];
  readonly top: number;
  readonly bottom: number;
}

const MIN_HSCALE = 0.5;

export function layoutMasthead(names: readonly string[], suffix: string, sizePt: number, top: number, fonts: OfficialFonts, color: Rgb): Masthead {
  const chain = fontChain(fonts, 'xiaobiaosong');
  let size = mmOfPt(sizePt);
  const measure = (s: number) => {
    const rows = names.map((n) => shapeText(names.length === 1 ? n + suffix : n, chain, s));
    const suffixChars = names.length > 1 && suffix !== '' ? shapeText(suffix, chain, s) : [];
    const gap = suffixChars.length > 0 ? s * 0.5 : 0;
    return { rows, suffixChars, gap, width: Math.max(...rows.map(widthOf)) + gap + widthOf(suffixChars) };
  };
  let m = measure(size);
  let hScale = Math.min(1, TYPE_AREA.width / m.width);
  if (hScale < MIN_HSCALE) {
    size *= TYPE_AREA.width / (m.width * MIN_HSCALE);
    m = measure(size);
    hScale = Math.min(1, TYPE_AREA.width / m.width);
  }
  const stroke = fonts.xiaobiaosongEmbolden === undefined ? undefined : fonts.xiaobiaosongEmbolden * size;
  const style = { hScale, ...(stroke === undefined ? {} : { strokeMm: stroke }) };
  const namesWidth = Math.max(...m.rows.map(widthOf)) * hScale;
  const total = namesWidth + (m.gap + widthOf(m.suffixChars)) * hScale;
  const left = TYPE_AREA.left + (TYPE_AREA.width - total) / 2;
  const pitch = size * 1.3;
  const ops: TextOp[] = [];
  const first = m.rows[0] as ShapedChar[];
  const baseline0 = top + inkAbove(first, size) + (stroke ?? 0) / 2;
  let bottom = baseline0;
  m.rows.forEach((row, i) => {
    const baseline = baseline0 + i * pitch;
    // Each name is centred in the names column (the lead organ's row decides nothing else).
    const x = left + (namesWidth - widthOf(row) * hScale) / 2;
    ops.push(...textOps(row, scaled(placeLine(row, x, 0, false), x, hScale), baseline, size, color, style));
    bottom = Math.max(bottom, baseline + inkBelow(row, size) + (stroke ?? 0) / 2);
  });
  if (m.suffixChars.length > 0) {
    const blockMid = (top + bottom) / 2;
    const ascent = inkAbove(m.suffixChars, size);
    const descent = inkBelow(m.suffixChars, size);
    const baseline = blockMid + (ascent - descent) / 2;
    const x = left + namesWidth + m.gap * hScale;
    ops.push(...textOps(m.suffixChars, scaled(placeLine(m.suffixChars, x, 0, false), x, hScale), baseline, size, color, style));
  }
  return { ops, top, bottom };
}

function scaled(xs: number[], origin: number, hScale: number): number[] {
  return xs.map((x) => origin + (x - origin) * hScale);
}

/** Height of the ink above the baseline (max glyph yMax), mm. */
export function inkAbove(chars: readonly ShapedChar[], sizeMm: number): number {
  return Math.max(0, ...chars.map((c) => ((glyphBox(c.font, c.gid)?.yMax ?? 0) / c.font.unitsPerEm) * sizeMm));
}

/** Depth of the ink below the baseline (−min glyph yMin), mm. */
export function inkBelow(chars: readonly ShapedChar[], sizeMm: number): number {
  return Math.max(0, ...chars.map((c) => (-(glyphBox(c.font, c.gid)?.yMin ?? 0) / c.font.unitsPerEm) * sizeMm));
}

function glyphBox(font: Font, gid: number) {
  return font.glyphBBox(gid);
}
