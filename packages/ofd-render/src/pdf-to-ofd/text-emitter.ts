import type { Matrix } from '@openseal/ofd';
import { IDENTITY, apply, multiply } from '@openseal/ofd';
import type { WarningLog } from '../render-warning.js';
import type { ConvertedGlyph, ConvertedItem, PageClip, Paint, StrokePaint } from './converted-page.js';
import type { GraphicsState } from './graphics-state.js';
import type { PdfFontMapper } from './pdf-font-mapper.js';
import type { PdfJsGlyph, PdfJsPage } from './pdfjs-types.js';

type TextItem = Extract<ConvertedItem, { kind: 'text' }>;

const EPS = 1e-6;

/**
 * Text showing (ISO 32000-1 §9.4): each glyph's origin is the text rendering matrix applied to (0, 0); the
 * text matrix advances by (w0·Tfs + Tc + Tw)·Th. Consecutive glyphs with the same font, size, orientation,
 * paint and clip inside one BT…ET become one OFD TextObject.
 */
export class TextEmitter {
  #tm: Matrix = IDENTITY;
  #tlm: Matrix = IDENTITY;
  #current: { item: TextItem; glyphs: ConvertedGlyph[]; key: string } | undefined;
  readonly #clipIds = new WeakMap<PageClip, number>();
  #nextClip = 0;

  constructor(private readonly fonts: PdfFontMapper, private readonly warnings: WarningLog, private readonly out: ConvertedItem[]) {}

  begin(): void {
    this.#tm = IDENTITY;
    this.#tlm = IDENTITY;
  }

  end(): void {
    if (this.#current !== undefined) this.out.push({ ...this.#current.item, glyphs: this.#current.glyphs });
    this.#current = undefined;
  }

  setMatrix(m: Matrix): void {
    this.#tm = m;
    this.#tlm = m;
  }

  move(tx: number, ty: number): void {
    this.#tlm = multiply([1, 0, 0, 1, tx, ty], this.#tlm);
    this.#tm = this.#tlm;
  }

  show(page: PdfJsPage, glyphs: ReadonlyArray<PdfJsGlyph | number>, gs: GraphicsState, base: Matrix, fill: Paint, stroke: StrokePaint): void {
    if (gs.font === undefined) return;
    const font = this.fonts.font(page, gs.font);
    const fs = gs.fontSize;
    const th = gs.hScale;
    const s = fs / 1000;
    const userToPage = multiply(gs.ctm, base);
    const mode = gs.renderMode;
    if (mode >= 4) this.warnings.add('CONVERT_CONTENT_DROPPED', 'text used as a clip path is converted as plain text');
    const paintFill = mode === 0 || mode === 2 || mode === 4 || mode === 6;
    const paintStroke = mode === 1 || mode === 2 || mode === 5 || mode === 6;
    for (const g of glyphs) {
      if (typeof g === 'number') {
        const tx = font.vertical ? 0 : -g * s * th;
        const ty = font.vertical ? -g * s : 0;
        this.#tm = multiply([1, 0, 0, 1, tx, ty], this.#tm);
        continue;
      }
      const spacing = gs.charSpacing + (g.isSpace ? gs.wordSpacing : 0);
      let origin: Matrix = this.#tm;
      if (font.vertical && g.vmetric !== undefined) origin = multiply([1, 0, 0, 1, -(g.vmetric[1] ?? 0) * s, (g.vmetric[2] ?? 0) * s], this.#tm);
      const trm = multiply(multiply([fs * th, 0, 0, fs, 0, gs.rise], origin), userToPage);
      const at = apply(trm, 0, 0);
      if (!font.type3 && g.unicode !== '' && Number.isFinite(at.x) && Number.isFinite(at.y)) {
        this.add(font.key, trm, at, g, font.program === undefined ? undefined : this.fonts.gid(font, g), gs.clips, paintFill ? fill : undefined, paintStroke ? stroke : undefined);
      }
      if (font.vertical) this.#tm = multiply([1, 0, 0, 1, 0, -((g.vmetric?.[0] ?? -1000) * -s) - spacing], this.#tm);
      else this.#tm = multiply([1, 0, 0, 1, (g.width * s + spacing) * th, 0], this.#tm);
    }
  }

  /** Clip stacks compare by the identity of their paths (save/restore copies the list, not the paths). */
  private clipKey(clips: readonly PageClip[]): string {
    return clips
      .map((c) => {
        let id = this.#clipIds.get(c);
        if (id === undefined) {
          id = ++this.#nextClip;
          this.#clipIds.set(c, id);
        }
        return id;
      })
      .join(',');
  }

  private add(fontKey: string, trm: Matrix, at: { x: number; y: number }, g: PdfJsGlyph, gid: number | undefined, clips: readonly PageClip[], fill: Paint | undefined, stroke: StrokePaint | undefined): void {
    // Upright em space (y down) to the page: flip, then the text rendering matrix without translation.
    const [a, b, c, d] = multiply([1, 0, 0, -1, 0, 0], [trm[0], trm[1], trm[2], trm[3], 0, 0]);
    const det = a * d - b * c;
    if (!(Math.abs(det) > EPS)) return;
    const plainScale = Math.abs(b) < EPS && Math.abs(c) < EPS && a > 0 && d > 0;
    const size = plainScale ? d : Math.sqrt(Math.abs(det));
    const hScale = plainScale ? a / d : 1;
    const linear: Matrix | undefined = plainScale ? undefined : [a / size, b / size, c / size, d / size, 0, 0];
    const key = [fontKey, size.toFixed(4), hScale.toFixed(4), linear?.map((v) => v.toFixed(4)).join(',') ?? '', JSON.stringify(fill ?? null), JSON.stringify(stroke ?? null), this.clipKey(clips)].join('|');
    if (this.#current?.key !== key) {
      this.end();
      const item: TextItem = {
        kind: 'text',
        fontKey,
        size,
        ...(linear === undefined ? {} : { linear }),
        ...(Math.abs(hScale - 1) > EPS ? { hScale } : {}),
        glyphs: [],
        ...(fill === undefined ? {} : { fill }),
        ...(stroke === undefined ? {} : { stroke: { ...stroke, width: stroke.width } }),
        clips,
      };
      this.#current = { item, glyphs: [], key };
    }
    this.#current.glyphs.push({ text: g.unicode, x: at.x, y: at.y, ...(gid === undefined ? {} : { gid }) });
  }
}
