import { describe, expect, it } from 'vitest';
import type { TextRun } from './text-locator.js';
import { groupLines, resolvePages, searchRuns } from './text-search.js';

const run = (text: string, x: number, y: number, size = 10, advance?: number): TextRun => ({
  text, x, y, dx: 1, dy: 0, advance: advance ?? [...text].length * size, size, ascent: 0.8, descent: -0.2,
});

describe('searchRuns', () => {
  it('finds a phrase split over runs and across spaces, with the box of its glyphs', () => {
    const runs = [run('发文机', 100, 500), run('关 署名', 130, 500, 10, 55)];
    const [m] = searchRuns(runs, '机关署名');
    expect(m?.text).toBe('机关署名');
    expect(m?.rect[0]).toBeCloseTo(120, 6);
    expect(m?.rect[1]).toBeCloseTo(498, 6);
    expect(m?.rect[3]).toBeCloseTo(508, 6);
    expect(m?.rect[2]).toBeCloseTo(185, 6);
  });

  it('matches full-width and half-width forms alike (NFKC)', () => {
    expect(searchRuns([run('单位（盖章）', 0, 0)], '(盖章)')).toHaveLength(1);
    expect(searchRuns([run('单位(盖章)', 0, 0)], '（盖章）')).toHaveLength(1);
  });

  it('weights CJK glyphs one em and Latin ones about half', () => {
    const [m] = searchRuns([run('ab中文', 0, 0, 10, 30)], '中文');
    expect(m?.rect[0]).toBeCloseTo(10 * (1.1 / 3.1) * 3, 6);
  });

  it('handles rotated runs by their direction', () => {
    const r: TextRun = { text: '印章', x: 50, y: 50, dx: 0, dy: 1, advance: 20, size: 10, ascent: 0.8, descent: -0.2 };
    const [m] = searchRuns([r], '章');
    expect(m?.rect).toEqual([42, 60, 52, 70]);
  });

  it('runs regular expressions and rejects an empty query', () => {
    expect(searchRuns([run('2026年1月2日 和 2025年12月31日', 0, 0)], /\d{4}年\d{1,2}月\d{1,2}日/u).map((m) => m.text)).toEqual(['2026年1月2日', '2025年12月31日']);
    expect(() => searchRuns([run('x', 0, 0)], '  ')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('groupLines', () => {
  it('groups by baseline, orders top to bottom and left to right', () => {
    const lines = groupLines([run('日', 120, 100), run('期', 130, 100.5), run('署名', 100, 120), run('正文', 0, 200)]);
    expect(lines.map((l) => l.text)).toEqual(['正文', '署名', '日期']);
  });

  it('forms lines along turned text (content drawn for a page with /Rotate 90)', () => {
    const up = (text: string, x: number, y: number): TextRun => ({ text, x, y, dx: 0, dy: 1, advance: 10 * text.length, size: 10, ascent: 0.8, descent: -0.2 });
    // Writing goes up the page; the reader's "up" is −x, so the smallest x is the top line.
    const lines = groupLines([up('期', 200, 60), up('日', 200, 50), up('署名', 100, 40), up('x', 5, 5), { ...up('横', 0, 0), dx: 1, dy: 0 }]);
    expect(lines.map((l) => l.text)).toEqual(['x', '署名', '日期', '横']);
  });
});

describe('resolvePages', () => {
  it('selects ranges and lists, negative from the end', () => {
    expect(resolvePages(undefined, 3)).toEqual([0, 1, 2]);
    expect(resolvePages({ from: -2 }, 5)).toEqual([3, 4]);
    expect(resolvePages([2, 0, 2], 3)).toEqual([2, 0]);
    expect(() => resolvePages([3], 3)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => resolvePages({ from: 2, to: 1 }, 3)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
