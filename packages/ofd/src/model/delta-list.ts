import { formatNumber } from '../xml/xml-writer.js';
import type { ReadContext } from './xml-read.js';
import { malformed, parseDouble } from './xml-read.js';
import type { XmlElement } from '../xml/xml-element.js';

/** Upper bound on one expanded `g N v` group: no real text run has more glyphs; stops `g 4000000000 1`. */
const MAX_REPEAT = 1_000_000;

/**
 * Reads TextCode DeltaX/DeltaY (GB/T 33190 §11.3, 表46): numbers separated by spaces, where
 * `g N v` stands for N copies of v (e.g. `g 3 5.644` = `5.644 5.644 5.644`).
 */
export function parseDeltaList(text: string, ctx: ReadContext, el: XmlElement, name: string): number[] {
  const tokens = text.trim() === '' ? [] : text.trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    if (t === 'g') {
      const count = tokens[i + 1];
      const value = tokens[i + 2];
      if (count === undefined || value === undefined || !/^\d+$/.test(count)) throw malformed(ctx, el, `${name} has a bad g group`, text);
      const n = Number(count);
      if (n > MAX_REPEAT || out.length + n > MAX_REPEAT) throw malformed(ctx, el, `${name} repeats too much`, text);
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
