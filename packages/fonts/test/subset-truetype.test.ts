import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  formatPdfWidthArray, parseFontFile, pdfFontDescriptorValues, pdfWidthArray, subsetTag, subsetTrueType, toUnicodeCMap, type Font,
} from '@openseal/fonts';
import { fontTools, systemFont, systemFontPath } from './system-font.js';
import { buildCidFontPdf } from './minimal-pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'openseal-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TEXT = '中华人民共和国公章印文2026';

function gidsOf(font: Font, text: string): number[] {
  return [...text].map((c) => font.glyphIdForCodePoint(c.codePointAt(0) as number));
}

function sumWords(b: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < b.length; i += 4) s = (s + (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0))) >>> 0;
  return s;
}

const CHECK_SCRIPT = `
import sys, json
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1], checkChecksums=2)
cmap = f.getBestCmap()
glyf = f['glyf']
order = f.getGlyphOrder()
nonempty = [i for i, n in enumerate(order) if glyf[n].numberOfContours != 0]
print(json.dumps({
  'tables': sorted(f.keys()), 'numGlyphs': f['maxp'].numGlyphs,
  'cmap': {str(cp): f.getGlyphID(n) for cp, n in cmap.items()},
  'nonempty': nonempty,
  'coords': {str(i): [list(c) for c in glyf[order[i]].getCoordinates(glyf)[0]] for i in nonempty},
  'advances': {str(i): f['hmtx'][order[i]][0] for i in nonempty},
  'vertical': {str(i): list(f['vmtx'][order[i]]) for i in nonempty} if 'vmtx' in f else None,
}))`;

interface Checked { tables: string[]; numGlyphs: number; cmap: Record<string, number>; nonempty: number[]; coords: Record<string, number[][]>; advances: Record<string, number>; vertical: Record<string, number[]> | null }

