/**
 * A generated round seal as a vector drawing, after 国发〔1999〕25号: red ring, five-pointed star in the
 * centre, the organisation's name running clockwise along the rim from the left ("自左而右环行"), an
 * optional purpose line (e.g. 合同专用章) under the star. Glyphs are drawn as outlines from the font,
 * so no font is embedded and CFF faces work too.
 */
import type { Font } from '@openseal/fonts';
import { pathToSvg } from '@openseal/fonts';
import { InvalidArgumentError } from '@openseal/kernel';
import { SealFontMissingGlyphsError } from './errors.js';
import type { VectorDrawing, VectorShape } from './vector-drawing.js';

export interface RoundSealOptions {
  /** Organisation name along the rim; needs `font`. */
  readonly name?: string;
  /** A horizontal line under the star (合同专用章, 财务专用章 …); needs `font`. */
  readonly purpose?: string;
  readonly font?: Font;
  /** Default '#ff0000' (pure red, as electronic seal pictures usually are). */
  readonly color?: string;
}

type Affine = readonly [number, number, number, number, number, number];

const mul = (m: Affine, n: Affine): Affine => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

// Proportions of a 42 mm company seal in a 100-unit drawing: rim ≈ 1.2 mm, star ≈ 14 mm across,
// name characters ≈ 6.5 mm high (practice; no standard fixes them).
const RIM_WIDTH = 3;
const STAR_R = 17;
const NAME_SIZE = 16;
const NAME_RADIUS = 36;
const PURPOSE_SIZE = 10;

function glyph(font: Font, ch: string, size: number, at: Affine, fill: string): VectorShape {
  const gid = font.glyphIdForCodePoint(ch.codePointAt(0) as number);
  const adv = font.advanceWidth(gid);
  const s = size / font.unitsPerEm;
  // Centre the em box (baseline at 0.12 em above its bottom) on the origin, y pointing down.
  const local: Affine = [s, 0, 0, s, (-adv / 2) * s, 0.38 * size];
  return { type: 'path', d: pathToSvg(font.glyphPath(gid), { flipY: true, precision: 1 }), fill, transform: mul(at, local) };
}

function checkGlyphs(font: Font, text: string): void {
  const missing = [...text].filter((c) => !/\s/u.test(c) && font.glyphIdForCodePoint(c.codePointAt(0) as number) === 0);
  if (missing.length > 0) throw new SealFontMissingGlyphsError(missing.join(''), font.names.postScriptName);
}

export function roundSealDrawing(options: RoundSealOptions = {}): VectorDrawing {
  const color = options.color ?? '#ff0000';
  const shapes: VectorShape[] = [
    { type: 'circle', cx: 50, cy: 50, r: 50 - RIM_WIDTH / 2, stroke: color, strokeWidth: RIM_WIDTH },
    { type: 'star', cx: 50, cy: 50, r: STAR_R, fill: color },
  ];
  const name = [...(options.name ?? '')].filter((c) => !/\s/u.test(c));
  if ((name.length > 0 || options.purpose) && !options.font) throw new InvalidArgumentError('seal text needs a font');
  const font = options.font;
  if (font && name.length > 0) {
    if (name.length > 40) throw new InvalidArgumentError('organisation name too long for a round seal', { length: name.length });
    checkGlyphs(font, name.join(''));
    // Spread over up to 250° centred on the top; short names keep a natural spacing.
    const step = Math.min(250 / Math.max(1, name.length - 1), 26);
    const start = -((name.length - 1) * step) / 2;
    name.forEach((ch, i) => {
      const theta = ((start + i * step) * Math.PI) / 180; // clockwise from 12 o'clock
      const c = Math.cos(theta), s = Math.sin(theta);
      // y points down: a clockwise turn is [cos sin −sin cos]; the glyph's foot faces the centre.
      const at: Affine = [c, s, -s, c, 50 + NAME_RADIUS * s, 50 - NAME_RADIUS * c];
      shapes.push(glyph(font, ch, NAME_SIZE, at, color));
    });
  }
  if (font && options.purpose) {
    const chars = [...options.purpose].filter((c) => !/\s/u.test(c));
    checkGlyphs(font, chars.join(''));
    const width = chars.length * PURPOSE_SIZE;
    chars.forEach((ch, i) => shapes.push(glyph(font, ch, PURPOSE_SIZE, [1, 0, 0, 1, 50 - width / 2 + (i + 0.5) * PURPOSE_SIZE, 76], color)));
  }
  return { kind: 'vector', width: 100, height: 100, shapes };
}
