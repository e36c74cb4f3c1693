import { OpenSealError } from '@openseal/kernel';

/** Stable error codes of seal placement. */
export const SEAL_PLACEMENT_ERROR_CODES = ['SEAL_TEXT_NOT_FOUND', 'SEAL_TEXT_EXTRACTION_FAILED', 'SEAL_PLACEMENT_INVALID'] as const;
export type SealPlacementErrorCode = (typeof SEAL_PLACEMENT_ERROR_CODES)[number];

/** The keyword (or the GB/T 9704 date line) is not on the pages searched. */
export class SealTextNotFoundError extends OpenSealError {
  readonly code = 'SEAL_TEXT_NOT_FOUND';
  constructor(readonly query: string, details: Record<string, unknown> = {}) {
    super(`Text not found for seal placement: ${query}`, { query, ...details });
  }
}

/** Text extraction failed (the extraction engine could not read the document). */
export class SealTextExtractionError extends OpenSealError {
  readonly code = 'SEAL_TEXT_EXTRACTION_FAILED';
  constructor(reason: string, options?: ErrorOptions) {
    super(`Text extraction failed: ${reason}`, {}, options);
  }
}

/** The requested placement cannot be honoured (page out of range, seal outside the page, …). */
export class SealPlacementInvalidError extends OpenSealError {
  readonly code = 'SEAL_PLACEMENT_INVALID';
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(`Invalid seal placement: ${reason}`, details);
  }
}
