import { decodePng, readJpegInfo, splitAlpha } from '@openseal/images';
import type { PdfFileWriter, PdfRef } from '@openseal/pdf';
import { PdfDict, PdfStream, name } from '@openseal/pdf';
import type { RasterImage } from '../display/display-list.js';

/**
 * Image XObjects (ISO 32000-1 §8.9.5), one per distinct image: JPEG passes through as /DCTDecode, PNG is
 * decoded to RGB (Flate) with its alpha as /SMask.
 */
export class PdfImageSet {
  readonly #images = new Map<string, { resource: string; ref: PdfRef }>();

  constructor(private readonly writer: PdfFileWriter, private readonly maxPixels: number) {}

  /** Resource name of the image XObject, written on first use. */
  use(image: RasterImage): string {
    const known = this.#images.get(image.key);
    if (known !== undefined) return known.resource;
    const ref = this.writer.add(image.format === 'jpeg' ? this.jpeg(image.bytes) : this.png(image.bytes));
    const resource = `Im${this.#images.size + 1}`;
    this.#images.set(image.key, { resource, ref });
    return resource;
  }

  resources(): Map<string, PdfRef> {
    return new Map([...this.#images.values()].map((i) => [i.resource, i.ref]));
  }

  private jpeg(bytes: Uint8Array): PdfStream {
    const info = readJpegInfo(bytes);
    const cmyk = info.components === 4;
    const dict = new PdfDict([
      ['Type', name('XObject')],
      ['Subtype', name('Image')],
      ['Width', info.width],
      ['Height', info.height],
      ['ColorSpace', name(info.components === 1 ? 'DeviceGray' : cmyk ? 'DeviceCMYK' : 'DeviceRGB')],
      ['BitsPerComponent', info.bitsPerComponent],
      ['Filter', name('DCTDecode')],
    ]);
    // Adobe CMYK JPEGs store inverted samples (APP14).
    if (cmyk && info.adobeTransform !== undefined) dict.set('Decode', [1, 0, 1, 0, 1, 0, 1, 0]);
    return new PdfStream(dict, bytes);
  }

  private png(bytes: Uint8Array): PdfStream {
    const png = decodePng(bytes, { maxPixels: this.maxPixels });
    const { rgb, alpha, opaque } = splitAlpha(png.pixels);
    const dict = new PdfDict([
      ['Type', name('XObject')],
      ['Subtype', name('Image')],
      ['Width', png.width],
      ['Height', png.height],
      ['ColorSpace', name('DeviceRGB')],
      ['BitsPerComponent', 8],
    ]);
    if (!opaque) {
      const mask = new PdfDict([
        ['Type', name('XObject')],
        ['Subtype', name('Image')],
        ['Width', png.width],
        ['Height', png.height],
        ['ColorSpace', name('DeviceGray')],
        ['BitsPerComponent', 8],
      ]);
      dict.set('SMask', this.writer.add(new PdfStream(mask, alpha)));
    }
    return new PdfStream(dict, rgb);
  }
}
