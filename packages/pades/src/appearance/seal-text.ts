/** Text lines (signer, date …) under or over the seal picture, shown with an embedded CID font. */
import { parseFontFile, type Font } from '@openseal/fonts';
import { InvalidArgumentError } from '@openseal/kernel';
import { prepareCidFont } from './cid-font.js';
import type { ContentBuilder } from './content-builder.js';
import type { ResourceNames } from './form-xobject.js';
import type { ObjectSink } from './object-sink.js';
import { parseColor } from './vector-drawing.js';

/** Text lines laid out with an embedded font, ready to draw into any number of appearances. */
export interface PreparedSealText {
  readonly position: 'below' | 'overlay';
  readonly widthPt: number;
  readonly heightPt: number;
  /** Draws the block with its bottom-left corner at (x, y) in points of the current user space. */
  draw(cb: ContentBuilder, res: ResourceNames, sink: ObjectSink, x: number, y: number): void;
}

export interface SealTextOptions {
  /** A parsed face, or font file bytes (.ttf/.ttc, TrueType outlines) read by the caller. */
  readonly font: Font | { readonly bytes: Uint8Array; readonly faceIndex?: number };
  readonly lines: readonly string[];
  /** Default 9 pt. */
  readonly sizePt?: number;
  /** '#rrggbb', default black. */
  readonly color?: string;
  /** Under the picture (default) or over its lower part. */
  readonly position?: 'below' | 'overlay';
  /** Baseline distance as a multiple of the size (default 1.25). */
  readonly lineHeight?: number;
}

const MAX_LINES = 20;
const MAX_LINE_LENGTH = 500;

export function prepareSealText(options: SealTextOptions): PreparedSealText {
  const lines = options.lines.filter((l) => l.length > 0);
  if (lines.length === 0 || lines.length > MAX_LINES || lines.some((l) => l.length > MAX_LINE_LENGTH)) {
    throw new InvalidArgumentError('seal text needs 1…20 non-empty lines of at most 500 characters', { lines: options.lines.length });
  }
  const size = options.sizePt ?? 9;
  const lineHeight = options.lineHeight ?? 1.25;
  if (!(size > 0 && size <= 200) || !(lineHeight > 0 && lineHeight <= 10)) throw new InvalidArgumentError('text size or line height out of range', { sizePt: size, lineHeight });
  const font = 'bytes' in options.font ? parseFontFile(options.font.bytes, options.font.faceIndex === undefined ? {} : { faceIndex: options.font.faceIndex }) : options.font;
  const cid = prepareCidFont(font, lines);
  const colour = parseColor(options.color ?? '#000000');
  const ascent = (font.metrics.ascent / font.unitsPerEm) * size;
  const descent = (font.metrics.descent / font.unitsPerEm) * size;
  const pitch = size * lineHeight;
  const widths = lines.map((l) => cid.width(l, size));
  const widthPt = Math.max(...widths);
  const heightPt = ascent - descent + pitch * (lines.length - 1);
  return {
    position: options.position ?? 'below',
    widthPt,
    heightPt,
    draw(cb, res, sink, x, y) {
      const name = res.font(cid.embed(sink));
      cb.save().fillRgb(...colour).op('BT').op('Tf', `/${name}`, size);
      lines.forEach((line, i) => {
        const baseline = y + heightPt - ascent - i * pitch;
        const lx = x + (widthPt - (widths[i] ?? 0)) / 2;
        cb.op('Tm', 1, 0, 0, 1, lx, baseline).op('Tj', cid.showText(line));
      });
      cb.op('ET').restore();
    },
  };
}