describe('subsetTrueType', () => {
  const zenhei = parseFontFile(systemFont('wqy-zenhei.ttc'));

  it('keeps the original glyph ids, outlines, advances and cmap of a .ttc face; fontTools accepts checksums', () => {
    const gids = gidsOf(zenhei, TEXT);
    const subset = subsetTrueType(zenhei, gids);
    expect(subset.length).toBeLessThan(140_000); // ≈128 KB raw (loca + metrics up to the highest gid), ≈4 KB deflated
    expect(sumWords(subset)).toBe(0xb1b0afba); // head.checkSumAdjustment makes the whole file sum to this
    const path = join(dir, 'zenhei-subset.ttf');
    writeFileSync(path, subset);
    const ref = fontTools<Checked>(CHECK_SCRIPT, [path]);
    expect(ref.numGlyphs).toBe(Math.max(...gids) + 1);
    expect(ref.tables).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post', 'OS/2']));
    expect(ref.tables).not.toContain('fpgm');
    expect(ref.tables).not.toContain('EBDT');
    for (const ch of TEXT) expect(ref.cmap[String(ch.codePointAt(0))]).toBe(zenhei.glyphIdForCodePoint(ch.codePointAt(0) as number));
    expect(ref.nonempty.sort((a, b) => a - b)).toEqual([...new Set([0, ...gids])].filter((g) => zenhei.glyphPath(g).length > 0).sort((a, b) => a - b));
    const again = parseFontFile(subset);
    for (const g of gids) {
      expect(again.glyphPath(g)).toEqual(zenhei.glyphPath(g));
      expect(ref.advances[String(g)]).toBe(zenhei.advanceWidth(g));
      expect(ref.coords[String(g)]).toEqual(zenhei.trueType!.contours(g).flat().map((p) => [p.x, p.y]));
    }
    expect(again.names.postScriptName).toBe('WenQuanYiZenHei');
    const original = fontTools<Record<string, number[]>>(
      "import sys, json\nfrom fontTools.ttLib import TTFont\nf = TTFont(sys.argv[1], fontNumber=0)\no = f.getGlyphOrder()\nprint(json.dumps({str(g): list(f['vmtx'][o[g]]) for g in json.loads(sys.argv[2])}))",
      [systemFontPath('wqy-zenhei.ttc'), JSON.stringify(gids)],
    );
    for (const g of gids) expect(ref.vertical?.[String(g)], `vmtx of ${g}`).toEqual(original[String(g)]);
  });

  it('is recognised by fontconfig as a scalable TrueType font', () => {
    const path = join(dir, 'uming-subset.ttf');
    const uming = parseFontFile(systemFont('uming.ttc'));
    writeFileSync(path, subsetTrueType(uming, gidsOf(uming, '宋体公文')));
    const out = execFileSync('fc-scan', ['--format', '%{family}|%{fontformat}|%{scalable}', path], { encoding: 'utf8' });
    expect(out).toBe('AR PL UMing CN|TrueType|True');
  });

  it('keeps the components of composite glyphs', () => {
    const dejavu = parseFontFile(systemFont('DejaVuSans.ttf'));
    const eacute = dejavu.glyphIdForCodePoint(0xe9);
    const components = dejavu.trueType!.components(eacute);
    expect(components.length).toBeGreaterThan(1);
    const sub = parseFontFile(subsetTrueType(dejavu, [eacute]));
    expect(sub.glyphPath(eacute)).toEqual(dejavu.glyphPath(eacute));
    for (const c of components) expect(sub.glyphPath(c)).toEqual(dejavu.glyphPath(c));
  });

  it('keeps hinting tables and instructions only when asked', () => {
    const dejavu = parseFontFile(systemFont('DejaVuSans.ttf'));
    const gid = dejavu.glyphIdForCodePoint(0x41);
    const plain = parseFontFile(subsetTrueType(dejavu, [gid]));
    const hinted = parseFontFile(subsetTrueType(dejavu, [gid], { keepHinting: true }));
    expect(plain.hasTable('fpgm')).toBe(false);
    expect(hinted.hasTable('fpgm')).toBe(dejavu.hasTable('fpgm'));
    expect(hinted.trueType!.glyphBytes(gid)).toEqual(dejavu.trueType!.glyphBytes(gid));
    expect(plain.trueType!.glyphBytes(gid).length).toBeLessThan(dejavu.trueType!.glyphBytes(gid).length);
    expect(plain.glyphPath(gid)).toEqual(dejavu.glyphPath(gid));
  });

  it('refuses CFF-based fonts and glyph ids out of range with typed errors', () => {
    const noto = parseFontFile(systemFont('NotoSerifCJK-Regular.ttc'), { faceIndex: 2 });
    expect(() => subsetTrueType(noto, [1])).toThrow(expect.objectContaining({ code: 'FONT_UNSUPPORTED' }));
    expect(() => subsetTrueType(zenhei, [zenhei.numGlyphs])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('embeds in a PDF that poppler lists as an embedded CID TrueType subset and extracts the text from', () => {
    const text = '中华人民共和国公章';
    const gids = gidsOf(zenhei, text);
    const tag = subsetTag(gids);
    const d = pdfFontDescriptorValues(zenhei);
    const pdf = buildCidFontPdf({
      fontFile: subsetTrueType(zenhei, gids),
      baseFont: `${tag}+${d.fontName}`,
      widths: formatPdfWidthArray(pdfWidthArray(zenhei, gids)),
      toUnicode: toUnicodeCMap(gids.map((g, i) => [g, [...text][i] as string])),
      descriptor: d,
      glyphIds: gids,
      sizePt: 24,
    });
    const path = join(dir, 'cid.pdf');
    writeFileSync(path, pdf);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').at(-1) as string;
    expect(fonts).toMatch(new RegExp(`^${tag}\\+WenQuanYiZenHei\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`));
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).trim()).toBe(text);
    // The glyphs are really drawn: the rendered page has dark pixels where the text is.
    const pgm = execFileSync('pdftoppm', ['-gray', '-r', '36', path], { maxBuffer: 16 << 20 });
    const dark = [...pgm.subarray(pgm.length - 200 * 100)].filter((v) => v < 128).length;
    expect(dark).toBeGreaterThan(100);
  });
});
