import { OpenSealError } from '@openseal/kernel';

/** Stable error codes of the PAdES profile (signing refusals and misuse); verdicts are report data. */
export const PADES_ERROR_CODES = [
  'PADES_DOCMDP_FORBIDS',
  'PADES_FIELD_LOCKED',
  'PADES_FIELD_INVALID',
  'PADES_CERTIFY_NOT_FIRST',
  'PADES_CONTENTS_TOO_SMALL',
  'PADES_SIGNATURE_INVALID',
  'PADES_NOTHING_TO_TIMESTAMP',
  'PADES_VALIDATION_DATA_MISSING',
  'PADES_REVISION_NOT_FOUND',
] as const;
export type PadesErrorCode = (typeof PADES_ERROR_CODES)[number];

/** A certification signature (DocMDP, ISO 32000-2 §12.8.2.2) does not allow this change. */
export class PadesDocMdpForbidsError extends OpenSealError {
  readonly code = 'PADES_DOCMDP_FORBIDS';
  constructor(
    readonly permission: 1 | 2 | 3,
    readonly change: string,
  ) {
    super(`The document is certified with DocMDP P=${permission}, which does not allow ${change}`, { permission, change });
  }
}

/** An earlier signature locks the field (FieldMDP / SigFieldLock, ISO 32000-2 §12.8.2.4). */
export class PadesFieldLockedError extends OpenSealError {
  readonly code = 'PADES_FIELD_LOCKED';
  constructor(
    readonly field: string,
    readonly lockedBy: string,
  ) {
    super(`Field "${field}" is locked by signature "${lockedBy}"`, { field, lockedBy });
  }
}

/** The named field cannot take a signature (not a signature field, already signed, no widget…). */
export class PadesFieldInvalidError extends OpenSealError {
  readonly code = 'PADES_FIELD_INVALID';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`Cannot sign into field "${field}": ${reason}`, { field, reason });
  }
}

/** ISO 32000-2 §12.8.1: a certification signature must be the first signature of the document. */
export class PadesCertifyNotFirstError extends OpenSealError {
  readonly code = 'PADES_CERTIFY_NOT_FIRST';
  constructor(readonly existingSignatures: number) {
    super(`A certification signature must be the first one; the document already has ${existingSignatures}`, { existingSignatures });
  }
}

/** The CMS (or timestamp token) does not fit the space reserved for /Contents. */
export class PadesContentsTooSmallError extends OpenSealError {
  readonly code = 'PADES_CONTENTS_TOO_SMALL';
  constructor(
    readonly needed: number,
    readonly reserved: number,
  ) {
    super(`The signature needs ${needed} bytes but ${reserved} were reserved for /Contents`, { needed, reserved });
  }
}

/** The signer returned a value that does not verify with the certificate: nothing is embedded. */
export class PadesSignatureInvalidError extends OpenSealError {
  readonly code = 'PADES_SIGNATURE_INVALID';
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(`Refusing to embed the signature: ${reason}`, details);
  }
}

/** Validation data or a document timestamp was asked for a PDF without signatures. */
export class PadesNothingToTimestampError extends OpenSealError {
  readonly code = 'PADES_NOTHING_TO_TIMESTAMP';
  constructor(reason: string) {
    super(reason, {});
  }
}

/** B-LT needs revocation data for every certificate of a chain, and none could be found or fetched. */
export class PadesValidationDataMissingError extends OpenSealError {
  readonly code = 'PADES_VALIDATION_DATA_MISSING';
  constructor(
    readonly certificate: string,
    reason: string,
  ) {
    super(`No validation data for "${certificate}": ${reason}`, { certificate, reason });
  }
}

/** The ByteRange of a signature does not end at a revision boundary, so there is no signed revision to extract. */
export class PadesRevisionNotFoundError extends OpenSealError {
  readonly code = 'PADES_REVISION_NOT_FOUND';
  constructor(readonly field: string) {
    super(`The ByteRange of signature "${field}" does not end where a revision ends`, { field });
  }
}
