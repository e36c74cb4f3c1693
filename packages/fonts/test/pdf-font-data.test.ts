import { describe, expect, it } from 'vitest';
import { formatPdfWidthArray, parseFontFile, pdfGlyphWidth, pdfWidthArray, subsetTag, toUnicodeCMap, type PdfWidthArray } from '@openseal/fonts';
import { systemFont } from './system-font.js';

/** Expands a /W array back to gid → width, as a PDF reader does. */
function expand(w: PdfWidthArray): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < w.length; ) {
    const first = w[i] as number;
    const next = w[i + 1];
    if (Array.isArray(next)) {
      next.forEach((v, k) => out.set(first + k, v));
      i += 2;
    } else {
      for (let c = first; c <= (next as number); c++) out.set(c, w[i + 2] as number);
      i += 3;
    }
  }
  return out;
}

describe('PDF font data', () => {
  const dejavu = parseFontFile(systemFont('DejaVuSans.ttf'));

  it('produces a /W array that expands to exactly the glyph widths, merging equal runs', () => {
    const gids = [0, 1, 2, 3, 4, 5, 36, 37, 38, 39, 40, 100, 3000, 3001, 3002];
    const w = pdfWidthArray(dejavu, [...gids, 36, 5]);
    const expanded = expand(w);
    expect([...expanded.keys()].sort((a, b) => a - b)).toEqual(gids);
    for (const g of gids) expect(expanded.get(g)).toBe(pdfGlyphWidth(dejavu, g));
    expect(pdfGlyphWidth(dejavu, 36)).toBe(Math.round((dejavu.advanceWidth(36) * 1000) / 2048));
    expect(formatPdfWidthArray([1, [500, 600], 10, 20, 1000])).toBe('[1 [500 600] 10 20 1000]');
  });

  it('uses the range form for runs of three or more equal widths (CJK full-width glyphs)', () => {
    const zenhei = parseFontFile(systemFont('wqy-zenhei.ttc'));
    const start = zenhei.glyphIdForCodePoint(0x4e00);
    const gids = Array.from({ length: 50 }, (_, i) => start + i);
    const w = pdfWidthArray(zenhei, gids);
    expect(w.length).toBeLessThan(10);
    expect(expand(w)).toEqual(new Map(gids.map((g) => [g, pdfGlyphWidth(zenhei, g)])));
  });

  it('writes a ToUnicode CMap with UTF-16BE values, surrogate pairs and 100-entry blocks', () => {
    const entries: [number, string][] = Array.from({ length: 150 }, (_, i) => [i + 1, String.fromCodePoint(0x4e00 + i)]);
    entries.push([0x1234, '😀'], [0x1235, 'ﬁ'], [7, 'dup-ignored']);
    const cmap = toUnicodeCMap(entries);
    expect(cmap).toContain('/CMapName /Adobe-Identity-UCS def');
    expect(cmap).toContain('<0000> <FFFF>');
    expect(cmap).toContain('<0001> <4E00>');
    expect(cmap).toContain('<1234> <D83DDE00>');
    expect(cmap).toContain('<0007> <4E06>');
    expect(cmap.match(/^(\d+) beginbfchar$/gm)).toEqual(['100 beginbfchar', '52 beginbfchar']);
    expect(() => toUnicodeCMap([[70000, 'x']])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('derives a stable six-letter subset tag from the glyph set', () => {
    expect(subsetTag([3, 1, 2])).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag([3, 1, 2])).toBe(subsetTag([1, 2, 3, 3]));
    expect(subsetTag([1, 2, 3])).not.toBe(subsetTag([1, 2, 4]));
  });
});
