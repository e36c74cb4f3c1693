import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseFontFile, type PathCommand } from '@openseal/fonts';
import { systemFont, systemFontPath } from './system-font.js';

// fontTools' RecordingPen draws the same charstrings independently (T2 interpreter of fontTools.misc.psCharStrings).
const PEN_SCRIPT = `
import sys, json
from fontTools.ttLib import TTFont
from fontTools.pens.recordingPen import RecordingPen
f = TTFont(sys.argv[1], fontNumber=int(sys.argv[2]))
gs = f.getGlyphSet()
order = f.getGlyphOrder()
out = {}
for gid in json.loads(sys.argv[3]):
    pen = RecordingPen()
    gs[order[gid]].draw(pen)
    out[str(gid)] = [[op, [list(p) for p in pts]] for op, pts in pen.value]
print(json.dumps(out))`;

type Recorded = Record<string, [string, number[][]][]>;

function toRecording(path: readonly PathCommand[]): [string, number[][]][] {
  return path.map((c) => {
    switch (c.type) {
      case 'M': return ['moveTo', [[c.x, c.y]]];
      case 'L': return ['lineTo', [[c.x, c.y]]];
      case 'C': return ['curveTo', [[c.x1, c.y1], [c.x2, c.y2], [c.x, c.y]]];
      case 'Q': return ['qCurveTo', [[c.x1, c.y1], [c.x, c.y]]];
      case 'Z': return ['closePath', []];
    }
  });
}

describe('CFF outlines', () => {
  for (const [file, face] of [['NotoSerifCJK-Regular.ttc', 2], ['NotoSansCJK-Bold.ttc', 2]] as const) {
    it(`draws ${file} face ${face} glyphs exactly as fontTools does`, () => {
      const font = parseFontFile(systemFont(file), { faceIndex: face });
      expect(font.outlineFormat).toBe('cff');
      const text = '中华人民共和国公章印鑒ABCxyz0123，。「」ぁ한';
      const gids = [...new Set([...text].map((c) => font.glyphIdForCodePoint(c.codePointAt(0) as number)))];
      for (let g = 1; g < font.numGlyphs; g += 997) gids.push(g); // a spread of glyphs, incl. ones using flex and subrs
      const ref = JSON.parse(execFileSync('/usr/bin/python3', ['-c', PEN_SCRIPT, systemFontPath(file), String(face), JSON.stringify(gids)], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Recorded;
      for (const gid of gids) {
        const ours = toRecording(font.glyphPath(gid));
        const theirs = ref[String(gid)] as [string, number[][]][];
        expect(ours.map((c) => c[0]), `ops of glyph ${gid}`).toEqual(theirs.map((c) => c[0]));
        ours.forEach((c, i) => c[1].forEach((p, k) => {
          const q = theirs[i]?.[1][k] as number[];
          expect(Math.abs((p[0] as number) - (q[0] as number)) + Math.abs((p[1] as number) - (q[1] as number)), `glyph ${gid} command ${i}`).toBeLessThan(1e-6);
        }));
      }
    });
  }

  it('gives glyph boxes that enclose the outline and report CJK text as present', () => {
    const font = parseFontFile(systemFont('NotoSansCJK-Regular.ttc'), { faceIndex: 2 });
    const gid = font.glyphIdForCodePoint(0x7ae0); // 章
    const box = font.glyphBBox(gid)!;
    expect(box.xMax - box.xMin).toBeGreaterThan(500);
    expect(font.layoutText('公章', 10).missing).toEqual([]);
  });
});

describe('hostile CFF data', () => {
  it('never throws an untyped error when charstring bytes are mutated (seeded)', async () => {
    const { isOpenSealError } = await import('@openseal/kernel');
    const bytes = systemFont('NotoSansCJK-Regular.ttc');
    const font = parseFontFile(bytes, { faceIndex: 2 });
    const cff = font.tableRecords().find((t) => t.tag === 'CFF ')!;
    const gids = [...'公章印文'].map((c) => font.glyphIdForCodePoint(c.codePointAt(0) as number));
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const at = cff.offset + (i % 2 ? rnd(4096) : rnd(cff.length)); // odd: header, Top DICT, String INDEX
      const old = bytes[at] as number;
      bytes[at] = rnd(256);
      try {
        const f = parseFontFile(bytes, { faceIndex: 2 });
        for (const g of gids) f.glyphPath(g);
        for (let k = 0; k < 20; k++) f.glyphPath(rnd(f.numGlyphs));
      } catch (e) {
        expect(isOpenSealError(e), `iteration ${i}: ${String(e)}`).toBe(true);
      } finally {
        bytes[at] = old;
      }
    }
  });
});
