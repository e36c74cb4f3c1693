import { describe, expect, it } from 'vitest';
import { decodeBmp, decodeGif, decodeImage, decodePng, readJpegInfo, sniffImageFormat } from '@openseal/images';
import { convert, identify, magickRgba } from './magick.js';

// A red seal-like ring on a transparent background, drawn by ImageMagick (deterministic).
const SEAL = convert(['-size', '41x29', 'xc:none', '-fill', 'none', '-stroke', '#d21e1e', '-strokewidth', '3', '-draw', 'circle 20,14 20,3', '-fill', '#d21e1e', '-draw', 'point 20,14', 'PNG32:-']);
const PLASMA = convert(['-size', '37x23', '-seed', '3', 'plasma:', 'PNG24:-']);

const code = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? `untyped: ${String(e)}`;
  }
};

describe('sniffImageFormat', () => {
  it.each([['png', 'PNG:-'], ['jpeg', 'JPEG:-'], ['gif', 'GIF:-'], ['bmp', 'BMP:-'], ['tiff', 'TIFF:-']] as const)('recognises %s from ImageMagick output', (format, target) => {
    expect(sniffImageFormat(convert(['png:-', target], PLASMA))).toBe(format);
  });

  it('recognises the JBIG2 file header and nothing else', () => {
    expect(sniffImageFormat(new Uint8Array([0x97, 0x4a, 0x42, 0x32, 0x0d, 0x0a, 0x1a, 0x0a, 1]))).toBe('jbig2');
    expect(sniffImageFormat(new TextEncoder().encode('%PDF-1.7'))).toBe('unknown');
    expect(sniffImageFormat(new Uint8Array(0))).toBe('unknown');
  });
});

describe('readJpegInfo', () => {
  it.each([
    ['colour', ['-quality', '90'], 3, 'ycbcr', false],
    ['progressive', ['-interlace', 'JPEG'], 3, 'ycbcr', true],
    ['grey', ['-colorspace', 'Gray'], 1, 'gray', false],
    // libjpeg stores CMYK as YCCK and says so with Adobe APP14 transform 2.
    ['CMYK (Adobe APP14)', ['-colorspace', 'CMYK'], 4, 'ycck', false],
  ] as const)('reads a %s JPEG as identify does', (_n, args, components, colorSpace, progressive) => {
    const jpeg = convert(['png:-', ...args, '-density', '300', '-units', 'PixelsPerInch', 'JPEG:-'], PLASMA);
    const info = readJpegInfo(jpeg);
    const [w, h, depth] = identify(jpeg, 'jpeg', '%w %h %z').split(' ').map(Number);
    expect(info).toMatchObject({ width: w, height: h, bitsPerComponent: depth, components, colorSpace, progressive });
    expect(info.dpi).toEqual({ x: 300, y: 300 });
    expect(info.adobeTransform).toBe(components === 4 ? 2 : undefined);
  });

  it('types broken JPEGs', () => {
    const jpeg = convert(['png:-', 'JPEG:-'], PLASMA);
    expect(code(() => readJpegInfo(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2])))).toBe('IMAGE_MALFORMED');
    expect(code(() => readJpegInfo(jpeg.subarray(0, 30)))).toBe('IMAGE_MALFORMED');
    expect(code(() => readJpegInfo(new Uint8Array([0x89, 0x50])))).toBe('IMAGE_MALFORMED');
    for (let cut = 2; cut < 400; cut += 7) {
      const c = code(() => readJpegInfo(jpeg.subarray(0, cut)));
      expect(c === undefined || c.startsWith('IMAGE_'), `cut ${cut}: ${c}`).toBe(true);
    }
  });
});

