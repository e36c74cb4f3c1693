import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PdfjsTextSource } from '../../src/placement/pdfjs-text-source.js';
import { RunTextLocator } from '../../src/placement/run-text-locator.js';
import { pdftotext, pdftotextWords } from '../support/poppler.js';

const pdf = new Uint8Array(readFileSync(new URL(`../../../../../shared/samples/pdf/ofdrw__Test.pdf`, import.meta.url)));
const locator = new RunTextLocator(new PdfjsTextSource());

/** A poppler word box turned into user space (the sample has no rotation and a crop box at the origin). */
function popplerRect(page: number, word: string): [number, number, number, number] {
  const { height, words } = pdftotextWords(pdf, page);
  const w = words.find((x) => x.text === word);
  if (!w) throw new Error(`poppler did not find ${word} on page ${page}`);
  return [w.xMin, height - w.yMax, w.xMax, height - w.yMin];
}

describe('pdf.js text locator on ofdrw__Test.pdf (checked against poppler pdftotext -bbox)', () => {
  it('finds a single large CJK character where poppler puts it', async () => {
    const [m, ...rest] = await locator.find(pdf, '竞');
    expect(rest).toHaveLength(0);
    expect(m?.pageIndex).toBe(0);
    const expected = popplerRect(1, '竞');
    m?.rect.forEach((v, i) => expect(Math.abs(v - (expected[i] ?? 0))).toBeLessThan(1.5));
  });

  it('finds a CJK phrase with full-width punctuation and agrees with poppler within 1.5 pt', async () => {
    const [m] = await locator.find(pdf, '下面是字体的测试：', { occurrence: 'first' });
    expect(m?.pageIndex).toBe(3);
    const expected = popplerRect(4, '下面是字体的测试：');
    m?.rect.forEach((v, i) => expect(Math.abs(v - (expected[i] ?? 0))).toBeLessThan(1.5));
  });

  it('locates a substring inside a long run to within a character of poppler', async () => {
    const [m] = await locator.find(pdf, '胖神甫', { pages: [4], occurrence: 'first' });
    const { height, words } = pdftotextWords(pdf, 5);
    const w = words.find((x) => x.text.includes('胖神甫'));
    expect(w).toBeDefined();
    if (!w || !m) return;
    const chars = [...w.text];
    const at = chars.join('').indexOf('胖神甫');
    const per = (w.xMax - w.xMin) / chars.length;
    expect(Math.abs(m.rect[0] - (w.xMin + at * per))).toBeLessThan(per);
    expect(Math.abs(m.rect[2] - (w.xMin + (at + 3) * per))).toBeLessThan(per);
    expect(Math.abs(m.rect[1] - (height - w.yMax))).toBeLessThan(1);
    expect(Math.abs(m.rect[3] - (height - w.yMin))).toBeLessThan(1);
  });

  it('counts the same occurrences per page as poppler text output', async () => {
    for (const word of ['保尔', '神甫', '常规']) {
      const ours = await locator.find(pdf, word);
      for (let p = 1; p <= 5; p++) {
        const theirs = pdftotext(pdf, p, p).replace(/\s+/g, '').split(word).length - 1;
        expect(ours.filter((m) => m.pageIndex === p - 1).length, `${word} on page ${p}`).toBe(theirs);
      }
    }
  });

  it('honours occurrence and page selection', async () => {
    const all = await locator.find(pdf, '保尔');
    expect(all.length).toBeGreaterThan(5);
    const [first] = await locator.find(pdf, '保尔', { occurrence: 'first' });
    const [last] = await locator.find(pdf, '保尔', { occurrence: 'last' });
    const [third] = await locator.find(pdf, '保尔', { occurrence: 2 });
    expect(first).toEqual(all[0]);
    expect(last).toEqual(all[all.length - 1]);
    expect(third).toEqual(all[2]);
    expect(await locator.find(pdf, '保尔', { pages: { from: 0, to: 3 } })).toHaveLength(0);
    expect(await locator.find(pdf, '不存在的文字')).toHaveLength(0);
  });

  it('matches a regular expression on the normalised text', async () => {
    const m = await locator.find(pdf, /(宋体|仿宋|楷体|黑体)常规/u, { pages: [2] });
    expect(m.map((x) => x.text)).toEqual(['宋体常规', '仿宋常规', '楷体常规', '黑体常规']);
  });

  it('groups runs into lines top to bottom', async () => {
    const lines = await locator.lines(pdf, { pages: [2] });
    expect(lines.map((l) => l.text.replace(/\s+/g, ''))).toEqual(['宋体常规宋体加粗', '仿宋常规仿宋加粗', '楷体常规楷体加粗', '黑体常规黑体加粗', '等线常规等线加粗', '雅黑常规雅黑加粗']);
    for (let i = 1; i < lines.length; i++) expect((lines[i]?.rect[1] ?? 0)).toBeLessThan(lines[i - 1]?.rect[1] ?? 0);
  });

  it('leaves the caller’s buffer intact', async () => {
    const copy = pdf.slice();
    await locator.find(copy, '竞');
    expect(copy.byteLength).toBe(pdf.byteLength);
  });

  it('reads encrypted files with the user password and fails clearly without it', async () => {
    const aes = new Uint8Array(readFileSync(new URL('../../../../../shared/samples/pdf/pyHanko__minimal-aes256.pdf', import.meta.url)));
    const withPassword = new RunTextLocator(new PdfjsTextSource({ documentParams: { password: 'usersecret' } }));
    const [m] = await withPassword.find(aes, 'Hello World');
    expect(m?.pageIndex).toBe(0);
    await expect(locator.find(aes, 'Hello')).rejects.toMatchObject({ code: 'SEAL_TEXT_EXTRACTION_FAILED' });
  });
});
