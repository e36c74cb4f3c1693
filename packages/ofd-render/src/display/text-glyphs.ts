import type { CT_Text } from '@openseal/ofd';
import type { Glyph } from './display-list.js';

/**
 * Glyph origins of a TextObject in its own space (GB/T 33190 §11.3): glyph i of a TextCode sits at
 * X + ΣDeltaX[0..i−1], Y + ΣDeltaY[0..i−1]; absent X/Y repeat the previous TextCode's; a short Delta list
 * repeats its last value (as OfdDocument.textRuns does). CGTransform (Page.xsd) attaches glyph indices to
 * the characters at CodePosition…CodePosition+CodeCount−1 of the TextCode that follows it.
 */
export function textGlyphs(text: CT_Text, budget: { glyphs: number }): { glyphs: Glyph[]; truncated: boolean; unmatchedTransforms: number } {
  const glyphs: Glyph[] = [];
  let x = 0;
  let y = 0;
  let unmatched = 0;
  for (const code of text.textCodes) {
    x = code.x ?? x;
    y = code.y ?? y;
    const chars = Array.from(code.text);
    const gids = new Map<number, number>();
    for (const t of code.cgTransforms ?? []) {
      const count = t.codeCount ?? 1;
      const list = t.glyphs ?? [];
      if (list.length !== count) unmatched++;
      for (let k = 0; k < Math.min(count, list.length); k++) gids.set(t.codePosition + k, list[k] as number);
    }
    let gx = x;
    let gy = y;
    for (let i = 0; i < chars.length; i++) {
      if (i > 0) {
        gx += delta(code.deltaX, i - 1);
        gy += delta(code.deltaY, i - 1);
      }
      if (budget.glyphs <= 0) return { glyphs, truncated: true, unmatchedTransforms: unmatched };
      budget.glyphs--;
      const gid = gids.get(i);
      glyphs.push(gid === undefined ? { text: chars[i] as string, x: gx, y: gy } : { text: chars[i] as string, x: gx, y: gy, gid });
    }
  }
  return { glyphs, truncated: false, unmatchedTransforms: unmatched };
}

function delta(list: readonly number[] | undefined, i: number): number {
  if (list === undefined || list.length === 0) return 0;
  return list[Math.min(i, list.length - 1)] as number;
}
