import { OpenSealError } from '@openseal/kernel';

/** DER input that is not well-formed, or exceeds a parser limit. Code: ASN1_MALFORMED. */
export class Asn1MalformedError extends OpenSealError {
  readonly code = 'ASN1_MALFORMED';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Malformed DER: ${reason}`, details, options);
  }
}

/** DER that is well-formed but is not the structure that was expected. Code: ASN1_UNEXPECTED_STRUCTURE. */
export class Asn1StructureError extends OpenSealError {
  readonly code = 'ASN1_UNEXPECTED_STRUCTURE';
  constructor(expected: string, options?: ErrorOptions) {
    super(`DER does not contain a valid ${expected}`, { expected }, options);
  }
}
