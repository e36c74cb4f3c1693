import type { OfdDocument, TextGlyph } from '@openseal/ofd';
import { OfdSealKeywordNotFoundError } from '../errors.js';
import { box, checkPageIndex } from './page-geometry.js';
import type { ResolvedPlacement, StampPosition } from './placement.js';

/** A keyword occurrence on a page: its glyphs' span and the font size around them. */
export interface TextHit {
  readonly pageIndex: number;
  readonly left: number;
  readonly right: number;
  readonly baseline: number;
  readonly fontSize: number;
}

/**
 * Finds `keyword` in the page text. Runs are joined in file order without separators, so a word split
 * over several TextCodes is still found; the hit spans its first glyph's origin to its last glyph's
 * origin plus one font size (the glyph advance is not known without the font).
 */
export function findText(doc: OfdDocument, keyword: string | RegExp, pageIndexes: readonly number[]): TextHit[] {
  const hits: TextHit[] = [];
  for (const pageIndex of pageIndexes) {
    const glyphs: Array<TextGlyph & { size: number }> = [];
    for (const run of doc.textRuns(pageIndex)) for (const g of run.glyphs) glyphs.push({ ...g, size: run.fontSize });
    const text = glyphs.map((g) => g.text).join('');
    // glyph i covers text[offsets[i]]: glyph texts are single code points, some of them two UTF-16 units
    const offsets: number[] = [];
    let o = 0;
    for (const g of glyphs) {
      offsets.push(o);
      o += g.text.length;
    }
    const pattern = typeof keyword === 'string' ? new RegExp(escapeRegExp(keyword), 'gu') : new RegExp(keyword.source, keyword.flags.includes('g') ? keyword.flags : `${keyword.flags}g`);
    for (const m of text.matchAll(pattern)) {
      if (m[0].length === 0) continue;
      const first = offsets.indexOf(m.index);
      if (first < 0) continue;
      const lastStart = m.index + m[0].length - 1;
      let last = first;
      while (last + 1 < offsets.length && (offsets[last + 1] as number) <= lastStart) last++;
      const span = glyphs.slice(first, last + 1);
      if (span.length === 0) continue;
      const size = Math.max(...span.map((g) => g.size));
      hits.push({ pageIndex, left: Math.min(...span.map((g) => g.x)), right: Math.max(...span.map((g) => g.x)) + size, baseline: Math.max(...span.map((g) => g.y)), fontSize: size });
    }
  }
  return hits;
}

/** Centres the seal on the keyword (its middle, a third of the font size above the baseline). */
export function keywordPlacement(
  doc: OfdDocument,
  spec: { readonly keyword: string; readonly pageIndex?: number; readonly occurrence?: 'first' | 'last' | 'all' },
  size: { readonly width: number; readonly height: number },
): ResolvedPlacement {
  if (spec.pageIndex !== undefined) checkPageIndex(doc, spec.pageIndex);
  const pages = spec.pageIndex !== undefined ? [spec.pageIndex] : doc.pages.map((p) => p.index);
  const hits = findText(doc, spec.keyword, pages);
  if (hits.length === 0) throw new OfdSealKeywordNotFoundError(spec.keyword, pages.length);
  const chosen = spec.occurrence === 'all' ? hits : spec.occurrence === 'first' ? [hits[0] as TextHit] : [hits[hits.length - 1] as TextHit];
  const stamps: StampPosition[] = chosen.map((h) => {
    const cx = (h.left + h.right) / 2;
    const cy = h.baseline - h.fontSize / 3;
    return { pageIndex: h.pageIndex, boundary: box(cx - size.width / 2, cy - size.height / 2, size.width, size.height) };
  });
  return { stamps, method: `keyword:${spec.occurrence ?? 'last'}` };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
