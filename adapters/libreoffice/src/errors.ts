import { OpenSealError } from '@openseal/kernel';

/** Stable codes of conversion failures, with the English text each error starts with. */
export const CONVERT_ERROR_CODES = {
  CONVERT_EMPTY_INPUT: 'The document is empty',
  CONVERT_TOO_LARGE: 'The document is larger than the conversion limit',
  CONVERT_UNSUPPORTED_FORMAT: 'The document format is not supported for conversion',
  CONVERT_PASSWORD_REQUIRED: 'The document is password-protected: a password is required',
  CONVERT_PASSWORD_INCORRECT: 'The document could not be opened with the password given',
  CONVERT_MACROS_REFUSED: 'The document carries macros and the policy refuses such documents',
  CONVERT_FAILED: 'The document could not be converted',
  CONVERT_TIMEOUT: 'The conversion took longer than the time limit',
  CONVERT_ENGINE_UNAVAILABLE: 'The conversion engine could not be started',
  CONVERT_CLOSED: 'The converter has been closed',
} as const;

export type ConvertErrorCode = keyof typeof CONVERT_ERROR_CODES;

/** Every expected conversion failure; `details` carries the detected format and limits, never content. */
export class ConvertError extends OpenSealError {
  readonly code: ConvertErrorCode;
  constructor(code: ConvertErrorCode, details: Record<string, unknown> = {}, options: { reason?: string; cause?: unknown } = {}) {
    const { reason, cause } = options;
    super(reason === undefined ? CONVERT_ERROR_CODES[code] : `${CONVERT_ERROR_CODES[code]}: ${reason}`, details, cause === undefined ? undefined : { cause });
    this.code = code;
  }
}
