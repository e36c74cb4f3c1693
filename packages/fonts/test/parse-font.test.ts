import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isOpenSealError } from '@openseal/kernel';
import { listFaces, parseFontFile, pathToSvg, subsetTrueType, type Font } from '@openseal/fonts';
import { fontTools, systemFont, systemFontPath } from './system-font.js';

const FACTS_SCRIPT = fileURLToPath(new URL('./font-facts.py', import.meta.url));
const SAMPLE = '中华人民共和国公章印文ABCxyzé，。1😀';

interface Facts {
  unitsPerEm: number;
  numGlyphs: number;
  hheaAscent: number;
  hheaDescent: number;
  fsType: number;
  weightClass: number;
  italicAngle: number;
  isFixedPitch: number;
  names: Record<'1' | '2' | '4' | '6', string>;
  chars: Record<string, { gid: number; advance: number; coords?: number[][]; ends?: number[]; onCurve?: number[]; composite?: boolean }>;
}

function facts(file: string, face: number): Facts {
  const out = execFileSync('/usr/bin/python3', [FACTS_SCRIPT, systemFontPath(file), String(face), SAMPLE], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as Facts;
}

const CASES: readonly [file: string, face: number][] = [
  ['DejaVuSans.ttf', 0],
  ['DejaVuSerif-Italic.ttf', 0],
  ['DejaVuSansMono.ttf', 0],
  ['wqy-zenhei.ttc', 0],
  ['wqy-zenhei.ttc', 1],
  ['uming.ttc', 0],
  ['ukai.ttc', 0],
  ['NotoSerifCJK-Regular.ttc', 2],
];

describe('parseFontFile agrees with fontTools', () => {
  for (const [file, face] of CASES) {
    it(`${file} face ${face}: metrics, names, cmap, advances and outlines`, () => {
      const font = parseFontFile(systemFont(file), { faceIndex: face });
      const ref = facts(file, face);
      expect(font.unitsPerEm).toBe(ref.unitsPerEm);
      expect(font.numGlyphs).toBe(ref.numGlyphs);
      expect(font.metrics.embedding.fsType).toBe(ref.fsType);
      expect(font.metrics.weightClass).toBe(ref.weightClass);
      expect(font.metrics.italicAngle).toBeCloseTo(ref.italicAngle, 4);
      expect(font.metrics.isFixedPitch).toBe(ref.isFixedPitch !== 0);
      expect(font.names.postScriptName).toBe(ref.names['6']);
      expect(font.names.fullName).toBe(ref.names['4']);
      for (const [ch, r] of Object.entries(ref.chars)) {
        const gid = font.glyphIdForCodePoint(ch.codePointAt(0) as number);
        expect(gid, `gid of ${ch}`).toBe(r.gid);
        expect(font.advanceWidth(gid), `advance of ${ch}`).toBe(r.advance);
        if (r.coords && font.trueType) {
          const contours = font.trueType.contours(gid);
          expect(contours.flat().map((p) => [Math.round(p.x), Math.round(p.y)]), `points of ${ch}`).toEqual(r.coords);
          expect(contours.flat().map((p) => (p.onCurve ? 1 : 0))).toEqual(r.onCurve);
          let end = -1;
          expect(contours.map((c) => (end += c.length))).toEqual(r.ends);
        }
      }
    });
  }

  it('lists the faces of a collection with their Chinese names, as fc-scan does', () => {
    const path = systemFontPath('wqy-zenhei.ttc');
    const fc = execFileSync('fc-scan', ['--format', '%{index}|%{family}|%{postscriptname}\n', path], { encoding: 'utf8' })
      .trim().split('\n').map((l) => l.split('|'));
    const faces = listFaces(systemFont('wqy-zenhei.ttc'));
    expect(faces.map((f) => [String(f.faceIndex), f.postScriptName])).toEqual(fc.map(([i, , ps]) => [i, ps]));
    for (const [i, families] of fc.map(([i, fam]) => [Number(i), (fam as string).split(',')] as const)) {
      const face = faces[i] as (typeof faces)[number];
      expect(families).toContain(face.family);
      expect(families).toContain(face.localizedFamily['zh-CN']);
      expect(families).toContain(face.localizedFamily['zh-TW']);
    }
    expect(faces[0]?.localizedFamily['zh-CN']).toBe('文泉驿正黑');
  });

  it('detects CFF-based (OTTO) faces', () => {
    const faces = listFaces(systemFont('NotoSansCJK-Regular.ttc'));
    expect(faces).toHaveLength(10);
    expect(faces.every((f) => f.outlineFormat === 'cff')).toBe(true);
    expect(faces[2]?.family).toBe('Noto Sans CJK SC');
  });
});

describe('metrics and layout', () => {
  const zenhei = parseFontFile(systemFont('wqy-zenhei.ttc'));
  const dejavu = parseFontFile(systemFont('DejaVuSans.ttf'));

  it('lays out CJK text in points and reports no missing glyphs', () => {
    const layout = zenhei.layoutText('公章', 16);
    expect(layout.glyphs.map((g) => g.gid)).toEqual([...'公章'].map((c) => zenhei.glyphIdForCodePoint(c.codePointAt(0) as number)));
    expect(layout.width).toBeCloseTo((2 * 16 * zenhei.advanceWidth(layout.glyphs[0]!.gid)) / zenhei.unitsPerEm, 9);
    expect(layout.width).toBe(32); // full-width ideographs are 1 em wide in Zen Hei
    expect(layout.missing).toEqual([]);
  });

  it('keeps a surrogate pair together and reports characters the font lacks', () => {
    const layout = dejavu.layoutText('a😀中b', 10);
    expect(layout.glyphs.map((g) => [g.codePoint, g.index])).toEqual([[0x61, 0], [0x1f600, 1], [0x4e2d, 3], [0x62, 4]]);
    expect(layout.glyphs[1]?.gid).toBeGreaterThan(0);
    expect(layout.missing).toEqual([{ codePoint: 0x4e2d, index: 3 }]);
    expect(layout.glyphs[2]).toMatchObject({ gid: 0, missing: true });
  });

  it('reads the embedding permission bits of OS/2 fsType', () => {
    expect(zenhei.metrics.embedding.permission).toBe('editable');
    expect(dejavu.metrics.embedding.permission).toBe('installable');
  });

  it('gives ascent/descent from hhea and cap height from OS/2', () => {
    expect(dejavu.ascent).toBe(1901);
    expect(dejavu.descent).toBe(-483);
    expect(dejavu.metrics.capHeight).toBe(1493);
  });

  it('draws closed quadratic outlines whose on-curve points match the glyph', () => {
    const gid = zenhei.glyphIdForCodePoint(0x4e2d);
    const path = zenhei.glyphPath(gid);
    expect(path[0]?.type).toBe('M');
    expect(path.at(-1)?.type).toBe('Z');
    expect(path.filter((c) => c.type === 'M')).toHaveLength(path.filter((c) => c.type === 'Z').length);
    const box = zenhei.glyphBBox(gid);
    for (const c of path) if (c.type !== 'Z') expect(c.x >= box!.xMin && c.x <= box!.xMax && c.y >= box!.yMin && c.y <= box!.yMax).toBe(true);
    expect(pathToSvg(path, { scale: 0.01 })).toMatch(/^M[-\d.]+ [-\d.]+/);
    expect(zenhei.glyphPath(zenhei.glyphIdForCodePoint(0x20))).toEqual([]);
  });
});

describe('hostile input', () => {
  const dejavu = systemFont('DejaVuSans.ttf');

  it('rejects non-fonts and truncated fonts with typed errors', () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array(11), new TextEncoder().encode('%PDF-1.7 not a font'), dejavu.subarray(0, 300), dejavu.subarray(0, 100_000)]) {
      let err: unknown;
      try {
        const f = parseFontFile(bytes);
        f.glyphPath(f.glyphIdForCodePoint(0x41));
      } catch (e) {
        err = e;
      }
      expect(isOpenSealError(err), String(err)).toBe(true);
    }
  });

  it('never crashes with an untyped error on mutated fonts (seeded)', () => {
    let seed = 12345;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const dir = parseFontFile(dejavu).tableRecords();
    const hot = dir.filter((t) => ['head', 'hhea', 'maxp', 'cmap', 'loca', 'hmtx', 'name', 'OS/2', 'post'].includes(t.tag));
    for (let i = 0; i < 300; i++) {
      const bytes = dejavu.slice();
      for (let k = 0; k < 4; k++) {
        const t = hot[rnd(hot.length)]!;
        bytes[t.offset + rnd(Math.min(t.length, 64))] = rnd(256);
      }
      if (i % 3 === 0) bytes[12 + 16 * rnd(dir.length) + 8 + rnd(8)] = rnd(256); // a directory offset/length
      try {
        const f: Font = parseFontFile(bytes);
        f.layoutText('Aé€中', 12);
        for (const cp of [0x41, 0xe9, 0x20ac]) f.glyphPath(f.glyphIdForCodePoint(cp));
      } catch (e) {
        expect(isOpenSealError(e), `iteration ${i}: ${String(e)}`).toBe(true);
      }
    }
  });

  it('never crashes with an untyped error on mutated glyph data, simple or composite (seeded)', () => {
    const font = parseFontFile(dejavu);
    const glyf = font.tableRecords().find((t) => t.tag === 'glyf')!;
    const gids = [0x41, 0xe9, 0x20ac, 0x1f600].map((cp) => font.glyphIdForCodePoint(cp));
    let seed = 4242;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 400; i++) {
      const bytes = dejavu.slice();
      const gid = gids[rnd(gids.length)]!;
      const start = glyf.offset + font.trueType!.offsets[gid]!;
      const len = font.trueType!.offsets[gid + 1]! - font.trueType!.offsets[gid]!;
      for (let k = 0; k <= rnd(3); k++) bytes[start + rnd(Math.min(len, 40))] = rnd(256);
      try {
        const f = parseFontFile(bytes);
        f.glyphPath(gid);
        f.glyphBBox(gid);
        subsetTrueType(f, [gid]);
      } catch (e) {
        expect(isOpenSealError(e), `iteration ${i}: ${String(e)}`).toBe(true);
      }
    }
  });

  it('refuses a face index outside the collection', () => {
    expect(() => parseFontFile(systemFont('wqy-zenhei.ttc'), { faceIndex: 3 })).toThrow(expect.objectContaining({ code: 'FONT_FACE_NOT_FOUND' }));
  });
});

// fontTools is the independent reader; keep this import used in one place so a missing install fails loudly.
it('has python3-fonttools available for the comparisons above', () => {
  expect(fontTools<string>('import fontTools, json; print(json.dumps(fontTools.version))')).toMatch(/^\d+\./);
});
