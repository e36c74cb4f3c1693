import type { Rgb } from '../official/page-geometry.js';
import type { ShapedChar } from '../text/shape-text.js';
import type { TextOp } from './draw-list.js';

/** Text ops for shaped characters at x positions `xs`: one op per run of the same font. */
export function textOps(chars: readonly ShapedChar[], xs: readonly number[], baseline: number, sizeMm: number, color: Rgb, style: { hScale?: number; strokeMm?: number } = {}): TextOp[] {
  const ops: TextOp[] = [];
  let run: { font: ShapedChar['font']; glyphs: { gid: number; text: string; x: number }[] } | undefined;
  chars.forEach((c, i) => {
    if (/^\s$/.test(c.ch)) return;
    if (run === undefined || run.font !== c.font) {
      run = { font: c.font, glyphs: [] };
      ops.push({ kind: 'text', font: c.font, sizeMm, baseline, glyphs: run.glyphs, color, ...(style.hScale !== undefined && style.hScale !== 1 ? { hScale: style.hScale } : {}), ...(style.strokeMm ? { strokeMm: style.strokeMm } : {}) });
    }
    run.glyphs.push({ gid: c.gid, text: c.ch, x: xs[i] as number });
  });
  return ops;
}
