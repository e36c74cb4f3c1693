import type { Font } from '../font.js';

/** A CIDFont /W array (ISO 32000-1 §9.7.4.3): `c [w1 w2 …]` or `cFirst cLast w`, widths in 1/1000 em. */
export type PdfWidthArray = (number | number[])[];

/** Glyph width in PDF glyph space units (1/1000 em), rounded to an integer. */
export function pdfGlyphWidth(font: Font, gid: number): number {
  return Math.round((font.advanceWidth(gid) * 1000) / font.unitsPerEm);
}

/** /W entries for the given glyph ids used as CIDs (Identity CIDToGIDMap); ranges of equal widths are merged. */
export function pdfWidthArray(font: Font, glyphIds: Iterable<number>): PdfWidthArray {
  const gids = [...new Set(glyphIds)].sort((a, b) => a - b);
  const out: PdfWidthArray = [];
  for (let i = 0; i < gids.length; ) {
    // A run of consecutive gids; split it where at least 3 equal widths can use the cFirst cLast w form.
    let j = i;
    while (j + 1 < gids.length && (gids[j + 1] as number) === (gids[j] as number) + 1) j++;
    const run = gids.slice(i, j + 1);
    const widths = run.map((g) => pdfGlyphWidth(font, g));
    let k = 0;
    let list: number[] = [];
    const flush = (): void => {
      if (list.length > 0) out.push(run[k - list.length] as number, list);
      list = [];
    };
    while (k < run.length) {
      let e = k;
      while (e + 1 < run.length && widths[e + 1] === widths[k]) e++;
      if (e - k >= 2) {
        flush();
        out.push(run[k] as number, run[e] as number, widths[k] as number);
        k = e + 1;
      } else {
        for (; k <= e; k++) list.push(widths[k] as number);
      }
    }
    flush();
    i = j + 1;
  }
  return out;
}

/** The /W array as PDF syntax, e.g. `[1 [500 600] 10 20 1000]`. */
export function formatPdfWidthArray(w: PdfWidthArray): string {
  return `[${w.map((e) => (Array.isArray(e) ? `[${e.join(' ')}]` : String(e))).join(' ')}]`;
}
