import { OpenSealError } from '@openseal/kernel';

/** Stable codes of the expected failures of OFD sealing (GB/T 33190 §18 signatures with GB/T 38540 seals). */
export const OFD_SEAL_ERROR_CODES = ['OFD_SEAL_LOCKED', 'OFD_SEAL_PLACEMENT', 'OFD_SEAL_KEYWORD_NOT_FOUND', 'OFD_SEAL_SIGNING_FAILED'] as const;

export type OfdSealErrorCode = (typeof OFD_SEAL_ERROR_CODES)[number];

export abstract class OfdSealError extends OpenSealError {
  abstract override readonly code: OfdSealErrorCode;
}

/**
 * An earlier signature protects the signature list (Signatures.xml), so adding a signature would break it
 * (GB/T 33190 §18.1; ofdrw refuses too). `signatureId` names that signature.
 */
export class OfdSealLockedError extends OfdSealError {
  readonly code = 'OFD_SEAL_LOCKED';
  constructor(
    readonly signatureId: string,
    readonly listPath: string,
  ) {
    super(`signature ${signatureId} protects ${listPath}: no further signature can be added without breaking it`, { signatureId, listPath });
  }
}

/** The requested seal position cannot be used (no such page, outside the page, …). */
export class OfdSealPlacementError extends OfdSealError {
  readonly code = 'OFD_SEAL_PLACEMENT';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** Keyword placement: the text was not found on the pages searched. */
export class OfdSealKeywordNotFoundError extends OfdSealError {
  readonly code = 'OFD_SEAL_KEYWORD_NOT_FOUND';
  constructor(
    readonly keyword: string,
    readonly pages: number,
  ) {
    super(`keyword ${JSON.stringify(keyword)} not found in the text of ${pages} page(s)`, { keyword, pages });
  }
}

/** The signer returned a value that does not verify with the certificate: nothing is written (fail closed). */
export class OfdSealSigningError extends OfdSealError {
  readonly code = 'OFD_SEAL_SIGNING_FAILED';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}
