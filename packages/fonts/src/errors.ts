import { OpenSealError } from '@openseal/kernel';

/** Font bytes that are not a well-formed sfnt/TTC (bad offsets, truncated tables, bad glyph data). */
export class FontMalformedError extends OpenSealError {
  readonly code = 'FONT_MALFORMED';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Malformed font: ${reason}`, details, options);
  }
}

/** A well-formed font using a feature this engine does not implement (e.g. subsetting CFF outlines). */
export class FontUnsupportedError extends OpenSealError {
  readonly code = 'FONT_UNSUPPORTED';
  constructor(feature: string, details: Record<string, unknown> = {}) {
    super(`Unsupported font feature: ${feature}`, { feature, ...details });
  }
}

/** The requested face of a collection (or glyph id) does not exist. */
export class FontFaceNotFoundError extends OpenSealError {
  readonly code = 'FONT_FACE_NOT_FOUND';
  constructor(faceIndex: number, faceCount: number) {
    super(`Font face ${faceIndex} does not exist (the file has ${faceCount})`, { faceIndex, faceCount });
  }
}
