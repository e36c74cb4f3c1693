import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePng, encodePng, splitAlpha } from '@openseal/images';
import { buildPng, convert, magickRgba, pngChunk } from './magick.js';

// A deterministic 33×17 picture with a varying alpha (odd sizes exercise partial bytes and Adam7 passes).
const SOURCE = convert(['-size', '33x17', '-seed', '7', 'plasma:', '(', '-size', '33x17', 'gradient:white-black', ')', '-alpha', 'off', '-compose', 'copy_opacity', '-composite', 'PNG64:-']);

const VARIANTS: readonly [name: string, args: string[], bitDepth: number, colorType: number, interlaced: boolean][] = [
  ['RGBA 8', ['PNG32:-'], 8, 6, false],
  ['RGB 8', ['PNG24:-'], 8, 2, false],
  ['RGBA 16', ['PNG64:-'], 16, 6, false],
  ['RGB 16', ['PNG48:-'], 16, 2, false],
  ['palette 8 + tRNS', ['PNG8:-'], 8, 3, false],
  ['palette 4-bit', ['-alpha', 'off', '-colors', '12', '-define', 'png:bit-depth=4', 'PNG8:-'], 4, 3, false],
  ['palette 1-bit', ['-alpha', 'off', '-colors', '2', '-define', 'png:bit-depth=1', 'PNG8:-'], 1, 3, false],
  ['grey 1-bit', ['-alpha', 'off', '-monochrome', 'PNG:-'], 1, 0, false],
  ['grey 2-bit + tRNS', ['-colorspace', 'Gray', '-define', 'png:color-type=0', '-define', 'png:bit-depth=2', 'PNG:-'], 2, 0, false],
  ['grey 4-bit', ['-alpha', 'off', '-colorspace', 'Gray', '-depth', '4', '-define', 'png:color-type=0', '-define', 'png:bit-depth=4', 'PNG:-'], 4, 0, false],
  ['grey 8', ['-alpha', 'off', '-colorspace', 'Gray', '-define', 'png:color-type=0', '-define', 'png:bit-depth=8', 'PNG:-'], 8, 0, false],
  ['grey 16', ['-alpha', 'off', '-colorspace', 'Gray', '-define', 'png:color-type=0', '-define', 'png:bit-depth=16', 'PNG:-'], 16, 0, false],
  ['grey+alpha 8', ['-colorspace', 'Gray', '-define', 'png:color-type=4', '-define', 'png:bit-depth=8', 'PNG:-'], 8, 4, false],
  ['grey+alpha 16', ['-colorspace', 'Gray', '-define', 'png:color-type=4', '-define', 'png:bit-depth=16', 'PNG:-'], 16, 4, false],
  ['Adam7 RGBA 16', ['-interlace', 'PNG', 'PNG64:-'], 16, 6, true],
  ['Adam7 RGBA 8', ['-interlace', 'PNG', 'PNG32:-'], 8, 6, true],
  ['Adam7 palette', ['-interlace', 'PNG', 'PNG8:-'], 8, 3, true],
  ['Adam7 grey 1-bit', ['-alpha', 'off', '-monochrome', '-interlace', 'PNG', 'PNG:-'], 1, 0, true],
];

