import { OpenSealError } from '@openseal/kernel';

/** Stable error codes of the PDF engine (one class per code below). */
export const PDF_ERROR_CODES = [
  'PDF_MALFORMED',
  'PDF_LIMIT_EXCEEDED',
  'PDF_UNSUPPORTED',
  'PDF_PASSWORD_REQUIRED',
  'PDF_PASSWORD_INCORRECT',
  'PDF_CANNOT_APPEND',
  'PDF_INVALID_OBJECT',
] as const;
export type PdfErrorCode = (typeof PDF_ERROR_CODES)[number];

/** Bytes that are not a PDF, or a structure the engine cannot make sense of. */
export class PdfMalformedError extends OpenSealError {
  readonly code = 'PDF_MALFORMED';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Malformed PDF: ${reason}`, details, options);
  }
}

/** Input exceeded a configured parser limit (depth, size, total work, decoded bytes, …). */
export class PdfLimitExceededError extends OpenSealError {
  readonly code = 'PDF_LIMIT_EXCEEDED';
  constructor(readonly limit: string, readonly max: number, details: Record<string, unknown> = {}) {
    super(`PDF limit exceeded: ${limit} (max ${max})`, { limit, max, ...details });
  }
}

/** A valid PDF feature this engine does not implement (unknown security handler, filter, …). */
export class PdfUnsupportedError extends OpenSealError {
  readonly code = 'PDF_UNSUPPORTED';
  constructor(feature: string, details: Record<string, unknown> = {}) {
    super(`Unsupported PDF feature: ${feature}`, { feature, ...details });
  }
}

/** The file is encrypted and no password (or the empty one) opens it. */
export class PdfPasswordRequiredError extends OpenSealError {
  readonly code = 'PDF_PASSWORD_REQUIRED';
  /** True when a user password is needed to open the document (always, for the Standard handler). */
  constructor(readonly userPasswordRequired: boolean) {
    super('The PDF is encrypted: a password is required', { userPasswordRequired });
  }
}

/** A password was given but is neither the user nor the owner password. */
export class PdfPasswordIncorrectError extends OpenSealError {
  readonly code = 'PDF_PASSWORD_INCORRECT';
  constructor() {
    super('The password does not open this PDF', {});
  }
}

/** Appending an incremental update would not be safe; the engine refuses rather than rewrite. */
export class PdfCannotAppendError extends OpenSealError {
  readonly code = 'PDF_CANNOT_APPEND';
  constructor(readonly reason: string, details: Record<string, unknown> = {}) {
    super(`Cannot append an incremental update: ${reason}`, { reason, ...details });
  }
}

/** A caller handed the writer an object that cannot be serialised (NaN, a name with NUL, …). */
export class PdfInvalidObjectError extends OpenSealError {
  readonly code = 'PDF_INVALID_OBJECT';
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(`Invalid PDF object: ${reason}`, details);
  }
}
