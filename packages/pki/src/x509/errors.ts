import { OpenSealError } from '@openseal/kernel';

/** Bytes that are not a readable X.509 certificate (RFC 5280 §4.1). Code: PKI_CERT_MALFORMED. */
export class CertificateMalformedError extends OpenSealError {
  readonly code = 'PKI_CERT_MALFORMED';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Malformed certificate: ${reason}`, details, options);
  }
}

/** Bytes that are not a readable CRL (RFC 5280 §5.1). Code: PKI_CRL_MALFORMED. */
export class CrlMalformedError extends OpenSealError {
  readonly code = 'PKI_CRL_MALFORMED';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Malformed CRL: ${reason}`, details, options);
  }
}

/** Text that is not the expected PEM (RFC 7468). Code: PKI_PEM_INVALID. */
export class PemInvalidError extends OpenSealError {
  readonly code = 'PKI_PEM_INVALID';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Invalid PEM: ${reason}`, details, options);
  }
}

/** A distinguished name string or attribute list that cannot be encoded. Code: PKI_NAME_INVALID. */
export class NameInvalidError extends OpenSealError {
  readonly code = 'PKI_NAME_INVALID';
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(`Invalid distinguished name: ${reason}`, details);
  }
}

/** The CA could not find an unused serial number after several random draws. Code: PKI_SERIAL_EXHAUSTED. */
export class SerialNumberExhaustedError extends OpenSealError {
  readonly code = 'PKI_SERIAL_EXHAUSTED';
  constructor(attempts: number) {
    super(`No unused certificate serial number after ${attempts} attempts`, { attempts });
  }
}

/**
 * A certificate or CRL the engine just signed does not verify with the signer's public key
 * (a broken or misconfigured signer); nothing is issued. Code: PKI_ISSUED_SIGNATURE_INVALID.
 */
export class IssuedSignatureInvalidError extends OpenSealError {
  readonly code = 'PKI_ISSUED_SIGNATURE_INVALID';
  constructor(what: 'certificate' | 'crl', details: Record<string, unknown> = {}) {
    super(`The signer produced an invalid signature on the ${what}`, { what, ...details });
  }
}