function rounded16(be: Uint8Array): Uint8Array {
  const out = new Uint8Array(be.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Math.round((((be[2 * i] as number) << 8) | (be[2 * i + 1] as number)) / 257);
  return out;
}

describe('decodePng matches ImageMagick', () => {
  it.each(VARIANTS)('%s', (_name, args, bitDepth, colorType, interlaced) => {
    const png = convert(['png:-', ...args], SOURCE);
    const decoded = decodePng(png);
    expect({ bitDepth: decoded.bitDepth, colorType: decoded.colorType, interlaced: decoded.interlaced }).toEqual({ bitDepth, colorType, interlaced });
    expect([decoded.width, decoded.height]).toEqual([33, 17]);
    expect(decoded.channels).toBe({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType]);
    // ImageMagick truncates 16-bit samples to 8 bits; we round (v/257), so compare with its 16-bit output.
    expect(Buffer.from(decoded.pixels).equals(Buffer.from(bitDepth === 16 ? rounded16(magickRgba(png, 'png', 16)) : magickRgba(png)))).toBe(true);
    expect(decoded.hasAlpha).toBe(decoded.pixels.some((v, i) => i % 4 === 3 && v !== 255));
  });

  it('decodes a 1×1 image and reads pHYs as pixels per metre', () => {
    const png = convert(['-size', '1x1', 'xc:#c81e1e', '-density', '300', '-units', 'PixelsPerInch', 'PNG24:-']);
    const d = decodePng(png);
    expect([...d.pixels]).toEqual([0xc8, 0x1e, 0x1e, 255]);
    expect(d.pixelsPerMeter).toEqual({ x: 11811, y: 11811 });
  });
});

describe('tRNS on hand-built images', () => {
  it('makes the keyed RGB colour transparent, and only that colour', () => {
    const rows = new Uint8Array([0, 10, 20, 30, 40, 50, 60]);
    const png = buildPng({ width: 2, height: 1, bitDepth: 8, colorType: 2, scanlines: rows, trns: new Uint8Array([0, 10, 0, 20, 0, 30]) });
    expect([...decodePng(png).pixels]).toEqual([10, 20, 30, 0, 40, 50, 60, 255]);
    expect([...magickRgba(png)]).toEqual([10, 20, 30, 0, 40, 50, 60, 255]);
  });

  it('compares 16-bit grey keys before scaling to 8 bits', () => {
    const rows = new Uint8Array([0, 0x12, 0x34, 0x12, 0x35]);
    const png = buildPng({ width: 2, height: 1, bitDepth: 16, colorType: 0, scanlines: rows, trns: new Uint8Array([0x12, 0x34]) });
    const px = decodePng(png).pixels;
    expect([px[3], px[7]]).toEqual([0, 255]);
    expect(px[0]).toBe(Math.round(0x1234 / 257));
  });

  it('applies a short palette alpha table to the first entries only', () => {
    const png = buildPng({
      width: 4, height: 1, bitDepth: 2, colorType: 3, scanlines: new Uint8Array([0, 0b00011011]),
      palette: new Uint8Array([255, 0, 0, 0, 255, 0, 0, 0, 255, 9, 9, 9]), trns: new Uint8Array([0, 128]),
    });
    expect([...decodePng(png).pixels]).toEqual([255, 0, 0, 0, 0, 255, 0, 128, 0, 0, 255, 255, 9, 9, 9, 255]);
    expect([...decodePng(png).pixels]).toEqual([...magickRgba(png)]);
  });
});

describe('encodePng', () => {
  const source = decodePng(SOURCE);

  it('round-trips through decodePng and ImageMagick reads the same pixels', () => {
    const png = encodePng(source.pixels, source.width, source.height, { pixelsPerMeter: 11811 });
    expect(decodePng(png).pixels).toEqual(source.pixels);
    expect(Buffer.from(magickRgba(png)).equals(Buffer.from(source.pixels))).toBe(true);
    expect(decodePng(png).pixelsPerMeter).toEqual({ x: 11811, y: 11811 });
  });

  it('uses several row filters and compresses a smooth image', () => {
    const w = 64, h = 64;
    const rgba = new Uint8Array(w * h * 4).map((_, i) => ((i >> 2) % w) * 3 + Math.floor(i / (4 * w)) * (i % 4));
    const png = encodePng(rgba, w, h, { level: 9 });
    expect(decodePng(png).pixels).toEqual(rgba);
    expect(png.length).toBeLessThan(rgba.length / 4);
  });

  it('rejects pixel data that does not match the size', () => {
    expect(() => encodePng(new Uint8Array(15), 2, 2)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('splitAlpha', () => {
  it('separates colour and alpha planes and reports opacity', () => {
    const s = splitAlpha(new Uint8Array([1, 2, 3, 255, 4, 5, 6, 7]));
    expect([...s.rgb]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...s.alpha]).toEqual([255, 7]);
    expect(s.opaque).toBe(false);
    expect(splitAlpha(new Uint8Array([1, 2, 3, 255])).opaque).toBe(true);
    expect(() => splitAlpha(new Uint8Array(5))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('hostile PNGs', () => {
  const good = encodePng(new Uint8Array(8 * 8 * 4).fill(200), 8, 8);
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
      return undefined;
    } catch (e) {
      return (e as { code?: string }).code ?? `untyped: ${String(e)}`;
    }
  };

  it('types every structural error', () => {
    const flipped = good.slice();
    flipped[40] = (flipped[40] as number) ^ 1; // inside IDAT: CRC no longer matches
    const gray = (bitDepth: number, colorType: number, scanlines: Uint8Array): Uint8Array => buildPng({ width: 1, height: 1, bitDepth, colorType, scanlines });
    expect(code(() => decodePng(new Uint8Array([1, 2, 3])))).toBe('IMAGE_MALFORMED');
    expect(code(() => decodePng(flipped))).toBe('IMAGE_MALFORMED');
    expect(code(() => decodePng(good.subarray(0, good.length - 20)))).toBe('IMAGE_MALFORMED');
    expect(code(() => decodePng(gray(3, 0, new Uint8Array([0, 0]))))).toBe('IMAGE_MALFORMED');
    expect(code(() => decodePng(gray(8, 0, new Uint8Array([5, 0]))))).toBe('IMAGE_MALFORMED'); // filter type 5
    expect(code(() => decodePng(gray(8, 0, new Uint8Array([0]))))).toBe('IMAGE_MALFORMED'); // short data
    expect(code(() => decodePng(buildPng({ width: 1, height: 1, bitDepth: 8, colorType: 3, scanlines: new Uint8Array([0, 7]), palette: new Uint8Array(6) })))).toBe('IMAGE_MALFORMED');
    expect(code(() => decodePng(buildPng({ width: 1, height: 1, bitDepth: 8, colorType: 0, scanlines: new Uint8Array([0, 0]), idat: new Uint8Array([0x78, 0x9c, 0xff, 0xff, 0xff]) })))).toBe('IMAGE_MALFORMED');
    expect(code(() => decodePng(buildPng({ width: 1, height: 1, bitDepth: 8, colorType: 0, scanlines: new Uint8Array([0, 0]), extra: [pngChunk('ZZZZ', new Uint8Array(1))] })))).toBe('IMAGE_UNSUPPORTED');
    expect(code(() => decodePng(buildPng({ width: 1, height: 1, bitDepth: 8, colorType: 0, scanlines: new Uint8Array([0, 9]), extra: [pngChunk('tEXt', new Uint8Array(3))] })))).toBeUndefined();
  });

  it('refuses a huge declared size before inflating anything', () => {
    const bomb = buildPng({ width: 100_000, height: 100_000, bitDepth: 8, colorType: 6, scanlines: new Uint8Array(0), idat: new Uint8Array(deflateSync(new Uint8Array(1 << 20))) });
    expect(code(() => decodePng(bomb))).toBe('IMAGE_LIMIT_EXCEEDED');
    expect(code(() => decodePng(good, { maxPixels: 63 }))).toBe('IMAGE_LIMIT_EXCEEDED');
    expect(code(() => decodePng(good, { maxPixels: 64 }))).toBeUndefined();
  });

  it('stops inflating a decompression bomb once the declared pixels are read', () => {
    // 2×2 grey image followed by 64 MB of zeros in the same zlib stream (≈ 64 KB compressed).
    const bomb = buildPng({ width: 2, height: 2, bitDepth: 8, colorType: 0, scanlines: new Uint8Array(0), idat: new Uint8Array(deflateSync(new Uint8Array(64 << 20), { level: 9 })) });
    const t0 = performance.now();
    const d = decodePng(bomb);
    expect(performance.now() - t0).toBeLessThan(200);
    expect([...d.pixels]).toEqual(new Array(16).fill(0).map((_, i) => (i % 4 === 3 ? 255 : 0)));
  });

  it('never throws an untyped error on mutated files (seeded)', () => {
    const base = encodePng(decodePng(SOURCE).pixels, 33, 17);
    let seed = 99;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      const b = base.slice();
      for (let k = 0; k <= rnd(3); k++) b[rnd(b.length)] = rnd(256);
      const c = code(() => decodePng(b));
      expect(c === undefined || c.startsWith('IMAGE_'), `iteration ${i}: ${c}`).toBe(true);
    }
  });
});
