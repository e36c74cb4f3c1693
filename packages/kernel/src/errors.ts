/**
 * The base of every expected failure in OpenSeal: a stable `code` (UPPER_SNAKE with an area prefix),
 * an English technical message, optional data fields, and `cause` kept for chaining.
 * Verdicts about documents are data (reports), never errors; bugs are plain `Error`s from `assert`.
 */
export abstract class OpenSealError extends Error {
  abstract readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.details = details;
  }

  /** Serialises across worker, process and HTTP boundaries (secrets never go into details). */
  toJSON(): { code: string; message: string; details: Readonly<Record<string, unknown>> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** A generic coded error for areas that do not (yet) need their own class per code. */
export class CodedError extends OpenSealError {
  readonly code: string;
  constructor(code: string, message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, details, options);
    this.code = code;
  }
}

export function isOpenSealError(e: unknown): e is OpenSealError {
  return e instanceof OpenSealError;
}

/** Input exceeded a configured size, depth or time limit of a parser. */
export class LimitExceededError extends OpenSealError {
  readonly code = 'LIMIT_EXCEEDED';
  constructor(what: string, limit: number, actual?: number) {
    super(`${what} exceeds the limit of ${limit}${actual === undefined ? '' : ` (got ${actual})`}`, {
      what,
      limit,
      ...(actual === undefined ? {} : { actual }),
    });
  }
}

/** A caller passed an argument that cannot be used (wrong type of key, unknown algorithm name, …). */
export class InvalidArgumentError extends OpenSealError {
  readonly code = 'INVALID_ARGUMENT';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}
