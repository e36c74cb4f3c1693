import type { OfdDocument } from '@openseal/ofd';
import type { StampPicture, StampResolver } from '@openseal/ofd-render';
import { GlyphResolver } from '@openseal/ofd-render';
import { systemFontLoader } from '@openseal/raster';
import { parseSeal, parseSesSignature } from '@openseal/ses';
import { decodeTiff } from '@openseal/layout';
import type { ImageDecoder } from '@openseal/ofd-render';

let glyphs: GlyphResolver | undefined;

/** One glyph resolver per process: substitute fonts are read and parsed once. */
export function processGlyphResolver(): GlyphResolver {
  glyphs ??= new GlyphResolver({ loadSubstitute: systemFontLoader() });
  return glyphs;
}

/**
 * Seal pictures for an OFD's signatures: SignedValue.dat is an SES_Signature (GB/T 38540) carrying the seal
 * and its picture; when it cannot be read, Seal.esl (the seal alone) is tried.
 */
export function sesStampResolver(doc: OfdDocument): StampResolver {
  return (_index, sig): StampPicture | undefined => {
    if (sig.entry.type === 'Sign') return undefined;
    let failure: unknown;
    const signed = doc.pkg.entry(sig.signedValuePath)?.bytes;
    if (signed !== undefined) {
      try {
        const p = parseSesSignature(signed).seal.picture;
        return { bytes: p.data, type: p.type };
      } catch (e) {
        failure = e;
      }
    }
    const seal = sig.sealPath === undefined ? undefined : doc.pkg.entry(sig.sealPath)?.bytes;
    if (seal !== undefined) {
      const p = parseSeal(seal).picture;
      return { bytes: p.data, type: p.type };
    }
    if (failure !== undefined) throw failure;
    return undefined;
  };
}

/** Decodes the raster formats the pure renderer leaves to its host: TIFF (first page) through utif. */
export const hostImageDecoder: ImageDecoder = (bytes, format) => (format === 'tiff' ? decodeTiff(bytes)[0] : undefined);
