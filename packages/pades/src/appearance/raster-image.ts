/**
 * Seal bitmaps as image XObjects (ISO 32000-2 §8.9.5): 8-bit /DeviceRGB (or /DeviceGray) with the
 * alpha channel as a soft mask (§11.6.5.3), or a JPEG passed through with /DCTDecode.
 * Prepared once per picture and reused for every page and document it is put on.
 */
import { InvalidArgumentError } from '@openseal/kernel';
import { PdfDict, PdfName, PdfStream, type PdfObject, type PdfRef } from '@openseal/pdf';
import { flateStream } from './form-xobject.js';
import type { ObjectSink } from './object-sink.js';

export interface PreparedRaster {
  readonly kind: 'raster';
  /** Pixels. */
  readonly width: number;
  readonly height: number;
  /** The image stream's dictionary entries and data, without /SMask (a reference added per file). */
  readonly image: PdfStream;
  readonly smask?: PdfStream;
}

const MAX_PIXELS = 64 * 1024 * 1024;

function checkSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
    throw new InvalidArgumentError('seal image size is out of range', { width, height, maxPixels: MAX_PIXELS });
  }
}

/** From 8-bit RGBA pixels (row-major, 4 bytes a pixel). Opaque images get no soft mask. */
export function rasterFromRgba(width: number, height: number, rgba: Uint8Array): PreparedRaster {
  checkSize(width, height);
  if (rgba.length !== width * height * 4) throw new InvalidArgumentError('RGBA data length does not match the size', { width, height, length: rgba.length });
  const n = width * height;
  let gray = true;
  let opaque = true;
  for (let i = 0; i < n; i++) {
    const r = rgba[i * 4], g = rgba[i * 4 + 1], b = rgba[i * 4 + 2];
    if (r !== g || g !== b) gray = false;
    if (rgba[i * 4 + 3] !== 255) opaque = false;
    if (!gray && !opaque) break;
  }
  const colour = new Uint8Array(n * (gray ? 1 : 3));
  const alpha = opaque ? undefined : new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (gray) colour[i] = rgba[i * 4] ?? 0;
    else {
      colour[i * 3] = rgba[i * 4] ?? 0;
      colour[i * 3 + 1] = rgba[i * 4 + 1] ?? 0;
      colour[i * 3 + 2] = rgba[i * 4 + 2] ?? 0;
    }
    if (alpha) alpha[i] = rgba[i * 4 + 3] ?? 0;
  }
  const base = { Type: new PdfName('XObject'), Subtype: new PdfName('Image'), Width: width, Height: height, BitsPerComponent: 8 };
  const image = flateStream({ ...base, ColorSpace: new PdfName(gray ? 'DeviceGray' : 'DeviceRGB') }, colour);
  return alpha
    ? { kind: 'raster', width, height, image, smask: flateStream({ ...base, ColorSpace: new PdfName('DeviceGray') }, alpha) }
    : { kind: 'raster', width, height, image };
}

export interface JpegFacts {
  readonly width: number;
  readonly height: number;
  /** 1 (gray), 3 (YCbCr/RGB) or 4 (CMYK/YCCK). */
  readonly components: number;
  readonly bitsPerComponent: number;
  /** An Adobe APP14 marker was present: 4-component Adobe JPEGs store inverted CMYK. */
  readonly adobe?: boolean;
}

/** A JPEG passed through unchanged (§7.4.8 DCTDecode); the caller supplies its SOF facts. */
export function rasterFromJpeg(bytes: Uint8Array, facts: JpegFacts): PreparedRaster {
  checkSize(facts.width, facts.height);
  const cs = facts.components === 1 ? 'DeviceGray' : facts.components === 3 ? 'DeviceRGB' : facts.components === 4 ? 'DeviceCMYK' : undefined;
  if (!cs || facts.bitsPerComponent !== 8) throw new InvalidArgumentError('unsupported JPEG colour layout', { components: facts.components, bits: facts.bitsPerComponent });
  const d = new PdfDict(Object.entries({
    Type: new PdfName('XObject'), Subtype: new PdfName('Image'), Width: facts.width, Height: facts.height,
    BitsPerComponent: 8, ColorSpace: new PdfName(cs), Filter: new PdfName('DCTDecode'),
  } satisfies Record<string, PdfObject>));
  if (cs === 'DeviceCMYK' && facts.adobe) d.set('Decode', [1, 0, 1, 0, 1, 0, 1, 0]);
  return { kind: 'raster', width: facts.width, height: facts.height, image: new PdfStream(d, bytes) };
}

const embedded = new WeakMap<ObjectSink, Map<PreparedRaster, PdfRef>>();

/** Adds the image (and its soft mask) to `sink` once; later calls with the same sink reuse it. */
export function embedRaster(sink: ObjectSink, raster: PreparedRaster): PdfRef {
  let bySink = embedded.get(sink);
  if (!bySink) embedded.set(sink, (bySink = new Map()));
  const hit = bySink.get(raster);
  if (hit) return hit;
  const dict = raster.image.dict.clone();
  if (raster.smask) dict.set('SMask', sink.add(raster.smask));
  const ref = sink.add(new PdfStream(dict, raster.image.encoded));
  bySink.set(raster, ref);
  return ref;
}
