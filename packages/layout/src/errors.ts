import { OpenSealError } from '@openseal/kernel';

/** An input image or document the layout engine cannot read (code LAYOUT_INPUT_INVALID). */
export class LayoutInputError extends OpenSealError {
  readonly code = 'LAYOUT_INPUT_INVALID';
  constructor(format: string, reason: string, options?: ErrorOptions) {
    super(`${format}: ${reason}`, { format }, options);
  }
}

/** The fields or template cannot be laid out (code LAYOUT_INVALID_FIELDS), e.g. an empty title. */
export class LayoutFieldsError extends OpenSealError {
  readonly code = 'LAYOUT_INVALID_FIELDS';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** A glyph the chosen fonts do not have (code LAYOUT_GLYPH_MISSING). */
export class LayoutGlyphMissingError extends OpenSealError {
  readonly code = 'LAYOUT_GLYPH_MISSING';
  constructor(text: string, font: string) {
    super(`font ${font} has no glyph for "${text}"`, { text, font });
  }
}
