import { OpenSealError } from '@openseal/kernel';

/** Stable codes of the expected failures of the seal engine (GB/T 38540 / GM/T 0031 structures). */
export const SES_ERROR_CODES = ['SEAL_MALFORMED', 'SEAL_UNSUPPORTED', 'SEAL_INVALID_INPUT', 'SEAL_SIGNER_NOT_AUTHORISED', 'SEAL_NOT_VALID', 'SEAL_SIGNING_FAILED'] as const;

export type SesErrorCode = (typeof SES_ERROR_CODES)[number];

export abstract class SesError extends OpenSealError {
  abstract override readonly code: SesErrorCode;
}

/** The bytes are not a seal (SESeal) or seal signature (SES_Signature) of a known version. */
export class SealMalformedError extends SesError {
  readonly code = 'SEAL_MALFORMED';
  constructor(what: string, reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`malformed ${what}: ${reason}`, { what, reason, ...details }, options);
  }
}

/** A well-formed structure that uses something this engine does not do (an unknown signature algorithm…). */
export class SealUnsupportedError extends SesError {
  readonly code = 'SEAL_UNSUPPORTED';
  constructor(feature: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`unsupported: ${feature}`, { feature, ...details }, options);
  }
}

/** A seal cannot be made from the given input (bad picture, empty certificate list, inverted validity…). */
export class SealInputError extends SesError {
  readonly code = 'SEAL_INVALID_INPUT';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

/** GB/T 38540 §7.2 step 3: the signer certificate is not in the seal's certificate list, so it may not use the seal. */
export class SealSignerNotAuthorisedError extends SesError {
  readonly code = 'SEAL_SIGNER_NOT_AUTHORISED';
  constructor(signer: string, esId: string) {
    super(`the certificate of ${signer} is not in the certificate list of seal ${esId}`, { signer, esId });
  }
}

/** GB/T 38540 §7.2 step 2: the seal does not verify or is outside its validity period, so it may not be used. */
export class SealNotValidError extends SesError {
  readonly code = 'SEAL_NOT_VALID';
  constructor(esId: string, reason: string, details: Record<string, unknown> = {}) {
    super(`seal ${esId} cannot be used: ${reason}`, { esId, reason, ...details });
  }
}

/** The signer (seal maker or seal user) returned a value that does not verify: nothing is written (fail closed). */
export class SealSigningError extends SesError {
  readonly code = 'SEAL_SIGNING_FAILED';
  constructor(message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, details, options);
  }
}
