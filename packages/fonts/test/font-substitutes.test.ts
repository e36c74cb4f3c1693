import { describe, expect, it } from 'vitest';
import { listFaces, normaliseFontName, parseFontFile, resolveFontSubstitute, substitutesForCategory, type TypefaceCategory } from '@openseal/fonts';
import { systemFont } from './system-font.js';

describe('resolveFontSubstitute', () => {
  it.each([
    ['仿宋_GB2312', 'fangsong'], ['仿宋', 'fangsong'], ['FangSong', 'fangsong'], ['FangSong_GB2312', 'fangsong'],
    ['方正小标宋简体', 'xiaobiaosong'], ['FZXBSJW--GB1-0', 'xiaobiaosong'], ['黑体', 'hei'], ['SimHei', 'hei'],
    ['楷体_GB2312', 'kai'], ['KaiTi', 'kai'], ['宋体', 'song'], ['SimSun', 'song'], ['ABCDEF+SimSun', 'song'],
    ['华文中宋', 'zhongsong'], ['Microsoft YaHei', 'hei'], ['Times New Roman', 'latin-serif'],
  ] as const)('maps %s to %s by alias', (name, category) => {
    expect(resolveFontSubstitute(name)).toMatchObject({ requested: name, category, matchedBy: 'alias' });
  });

  it('guesses the class of unknown Chinese names from their characters', () => {
    expect(resolveFontSubstitute('方正仿宋_GBK')?.category).toBe('fangsong');
    expect(resolveFontSubstitute('汉仪楷体')).toMatchObject({ category: 'kai', matchedBy: 'keyword' });
    expect(resolveFontSubstitute('某某标宋')?.category).toBe('xiaobiaosong');
    expect(resolveFontSubstitute('Wingdings')).toBeUndefined();
  });

  it('normalises width, case, spaces and subset prefixes', () => {
    expect(normaliseFontName('ＡＢＣ Sim Sun')).toBe('abcsimsun');
    expect(normaliseFontName('XYZABC+KaiTi_GB2312')).toBe('kaiti_gb2312');
  });

  it('names installed faces: every candidate exists at its hinted file and face index', () => {
    const categories: TypefaceCategory[] = ['song', 'fangsong', 'kai', 'hei', 'xiaobiaosong', 'zhongsong', 'latin-serif', 'latin-sans', 'latin-mono'];
    const seen = new Set<string>();
    for (const cat of categories) {
      for (const c of substitutesForCategory(cat)) {
        const key = `${c.file}#${c.faceIndex}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const bytes = systemFont(c.file.split('/').at(-1) as string);
        const face = listFaces(bytes)[c.faceIndex];
        expect(face, key).toMatchObject({ family: c.family, outlineFormat: c.outlineFormat });
        const font = parseFontFile(bytes, { faceIndex: c.faceIndex });
        expect(font.metrics.isBold, key).toBe(c.style === 'bold');
        if (cat !== 'latin-serif' && cat !== 'latin-sans' && cat !== 'latin-mono') expect(font.hasCodePoint(0x516c), key).toBe(true); // 公
      }
    }
  });
});
