/**
 * Images (JPEG, PNG, single- or multi-page TIFF scans) to PDF without LibreOffice: one page per image,
 * sized from the image's resolution (or fitted to A4 when it has none), JPEG passed through as
 * /DCTDecode, other pixels Flate-compressed — as 1-bit or grey when the scan is black-and-white or grey.
 */
import { decodePng, readJpegInfo, sniffImageFormat, splitAlpha, type ImageLimits } from '@openseal/images';
import { PdfDict, PdfName, type PdfObject, type PdfRef } from '@openseal/pdf';
import { LayoutInputError } from '../errors.js';
import { PdfWriter, writePageTree } from '../pdf/pdf-writer.js';
import { decodeTiff } from './decode-tiff.js';

export interface ImageToPdfOptions extends ImageLimits {
  /** Resolution assumed when the image gives none; default: fit the page to A4 portrait/landscape. */
  readonly defaultDpi?: number;
}

const PT_PER_INCH = 72;
const A4 = { w: 595.276, h: 841.89 };

interface PageImage {
  readonly width: number;
  readonly height: number;
  readonly dpi: { readonly x: number; readonly y: number } | undefined;
  /** Adds the image XObject(s) and returns the image reference. */
  readonly write: (w: PdfWriter) => PdfRef;
}

export function imageToPdf(bytes: Uint8Array, options: ImageToPdfOptions = {}): Uint8Array {
  const images = pageImages(bytes, options);
  const w = new PdfWriter();
  const pagesRef = w.allocate();
  const pages = images.map((img) => {
    const { pw, ph } = pageSize(img, options.defaultDpi);
    const ref = img.write(w);
    const content = w.stream(new TextEncoder().encode(`q ${num(pw)} 0 0 ${num(ph)} 0 0 cm /Im0 Do Q\n`));
    return w.add(new PdfDict([
      ['Type', new PdfName('Page')],
      ['Parent', pagesRef],
      ['MediaBox', [0, 0, num(pw), num(ph)]],
      ['Resources', new PdfDict([['XObject', new PdfDict([['Im0', ref]])]])],
      ['Contents', content],
    ]));
  });
  return w.toBytes(writePageTree(w, pages, pagesRef));
}

function num(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function pageSize(img: PageImage, defaultDpi: number | undefined): { pw: number; ph: number } {
  const dpi = img.dpi ?? (defaultDpi === undefined ? undefined : { x: defaultDpi, y: defaultDpi });
  if (dpi !== undefined) return { pw: (img.width / dpi.x) * PT_PER_INCH, ph: (img.height / dpi.y) * PT_PER_INCH };
  const landscape = img.width > img.height;
  const box = landscape ? { w: A4.h, h: A4.w } : A4;
  const s = Math.min(box.w / img.width, box.h / img.height);
  return { pw: img.width * s, ph: img.height * s };
}

function pageImages(bytes: Uint8Array, limits: ImageLimits): PageImage[] {
  const format = sniffImageFormat(bytes);
  if (format === 'jpeg') {
    const info = readJpegInfo(bytes);
    const colorSpace = info.components === 1 ? 'DeviceGray' : info.components === 3 ? 'DeviceRGB' : 'DeviceCMYK';
    return [{
      width: info.width, height: info.height, dpi: info.dpi,
      write: (w) => w.stream(bytes, {
        Type: new PdfName('XObject'), Subtype: new PdfName('Image'), Width: info.width, Height: info.height,
        ColorSpace: new PdfName(colorSpace), BitsPerComponent: 8, Filter: new PdfName('DCTDecode'),
        // Adobe CMYK JPEGs store inverted samples (see JpegInfo.adobeTransform).
        ...(info.components === 4 && info.adobeTransform !== undefined ? { Decode: [1, 0, 1, 0, 1, 0, 1, 0] } : {}),
      }, false),
    }];
  }
  if (format === 'png') {
    const png = decodePng(bytes, limits);
    const ppm = png.pixelsPerMeter;
    return [rasterPage(png.width, png.height, png.pixels, ppm === undefined ? undefined : { x: ppm.x * 0.0254, y: ppm.y * 0.0254 })];
  }
  if (format === 'tiff') return decodeTiff(bytes, limits).map((p) => rasterPage(p.width, p.height, p.pixels, p.dpi));
  throw new LayoutInputError(format, 'not a JPEG, PNG or TIFF image');
}

/** An RGBA raster as the smallest faithful image XObject: 1-bit, grey or RGB, with /SMask if translucent. */
function rasterPage(width: number, height: number, rgba: Uint8Array, dpi: PageImage['dpi']): PageImage {
  return {
    width, height, dpi,
    write: (w) => {
      const { rgb, alpha, opaque } = splitAlpha(rgba);
      const kind = pixelKind(rgb);
      const base: Record<string, PdfObject> = { Type: new PdfName('XObject'), Subtype: new PdfName('Image'), Width: width, Height: height };
      if (!opaque) base.SMask = w.stream(alpha, { ...base, ColorSpace: new PdfName('DeviceGray'), BitsPerComponent: 8 });
      if (kind === 'bilevel') return w.stream(packBits(rgb, width, height), { ...base, ColorSpace: new PdfName('DeviceGray'), BitsPerComponent: 1 });
      if (kind === 'gray') return w.stream(rgb.filter((_, i) => i % 3 === 0), { ...base, ColorSpace: new PdfName('DeviceGray'), BitsPerComponent: 8 });
      return w.stream(rgb, { ...base, ColorSpace: new PdfName('DeviceRGB'), BitsPerComponent: 8 });
    },
  };
}

function pixelKind(rgb: Uint8Array): 'bilevel' | 'gray' | 'rgb' {
  let bilevel = true;
  for (let i = 0; i < rgb.length; i += 3) {
    const r = rgb[i] as number;
    if (r !== rgb[i + 1] || r !== rgb[i + 2]) return 'rgb';
    if (r !== 0 && r !== 255) bilevel = false;
  }
  return bilevel ? 'bilevel' : 'gray';
}

/** Grey 0/255 samples (every third byte of `rgb`) to rows of 1-bit samples, 1 = white (§8.9.3). */
function packBits(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const stride = Math.ceil(width / 8);
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (rgb[(y * width + x) * 3] === 255) out[y * stride + (x >> 3)] = (out[y * stride + (x >> 3)] as number) | (0x80 >> (x & 7));
    }
  }
  return out;
}
