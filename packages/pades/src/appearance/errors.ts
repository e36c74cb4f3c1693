import { OpenSealError } from '@openseal/kernel';

/** Stable error codes of seal appearances. */
export const SEAL_APPEARANCE_ERROR_CODES = ['SEAL_IMAGE_UNSUPPORTED', 'SEAL_FONT_MISSING_GLYPHS', 'SEAL_FONT_UNSUITABLE'] as const;
export type SealAppearanceErrorCode = (typeof SEAL_APPEARANCE_ERROR_CODES)[number];

/** The seal picture is not a PNG or JPEG this engine can embed. */
export class SealImageUnsupportedError extends OpenSealError {
  readonly code = 'SEAL_IMAGE_UNSUPPORTED';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Seal image not supported: ${reason}`, details, options);
  }
}

/** The font has no glyph for some characters of the text: they would print as boxes, so refuse. */
export class SealFontMissingGlyphsError extends OpenSealError {
  readonly code = 'SEAL_FONT_MISSING_GLYPHS';
  constructor(readonly characters: string, readonly fontName: string) {
    super(`Font ${fontName} has no glyphs for: ${characters}`, { characters, fontName });
  }
}

/** The font cannot be embedded as a CID TrueType subset (CFF outlines, licence forbids embedding). */
export class SealFontUnsuitableError extends OpenSealError {
  readonly code = 'SEAL_FONT_UNSUITABLE';
  constructor(reason: string, readonly fontName: string, options?: ErrorOptions) {
    super(`Font ${fontName} cannot be embedded: ${reason}`, { reason, fontName }, options);
  }
}
