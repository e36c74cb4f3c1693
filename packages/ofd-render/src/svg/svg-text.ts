import type { Font } from '@openseal/fonts';
import { pathToSvg } from '@openseal/fonts';
import type { TextItem } from '../display/display-list.js';
import { colorAttr, escapeAttr, escapeText, matrixAttr, num } from './svg-format.js';

export interface SvgTextDeps {
  /** CSS font-family list for a face. */
  readonly families: (item: TextItem) => string;
  /** The parsed font whose glyph ids the item's glyphs carry, for drawing them as outlines. */
  readonly outlineFont: (item: TextItem) => Font | undefined;
  /** Registers a glyph outline once and returns its id. */
  readonly glyphId: (font: Font, fontKey: string, gid: number) => string | undefined;
  readonly opacity: number;
}

/**
 * A TextItem as SVG <text> with one x/y per character, so it stays selectable and lands exactly where the
 * OFD places each glyph. HScale squeezes glyphs about their origins (positions are divided back); glyphs
 * given by index (CGTransform) are drawn as outlines with the text laid transparently on top.
 */
export function svgText(item: TextItem, deps: SvgTextDeps): string {
  const h = item.hScale;
  const transform = matrixAttr(item.matrix) + (h === 1 ? '' : ` scale(${num(h, 6)} 1)`);
  const xs = item.glyphs.map((g) => num(g.x / h)).join(' ');
  const ys = item.glyphs.map((g) => num(g.y)).join(' ');
  const chars = item.glyphs.map((g) => g.text).join('');
  const paint: string[] = [];
  const outlineFont = item.glyphs.some((g) => g.gid !== undefined) ? deps.outlineFont(item) : undefined;
  let outlines = '';
  if (outlineFont !== undefined) {
    const uses: string[] = [];
    for (const g of item.glyphs) {
      if (g.gid === undefined) continue;
      const id = deps.glyphId(outlineFont, item.font.key, g.gid);
      if (id !== undefined) uses.push(`<use xlink:href="#${id}" transform="translate(${num(g.x / h)} ${num(g.y)}) scale(${num(item.size, 6)})${rotation(item)}"/>`);
    }
    outlines = `<g transform="${transform}"${fillAttrs(item, deps.opacity)}>${uses.join('')}</g>`;
    paint.push('fill-opacity="0"');
  } else {
    paint.push(fillAttrs(item, deps.opacity).trim() || 'fill="none"');
  }
  if (item.stroke !== undefined && outlineFont === undefined) {
    const s = item.stroke;
    paint.push(`stroke="${colorAttr(s.color)}" stroke-width="${num(s.width / Math.sqrt(h))}"`);
    if (s.color.a * deps.opacity < 1) paint.push(`stroke-opacity="${num(s.color.a * deps.opacity, 3)}"`);
  }
  const style = [item.bold ? 'font-weight="bold"' : '', item.italic ? 'font-style="italic"' : '', item.charRotation !== 0 ? `rotate="${num(item.charRotation)}"` : '']
    .filter((s) => s !== '')
    .join(' ');
  const text =
    `<text transform="${transform}" x="${xs}" y="${ys}" font-family="${escapeAttr(deps.families(item))}" font-size="${num(item.size, 5)}"` +
    `${style === '' ? '' : ` ${style}`} ${paint.join(' ')} xml:space="preserve">${escapeText(chars)}</text>`;
  return outlines + text;
}

function rotation(item: TextItem): string {
  return item.charRotation === 0 ? '' : ` rotate(${num(item.charRotation)})`;
}

function fillAttrs(item: TextItem, opacity: number): string {
  if (item.fill === undefined) return ' fill="none"';
  const a = item.fill.a * opacity;
  return ` fill="${colorAttr(item.fill)}"${a < 1 ? ` fill-opacity="${num(a, 3)}"` : ''}`;
}

/** Outline of one glyph in em units (1 em = 1), y down, for <use> at a font size. */
export function glyphOutlinePath(font: Font, gid: number): string {
  return pathToSvg(font.glyphPath(gid), { scale: 1 / font.unitsPerEm, precision: 5 });
}
