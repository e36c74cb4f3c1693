/** One glyph of a laid-out line. Advances are in points at the requested size. */
export interface LaidOutGlyph {
  readonly gid: number;
  readonly codePoint: number;
  /** UTF-16 index of the character in the input string. */
  readonly index: number;
  readonly advance: number;
  /** True when the font has no glyph for the code point (gid is 0, .notdef). */
  readonly missing: boolean;
}

export interface TextLayout {
  readonly glyphs: readonly LaidOutGlyph[];
  /** Sum of advances, in points. */
  readonly width: number;
  readonly sizePt: number;
  /** Code points the font cannot show: the caller may lay these out with a fallback font. */
  readonly missing: readonly { readonly codePoint: number; readonly index: number }[];
}

export interface GlyphMapper {
  readonly unitsPerEm: number;
  glyphIdForCodePoint(cp: number): number;
  advanceWidth(gid: number): number;
}

/** Left-to-right, one glyph per code point, no shaping or kerning; surrogate pairs form one code point. */
export function layoutText(font: GlyphMapper, text: string, sizePt: number): TextLayout {
  const scale = sizePt / font.unitsPerEm;
  const glyphs: LaidOutGlyph[] = [];
  const missing: { codePoint: number; index: number }[] = [];
  let width = 0;
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index) as number;
    const gid = font.glyphIdForCodePoint(codePoint);
    const advance = font.advanceWidth(gid) * scale;
    glyphs.push({ gid, codePoint, index, advance, missing: gid === 0 });
    if (gid === 0) missing.push({ codePoint, index });
    width += advance;
    index += codePoint > 0xffff ? 2 : 1;
  }
  return { glyphs, width, sizePt, missing };
}
