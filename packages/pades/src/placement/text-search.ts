/** Pure text search over positioned runs: whitespace-free NFKC matching, glyph boxes, line grouping. */
import { InvalidArgumentError } from '@openseal/kernel';
import type { UserRect } from '../appearance/page-frame.js';
import type { PageSelection, TextRun } from './text-locator.js';

/** East Asian wide and fullwidth characters (UAX #11 W/F, the common blocks) take one em. */
export function isWide(cp: number): boolean {
  return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd) || cp === 0x201c || cp === 0x201d || cp === 0x2014;
}

/** Pages selected, in order, without duplicates; out-of-range numbers are an error. */
export function resolvePages(selection: PageSelection | undefined, pageCount: number): number[] {
  const abs = (i: number): number => {
    const n = i < 0 ? pageCount + i : i;
    if (!Number.isInteger(n) || n < 0 || n >= pageCount) throw new InvalidArgumentError('page index out of range', { page: i, pageCount });
    return n;
  };
  if (selection === undefined) return Array.from({ length: pageCount }, (_, i) => i);
  if (Array.isArray(selection)) return [...new Set((selection as readonly number[]).map(abs))];
  const range = selection as { readonly from?: number; readonly to?: number };
  if (pageCount === 0) return [];
  const from = abs(range.from ?? 0);
  const to = abs(range.to ?? -1);
  if (to < from) throw new InvalidArgumentError('page range is empty', { from: range.from, to: range.to });
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Glyph positions inside a run: cumulative em-weights of its characters, scaled to its advance. */
function glyphSpans(run: TextRun): { chars: string[]; start: number[]; end: number[] } {
  const chars = [...run.text];
  const weights = chars.map((c) => (/\s/u.test(c) ? 0.3 : isWide(c.codePointAt(0) ?? 0) ? 1 : 0.55));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const start: number[] = [];
  const end: number[] = [];
  let acc = 0;
  for (const w of weights) {
    start.push((acc / total) * run.advance);
    acc += w;
    end.push((acc / total) * run.advance);
  }
  return { chars, start, end };
}

/** The user-space box of the part of `run` between advances s0 and s1. */
export function runSpanRect(run: TextRun, s0: number, s1: number): UserRect {
  const nx = -run.dy;
  const ny = run.dx;
  const lo = run.descent * run.size;
  const hi = run.ascent * run.size;
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of [s0, s1]) {
    for (const t of [lo, hi]) {
      xs.push(run.x + run.dx * s + nx * t);
      ys.push(run.y + run.dy * s + ny * t);
    }
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export function unionRect(a: UserRect | undefined, b: UserRect): UserRect {
  if (!a) return b;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

interface CharRef {
  readonly run: number;
  readonly index: number;
}

/** The page's text without whitespace, NFKC-normalised, with each character traced to its run glyph. */
function normalisedText(runs: readonly TextRun[], spans: ReturnType<typeof glyphSpans>[]): { text: string; refs: CharRef[] } {
  let text = '';
  const refs: CharRef[] = [];
  runs.forEach((_, r) => {
    const sp = spans[r];
    if (!sp) return;
    sp.chars.forEach((c, i) => {
      for (const n of c.normalize('NFKC')) {
        if (/\s/u.test(n)) continue;
        text += n;
        for (let k = 0; k < n.length; k++) refs.push({ run: r, index: i });
      }
    });
  });
  return { text, refs };
}

export function normaliseQuery(q: string): string {
  return q.normalize('NFKC').replace(/\s+/gu, '');
}

/** All matches of `query` on one page's runs, in content order. */
export function searchRuns(runs: readonly TextRun[], query: string | RegExp): { rect: UserRect; text: string }[] {
  const spans = runs.map(glyphSpans);
  const { text, refs } = normalisedText(runs, spans);
  const hits: { at: number; length: number }[] = [];
  if (typeof query === 'string') {
    const q = normaliseQuery(query);
    if (q.length === 0) throw new InvalidArgumentError('search text is empty');
    for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + q.length)) hits.push({ at, length: q.length });
  } else {
    const re = new RegExp(query.source, query.flags.includes('g') ? query.flags : `${query.flags}g`);
    for (const m of text.matchAll(re)) if (m[0].length > 0) hits.push({ at: m.index, length: m[0].length });
  }
  return hits.map(({ at, length }) => {
    let rect: UserRect | undefined;
    for (let k = at; k < at + length; k++) {
      const ref = refs[k];
      const run = ref ? runs[ref.run] : undefined;
      const sp = ref ? spans[ref.run] : undefined;
      if (!ref || !run || !sp) continue;
      rect = unionRect(rect, runSpanRect(run, sp.start[ref.index] ?? 0, sp.end[ref.index] ?? 0));
    }
    return { rect: rect ?? [0, 0, 0, 0], text: text.slice(at, at + length) };
  });
}

/**
 * Runs grouped into lines by baseline, in the writing direction of each run (so text drawn turned on a
 * page with /Rotate still forms lines): the most common direction first, each top to bottom as the text
 * reads, each line's runs in reading order.
 */
export function groupLines(runs: readonly TextRun[]): { text: string; rect: UserRect; size: number; baseline: number }[] {
  const byDir = new Map<string, TextRun[]>();
  for (const r of runs) {
    if (r.text.trim().length === 0) continue;
    const key = `${Math.round(r.dx * 100)},${Math.round(r.dy * 100)}`;
    const list = byDir.get(key) ?? [];
    list.push(r);
    byDir.set(key, list);
  }
  const out: { text: string; rect: UserRect; size: number; baseline: number }[] = [];
  for (const group of [...byDir.values()].sort((a, b) => b.length - a.length)) {
    const first = group[0] as TextRun;
    // Coordinates along the writing direction and across it ("up" for the reader).
    const along = (r: TextRun): number => r.x * first.dx + r.y * first.dy;
    const across = (r: TextRun): number => -r.x * first.dy + r.y * first.dx;
    const sorted = [...group].sort((a, b) => across(b) - across(a) || along(a) - along(b));
    const lines: { runs: TextRun[]; baseline: number; size: number }[] = [];
    for (const r of sorted) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(last.baseline - across(r)) <= 0.3 * Math.min(last.size, r.size)) {
        last.runs.push(r);
        last.size = Math.max(last.size, r.size);
      } else lines.push({ runs: [r], baseline: across(r), size: r.size });
    }
    for (const l of lines) {
      const ordered = l.runs.sort((a, b) => along(a) - along(b));
      let rect: UserRect | undefined;
      for (const r of ordered) rect = unionRect(rect, runSpanRect(r, 0, r.advance));
      out.push({ text: ordered.map((r) => r.text).join(''), rect: rect as UserRect, size: l.size, baseline: l.baseline });
    }
  }
  return out;
}
