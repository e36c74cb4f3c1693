/**
 * Maps text to glyphs of a font chain (the first font that has the character wins) with advances in
 * mm. On a character grid, full-width glyphs advance exactly one cell and half-width glyphs are scaled
 * by the same factor, as word processors do with "snap to grid" (GB/T 9704 §5.2.2: 28 per line).
 */
import type { Font } from '@openseal/fonts';
import { LayoutGlyphMissingError } from '../errors.js';

export interface ShapedChar {
  readonly ch: string;
  readonly font: Font;
  readonly gid: number;
  /** Advance in mm. */
  readonly advance: number;
  readonly fullWidth: boolean;
}

export interface ShapeOptions {
  /** Grid cell width in mm (full-width glyphs advance exactly this much). */
  readonly cell?: number;
  /** Extra spacing added after every character, mm. */
  readonly letterSpacing?: number;
}

export function shapeText(text: string, fonts: readonly Font[], sizeMm: number, options: ShapeOptions = {}): ShapedChar[] {
  const out: ShapedChar[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp === 0x0a || cp === 0x0d) continue;
    let font = fonts.find((f) => f.hasCodePoint(cp));
    if (font === undefined) {
      if (cp === 0x20 || cp === 0x3000) font = fonts[0];
      else throw new LayoutGlyphMissingError(ch, fonts.map((f) => f.names.postScriptName).join(', '));
    }
    if (font === undefined) throw new LayoutGlyphMissingError(ch, '(no font)');
    const gid = font.glyphIdForCodePoint(cp);
    let natural = (font.advanceWidth(gid) / font.unitsPerEm) * sizeMm;
    if (cp === 0x3000) natural = sizeMm;
    if (cp === 0x20 && natural === 0) natural = sizeMm / 4;
    const fullWidth = natural >= 0.9 * sizeMm;
    let advance = natural;
    if (options.cell !== undefined) advance = fullWidth ? options.cell : natural * (options.cell / sizeMm);
    out.push({ ch, font, gid, advance: advance + (options.letterSpacing ?? 0), fullWidth });
  }
  return out;
}

export const widthOf = (chars: readonly ShapedChar[]): number => chars.reduce((s, c) => s + c.advance, 0);
