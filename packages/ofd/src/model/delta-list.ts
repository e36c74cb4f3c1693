import { formatNumber } from '../xml/xml-writer.js';
import type { ReadContext } from './xml-read.js';
import { malformed, parseDouble } from './xml-read.js';
import type { XmlElement } from '../xml/xml-element.js';

/**
 * Reads TextCode DeltaX/DeltaY (GB/T 33190 §11.3, 表46): numbers separated by spaces, where
 * `g N v` stands for N copies of v (e.g. `g 3 5.644` = `5.644 5.644 5.644`). A run of n glyphs needs
 * n − 1 deltas, so `g` groups may expand to at most 2·glyphs + 16 values: `g 4000000000 1` cannot
 * turn a few bytes into gigabytes.
 */
export function parseDeltaList(text: string, ctx: ReadContext, el: XmlElement, name: string, glyphs = Infinity): number[] {
  const tokens = text.trim() === '' ? [] : text.trim().split(/\s+/);
  const maxExpanded = Math.max(tokens.length, Math.min(2 * glyphs + 16, 10_000_000));
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t === 'g') {
      const count = tokens[i + 1];
      const value = tokens[i + 2];
      if (count === undefined || value === undefined || !/^\d+$/.test(count)) throw malformed(ctx, el, `${name} has a bad g group`, text);
      const n = Number(count);
      if (out.length + n > maxExpanded) throw malformed(ctx, el, `${name} expands beyond the glyph count`, text);
      const v = parseDouble(value, ctx, el, name);
      for (let k = 0; k < n; k++) out.push(v);
      i += 2;
    } else {
      out.push(parseDouble(t, ctx, el, name));
    }
  }
  return out;
}

/** Writes a delta list, folding runs of three or more equal values into `g N v`. */
export function formatDeltaList(values: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; ) {
    const v = values[i] as number;
    let j = i + 1;
    while (j < values.length && values[j] === v) j++;
    const run = j - i;
    if (run >= 3) parts.push(`g ${run} ${formatNumber(v)}`);
    else for (let k = 0; k < run; k++) parts.push(formatNumber(v));
    i = j;
  }
  return parts.join(' ');
}
