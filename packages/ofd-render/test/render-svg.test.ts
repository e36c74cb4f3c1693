import { describe, expect, it } from 'vitest';
import { OfdDocument, parseXml } from '@openseal/ofd';
import type { TextItem } from '@openseal/ofd-render';
import { OfdRenderContext, displayListToSvg } from '@openseal/ofd-render';
import { OFD_SAMPLES, ofdSample, type OfdSampleName } from './support/samples.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('OFD page → SVG', () => {
  it('renders every page of every sample as well-formed SVG in page millimetres', async () => {
    for (const name of Object.keys(OFD_SAMPLES) as OfdSampleName[]) {
      const doc = OfdDocument.read(ofdSample(name));
      const ctx = new OfdRenderContext(doc);
      for (let i = 0; i < doc.pageCount; i++) {
        const list = await ctx.displayList(i);
        const svg = displayListToSvg(list);
        const root = parseXml(utf8(svg), `${name}#${i}`);
        expect(root.local).toBe('svg');
        expect(root.attr('viewBox')).toBe(`0 0 ${+list.width.toFixed(4)} ${+list.height.toFixed(4)}`);
        expect(list.items.length).toBeGreaterThan(0);
      }
    }
  });

  it('keeps the e-invoice text as selectable <text> at the glyph origins of the XML', async () => {
    const doc = OfdDocument.read(ofdSample('ofdrw-converter__1.ofd'));
    const svg = displayListToSvg(await new OfdRenderContext(doc).displayList(0));
    expect(svg).toContain('浙江增值税电子普通发票');
    const placed: Array<{ ch: string; x: number; y: number }> = [];
    for (const m of svg.matchAll(/<text transform="matrix\(([^)]*)\)" x="([^"]*)" y="([^"]*)"[^>]*>([^<]*)<\/text>/g)) {
      const [a, b, c, d, e, f] = (m[1] as string).split(' ').map(Number) as [number, number, number, number, number, number];
      const xs = (m[2] as string).split(' ').map(Number);
      const ys = (m[3] as string).split(' ').map(Number);
      const chars = Array.from((m[4] as string).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
      chars.forEach((ch, i) => placed.push({ ch, x: a * (xs[i] as number) + c * (ys[i] as number) + e, y: b * (xs[i] as number) + d * (ys[i] as number) + f }));
    }
    const expected = doc.textRuns(0).flatMap((r) => r.glyphs);
    expect(placed.length).toBe(expected.length);
    for (const g of expected) {
      const hit = placed.find((p) => p.ch === g.text && Math.abs(p.x - g.x) < 1e-3 && Math.abs(p.y - g.y) < 1e-3);
      expect(hit, `${g.text} at ${g.x},${g.y}`).toBeDefined();
    }
  });

  it('places display-list glyphs exactly where OfdDocument.textRuns says, templates included', async () => {
    for (const name of ['ofdrw-converter__z.ofd', 'ofdrw-converter__n.ofd', 'ofdrw-converter__999.ofd'] as const) {
      const doc = OfdDocument.read(ofdSample(name));
      const list = await new OfdRenderContext(doc, { annotations: false }).displayList(0);
      const drawn = list.items
        .filter((i): i is TextItem => i.kind === 'text')
        .flatMap((t) => t.glyphs.map((g) => ({ text: g.text, x: t.matrix[0] * g.x + t.matrix[2] * g.y + t.matrix[4], y: t.matrix[1] * g.x + t.matrix[3] * g.y + t.matrix[5] })));
      const expected = doc.textRuns(0).flatMap((r) => r.glyphs);
      expect(drawn.length).toBe(expected.length);
      drawn.sort(byPos);
      const sorted = [...expected].sort(byPos);
      sorted.forEach((g, i) => {
        expect(drawn[i]?.text).toBe(g.text);
        expect(drawn[i]?.x).toBeCloseTo(g.x, 6);
        expect(drawn[i]?.y).toBeCloseTo(g.y, 6);
      });
    }
  });

  it('embeds the document font as an @font-face data URL (Suwell sample with font1.ttf)', async () => {
    const doc = OfdDocument.read(ofdSample('ofdrw-converter__z.ofd'));
    const svg = displayListToSvg(await new OfdRenderContext(doc).displayList(0));
    expect(svg).toMatch(/@font-face\{font-family:"p-font-\d+";src:url\(data:font\/ttf;base64,AAEAA/);
  });

  it('draws the JBIG2 QR code of the e-invoice as a PNG image', async () => {
    const doc = OfdDocument.read(ofdSample('ofdrw-converter__1.ofd'));
    const list = await new OfdRenderContext(doc).displayList(0);
    const images = list.items.filter((i) => i.kind === 'image');
    expect(images).toHaveLength(1);
    expect(images[0]?.kind === 'image' && images[0].image.format).toBe('png');
    expect(list.warnings).toEqual([]);
  });
});

function byPos(a: { x: number; y: number; text: string }, b: { x: number; y: number; text: string }): number {
  return a.y - b.y || a.x - b.x || a.text.localeCompare(b.text);
}
