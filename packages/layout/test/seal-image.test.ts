import { readFileSync } from 'node:fs';
import { parseFontFile } from '@openseal/fonts';
import { decodePng, encodePng } from '@openseal/images';
import { describe, expect, it } from 'vitest';
import { cutOutSeal, sealImage, sealToPng, sealToRgba, sealToSvg } from '../src/index.js';

// A bold Song face, drawn from its (CFF) outlines: Noto Serif CJK SC Bold (face 2 of the collection).
const font = parseFontFile(new Uint8Array(readFileSync('/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc')), { faceIndex: 2 });
const alphaAt = (img: { width: number; pixels: Uint8Array }, xMm: number, yMm: number, dpi: number) =>
  img.pixels[(Math.round((yMm * dpi) / 25.4) * img.width + Math.round((xMm * dpi) / 25.4)) * 4 + 3] as number;

describe('round official seal', () => {
  const drawing = sealImage({ name: '某某市人民政府', purpose: '合同专用章' }, font);
  const png = decodePng(sealToPng(drawing, 300));

  it('is a transparent PNG of the seal size (42 mm at 300 dpi) in red', () => {
    expect(png.width).toBe(Math.ceil((42 * 300) / 25.4));
    expect(alphaAt(png, 1, 1, 300)).toBe(0);
    expect(alphaAt(png, 21, 21, 300)).toBe(255); // the star's centre
    expect(Array.from(png.pixels.subarray(0, 3))).toEqual([255, 0, 0]);
  });

  it('has a closed rim, ink along the upper arc (the name), none in the gap under it', () => {
    for (let a = 0; a < 360; a += 15) {
      const r = 21 - 0.55;
      expect(alphaAt(png, 21 + r * Math.sin((a * Math.PI) / 180), 21 - r * Math.cos((a * Math.PI) / 180), 300)).toBeGreaterThan(200);
    }
    let nameInk = 0;
    for (let x = 8; x <= 34; x += 0.25) for (let y = 2.5; y <= 9; y += 0.25) if (alphaAt(png, x, y, 300) > 128) nameInk++;
    expect(nameInk).toBeGreaterThan(300);
    // Between the star (radius 6.7 mm) and the name: blank.
    expect(alphaAt(png, 21, 21 - 9.5, 300)).toBe(0);
  });

  it('writes the same shapes as SVG, sized in millimetres', () => {
    const svg = sealToSvg(drawing);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="42mm" height="42mm" viewBox="0 0 42 42">/);
    expect(svg.match(/<path /g)?.length).toBe(drawing.shapes.length);
  });

  it('is deterministic, and the texture and text change the picture', () => {
    expect(sealToPng(sealImage({ name: '某某市人民政府', purpose: '合同专用章' }, font), 100)).toEqual(sealToPng(drawing, 100));
    expect(sealToPng(sealImage({ name: '某某市人民政府', purpose: '合同专用章', texture: true }, font), 100)).not.toEqual(sealToPng(drawing, 100));
    expect(sealToPng(sealImage({ name: '某某市财政局', purpose: '合同专用章' }, font), 100)).not.toEqual(sealToPng(drawing, 100));
  });

  it('refuses characters the font cannot draw and sizes out of range', () => {
    expect(() => sealImage({ name: '\u{10FFFD}' }, font)).toThrow(/no glyph/);
    expect(() => sealImage({ name: '某某', sizeMm: 5 }, font)).toThrow(/diameter/);
  });
});

describe('oval, square and personal seals', () => {
  it('draws an oval 40 × 30 mm invoice seal with the code across the middle', () => {
    const d = sealImage({ shape: 'oval', name: '某某科技有限公司', code: '91330100MA2XXXXX1X', purpose: '发票专用章' }, font);
    const img = sealToRgba(d, 200);
    expect([d.widthMm, d.heightMm]).toEqual([40, 30]);
    let midInk = 0;
    for (let x = 8; x < 32; x += 0.5) if (alphaAt({ width: img.width, pixels: img.rgba }, x, 16.5, 200) > 100) midInk++;
    expect(midInk).toBeGreaterThan(8);
  });

  it('reads a personal seal "张三之印" in columns from the right', () => {
    const d = sealImage({ shape: 'personal', name: '张三' }, font);
    expect(d.widthMm).toBe(20);
    const glyphs = d.shapes[d.shapes.length - 1]?.commands ?? [];
    const xs = glyphs.filter((c) => c.op === 'M').map((c) => (c as { x: number }).x);
    expect(Math.max(...xs)).toBeGreaterThan(10);
    expect(Math.min(...xs)).toBeLessThan(10);
  });
});

describe('cut-out of a scanned seal', () => {
  it('keeps the red seal, drops white paper and black text', () => {
    const seal = sealToRgba(sealImage({ name: '某某市人民政府' }, font), 100);
    const { width: w, height: h } = seal;
    // A "scan": the seal over white paper with a black bar through it and a little noise.
    const scan = new Uint8Array(w * h * 4);
    for (let i = 0; i < w * h; i++) {
      const a = (seal.rgba[i * 4 + 3] as number) / 255;
      const y = Math.floor(i / w);
      const black = y > h / 2 - 3 && y < h / 2 + 3;
      const noise = (i * 7919) % 13;
      scan[i * 4] = black ? 20 : Math.round(230 * a + 250 * (1 - a)) - noise;
      scan[i * 4 + 1] = black ? 20 : Math.round(40 * a + 250 * (1 - a)) - noise;
      scan[i * 4 + 2] = black ? 20 : Math.round(45 * a + 248 * (1 - a)) - noise;
      scan[i * 4 + 3] = 255;
    }
    const cut = cutOutSeal(decodePng(encodePng(scan, w, h)), { margin: 0 });
    expect(cut.color[0]).toBeGreaterThan(200);
    expect(cut.width).toBeLessThanOrEqual(w);
    // Where the seal was solid, the cut-out is opaque; paper and the black bar are transparent.
    let solid = 0, kept = 0, paper = 0, cleared = 0;
    const ox = Math.round((w - cut.width) / 2);
    const oy = Math.round((h - cut.height) / 2);
    for (let y = 0; y < cut.height; y++) {
      for (let x = 0; x < cut.width; x++) {
        const src = ((y + oy) * w + x + ox) * 4;
        const a = cut.pixels[(y * cut.width + x) * 4 + 3] as number;
        const black = y + oy > h / 2 - 3 && y + oy < h / 2 + 3;
        if (black) continue;
        if ((seal.rgba[src + 3] as number) === 255) { solid++; if (a > 200) kept++; }
        if ((seal.rgba[src + 3] as number) === 0) { paper++; if (a === 0) cleared++; }
      }
    }
    expect(kept / solid).toBeGreaterThan(0.97);
    expect(cleared / paper).toBeGreaterThan(0.99);
    for (let x = 0; x < cut.width; x++) expect(cut.pixels[((Math.round(h / 2) - oy) * cut.width + x) * 4 + 3]).toBe(0);
  });
});
