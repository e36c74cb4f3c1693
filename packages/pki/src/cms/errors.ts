import { OpenSealError } from '@openseal/kernel';

/** DER that is not a CMS ContentInfo/SignedData we can read. Code: CMS_MALFORMED. */
export class CmsMalformedError extends OpenSealError {
  readonly code = 'CMS_MALFORMED';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Malformed CMS SignedData: ${reason}`, details, options);
  }
}

/** Signing could not produce a valid SignerInfo (key/certificate mismatch, bad signature value). */
export class CmsSigningError extends OpenSealError {
  readonly code = 'CMS_SIGNING_FAILED';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`CMS signing failed: ${reason}`, details, options);
  }
}
