import { describe, expect, it } from 'vitest';
import { decodePng } from '@openseal/images';
import { OfdDocument } from '@openseal/ofd';
import { GlyphResolver, OfdRenderContext } from '@openseal/ofd-render';
import { renderDisplayListPng, systemFontLoader } from '@openseal/raster';
import { OFD_SAMPLES, ofdSample, type OfdSampleName } from './support/samples.js';
import { sesStamps } from './support/stamps.js';

const glyphs = new GlyphResolver({ loadSubstitute: systemFontLoader() });

/** Share of pixels inside the mm box that are seal red (strong red, little green and blue). */
function redShare(png: Uint8Array, dpi: number, box: { x: number; y: number; width: number; height: number }): number {
  const img = decodePng(png);
  const s = dpi / 25.4;
  let red = 0;
  let all = 0;
  for (let y = Math.floor(box.y * s); y < Math.ceil((box.y + box.height) * s) && y < img.height; y++) {
    for (let x = Math.floor(box.x * s); x < Math.ceil((box.x + box.width) * s) && x < img.width; x++) {
      const o = (y * img.width + x) * 4;
      all++;
      if ((img.pixels[o] as number) > 180 && (img.pixels[o + 1] as number) < 110 && (img.pixels[o + 2] as number) < 110) red++;
    }
  }
  return all === 0 ? 0 : red / all;
}

describe('OFD page → PNG (Skia through @napi-rs/canvas)', () => {
  it('renders every page of every sample at 50 dpi', async () => {
    for (const name of Object.keys(OFD_SAMPLES) as OfdSampleName[]) {
      const doc = OfdDocument.read(ofdSample(name));
      const ctx = new OfdRenderContext(doc, { stampResolver: sesStamps(doc) });
      for (let i = 0; i < doc.pageCount; i++) {
        const r = await renderDisplayListPng(await ctx.displayList(i), { dpi: 50, glyphs });
        const img = decodePng(r.png);
        const area = doc.page(i).area?.physicalBox ?? { width: 210, height: 297 };
        expect(img.width).toBe(Math.ceil((area.width * 50) / 25.4));
        // Something was drawn: not every pixel is white.
        expect(img.pixels.some((v, k) => k % 4 !== 3 && v < 128)).toBe(true);
      }
    }
  });

  it('draws the e-invoice seal in red at its StampAnnot boundary, and nothing red without the seal', async () => {
    const doc = OfdDocument.read(ofdSample('ofdrw-converter__1.ofd'));
    const annot = doc.signatures()?.signatures[0]?.xml.signedInfo.stampAnnots[0];
    expect(annot).toBeDefined();
    const box = annot!.boundary;
    const sealed = await renderDisplayListPng(await new OfdRenderContext(doc, { stampResolver: sesStamps(doc) }).displayList(0), { dpi: 100, glyphs });
    const bare = await renderDisplayListPng(await new OfdRenderContext(doc).displayList(0), { dpi: 100, glyphs });
    expect(redShare(sealed.png, 100, box)).toBeGreaterThan(0.05);
    expect(redShare(bare.png, 100, box)).toBeLessThan(0.005);
  });

  it('draws only the Clip strip of a riding seal on each page', async () => {
    const doc = OfdDocument.read(ofdSample('ofdrw-converter__V4RideRight.ofd'));
    const sig = doc.signatures()?.signatures[0];
    const ctx = new OfdRenderContext(doc, { stampResolver: sesStamps(doc) });
    for (const annot of sig!.xml.signedInfo.stampAnnots) {
      const index = doc.pageIndexById(annot.pageRef);
      const png = (await renderDisplayListPng(await ctx.displayList(index), { dpi: 100, glyphs })).png;
      const clip = annot.clip!;
      const strip = { x: annot.boundary.x + clip.x, y: annot.boundary.y + clip.y, width: clip.width, height: clip.height };
      expect(redShare(png, 100, strip)).toBeGreaterThan(0.02);
      const outside = clip.x > 1 ? { ...annot.boundary, width: clip.x - 0.5 } : { ...annot.boundary, x: strip.x + strip.width + 0.5, width: annot.boundary.width - clip.width - clip.x - 0.5 };
      if (outside.width > 1) expect(redShare(png, 100, outside)).toBeLessThan(0.005);
    }
  });

  it('lowers the resolution of a huge request and says so', async () => {
    const doc = OfdDocument.read(ofdSample('ofdrw-sign__helloworld.ofd'));
    const r = await renderDisplayListPng(await new OfdRenderContext(doc).displayList(0), { dpi: 2400, glyphs, maxPixels: 4_000_000 });
    expect(r.dpi).toBeLessThan(2400);
    expect(r.width * r.height).toBeLessThanOrEqual(4_000_000);
    expect(r.warnings.map((w) => w.code)).toContain('RENDER_LIMIT_REACHED');
  });
});