describe('decodeGif', () => {
  it('decodes a palette GIF with a transparent index like ImageMagick', () => {
    const gif = convert(['png:-', 'GIF:-'], SEAL);
    const d = decodeGif(gif);
    expect([d.width, d.height, d.frameCount]).toEqual([41, 29, 1]);
    expect(Buffer.from(d.pixels).equals(Buffer.from(magickRgba(gif, 'gif')))).toBe(true);
    expect(d.pixels.some((v, i) => i % 4 === 3 && v === 0)).toBe(true);
  });

  it('decodes interlaced and 256-colour GIFs (full LZW code widths)', () => {
    for (const args of [['-interlace', 'GIF'], ['-colors', '256'], ['-colors', '7']]) {
      const gif = convert(['png:-', ...args, 'GIF:-'], PLASMA);
      expect(Buffer.from(decodeGif(gif).pixels).equals(Buffer.from(magickRgba(gif, 'gif'))), args.join(' ')).toBe(true);
    }
  });

  it('decodes the first frame of an animation', () => {
    const gif = convert(['-size', '5x4', 'xc:red', 'xc:blue', '-loop', '0', 'GIF:-']);
    const d = decodeGif(gif);
    expect(d.frameCount).toBe(2);
    expect([...d.pixels.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
  });

  it('never throws an untyped error on truncated or mutated GIFs', () => {
    const gif = convert(['png:-', 'GIF:-'], PLASMA);
    let seed = 5;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const b = i % 2 ? gif.subarray(0, rnd(gif.length)) : gif.slice();
      if (i % 2 === 0) b[rnd(b.length)] = rnd(256);
      const c = code(() => decodeGif(b));
      expect(c === undefined || c.startsWith('IMAGE_'), `iteration ${i}: ${c}`).toBe(true);
    }
  });
});

describe('decodeBmp', () => {
  it.each([
    ['24-bit', ['BMP:-'], false],
    ['32-bit with alpha', ['-define', 'bmp:format=bmp4', 'BMP:-'], true],
    ['8-bit palette', ['-colors', '200', '-type', 'Palette', '-compress', 'None', 'BMP3:-'], false],
    ['4-bit palette', ['-colors', '16', '-type', 'Palette', '-compress', 'None', 'BMP3:-'], false],
    ['1-bit', ['-monochrome', 'BMP3:-'], false],
    ['16-bit', ['-define', 'bmp:subtype=RGB565', 'BMP:-'], false],
    ['OS/2 core header', ['BMP2:-'], false],
  ] as const)('decodes %s like ImageMagick', (_n, args, alpha) => {
    const bmp = convert(['png:-', ...(alpha ? [] : ['-alpha', 'off']), ...args], alpha ? SEAL : PLASMA);
    const d = decodeBmp(bmp);
    expect(Buffer.from(d.pixels).equals(Buffer.from(magickRgba(bmp, 'bmp')))).toBe(true);
  });

  it('decodes a top-down bitmap (negative height) the same as bottom-up', () => {
    const bmp = convert(['png:-', '-alpha', 'off', 'BMP3:-'], PLASMA);
    const dv = new DataView(bmp.buffer, bmp.byteOffset);
    const [offset, w, h] = [dv.getUint32(10, true), dv.getInt32(18, true), dv.getInt32(22, true)];
    const stride = Math.ceil((w * 3) / 4) * 4;
    const flipped = bmp.slice();
    new DataView(flipped.buffer).setInt32(22, -h, true);
    for (let y = 0; y < h; y++) flipped.set(bmp.subarray(offset + y * stride, offset + (y + 1) * stride), offset + (h - 1 - y) * stride);
    expect(decodeBmp(flipped).pixels).toEqual(decodeBmp(bmp).pixels);
  });

  it('types RLE as unsupported and truncation as malformed', () => {
    const rle = convert(['png:-', '-colors', '16', '-type', 'Palette', '-compress', 'RLE', 'BMP3:-'], PLASMA);
    expect(code(() => decodeBmp(rle))).toBe('IMAGE_UNSUPPORTED');
    const bmp = convert(['png:-', 'BMP:-'], PLASMA);
    expect(code(() => decodeBmp(bmp.subarray(0, bmp.length - 100)))).toBe('IMAGE_MALFORMED');
  });
});

describe('decodeImage', () => {
  it('dispatches on the signature and refuses JPEG pixels and unknown data', () => {
    expect(decodeImage(SEAL).format).toBe('png');
    expect(decodeImage(SEAL).pixels).toEqual(decodePng(SEAL).pixels);
    expect(decodeImage(convert(['png:-', 'GIF:-'], SEAL)).format).toBe('gif');
    expect(code(() => decodeImage(convert(['png:-', 'JPEG:-'], PLASMA)))).toBe('IMAGE_UNSUPPORTED');
    expect(code(() => decodeImage(new Uint8Array(10)))).toBe('IMAGE_MALFORMED');
  });

  it('applies the pixel limit to every format', () => {
    for (const target of ['PNG:-', 'GIF:-', 'BMP:-']) expect(code(() => decodeImage(convert(['png:-', target], PLASMA), { maxPixels: 100 }))).toBe('IMAGE_LIMIT_EXCEEDED');
  });
});
