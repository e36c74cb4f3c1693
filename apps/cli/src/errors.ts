import { OpenSealError } from '@openseal/kernel';

/** The user typed something the CLI cannot act on (missing option, bad value). Exit code 2. */
export class CliUsageError extends OpenSealError {
  readonly code = 'CLI_USAGE';
  constructor(message: string) {
    super(message);
  }
}

/** A file could not be read or written. */
export class CliFileError extends OpenSealError {
  readonly code = 'CLI_FILE';
  constructor(path: string, action: 'read' | 'write', options?: ErrorOptions) {
    super(`Cannot ${action} ${path}${options?.cause instanceof Error && 'code' in options.cause ? ` (${String((options.cause as { code: unknown }).code)})` : ''}`, { path, action }, options);
  }
}

/** `openseal convert` got an input it cannot convert (yet): Office documents until the converter lands. */
export class ConvertUnsupportedInputError extends OpenSealError {
  readonly code = 'CONVERT_UNSUPPORTED_INPUT';
  constructor(path: string, kind: string) {
    super(`Cannot convert ${path}: ${kind} input is not supported`, { path, kind });
  }
}
