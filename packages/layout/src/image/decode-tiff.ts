/** Multi-page TIFF (scans, fax G3/G4, LZW, JPEG, Deflate) to RGBA pages, through utif. */
import { checkDimensions, type ImageLimits, type RasterImage } from '@openseal/images';
import UTIF from 'utif';
import { LayoutInputError } from '../errors.js';

export interface TiffPage extends RasterImage {
  /** From XResolution/ResolutionUnit (TIFF 6.0 tags 282, 296) when given in inches or centimetres. */
  readonly dpi: { readonly x: number; readonly y: number } | undefined;
}

export function decodeTiff(bytes: Uint8Array, limits: ImageLimits = {}): TiffPage[] {
  let ifds;
  try {
    ifds = UTIF.decode(bytes).filter((ifd) => ifd.t256 !== undefined && ifd.t257 !== undefined);
  } catch (e) {
    throw new LayoutInputError('TIFF', 'the TIFF structure cannot be read', { cause: e });
  }
  if (ifds.length === 0) throw new LayoutInputError('TIFF', 'the TIFF holds no image');
  return ifds.map((ifd) => {
    const width = ifd.t256?.[0] ?? 0;
    const height = ifd.t257?.[0] ?? 0;
    checkDimensions('TIFF', width, height, limits);
    let pixels: Uint8Array;
    try {
      UTIF.decodeImage(bytes, ifd, ifds);
      pixels = UTIF.toRGBA8(ifd);
    } catch (e) {
      throw new LayoutInputError('TIFF', 'a TIFF page cannot be decoded', { cause: e });
    }
    if (pixels.length !== width * height * 4) throw new LayoutInputError('TIFF', 'unsupported TIFF pixel format');
    return { width, height, pixels, dpi: tiffDpi(ifd.t282?.[0], ifd.t283?.[0], ifd.t296?.[0] ?? 2) };
  });
}

function tiffDpi(x: number | undefined, y: number | undefined, unit: number): TiffPage['dpi'] {
  if (x === undefined || !(x > 0) || (unit !== 2 && unit !== 3)) return undefined;
  const f = unit === 3 ? 2.54 : 1;
  return { x: x * f, y: (y !== undefined && y > 0 ? y : x) * f };
}
