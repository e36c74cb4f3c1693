import { OpenSealError } from '@openseal/kernel';

/** The algorithm (or curve, or parameter) is not supported by this provider. */
export class CryptoUnsupportedError extends OpenSealError {
  readonly code = 'CRYPTO_UNSUPPORTED';
  constructor(what: string, details: Record<string, unknown> = {}) {
    super(`Unsupported cryptographic algorithm or parameter: ${what}`, { what, ...details });
  }
}

/** A signature algorithm was requested that the key cannot produce. */
export class KeyAlgorithmMismatchError extends OpenSealError {
  readonly code = 'KEY_ALGORITHM_MISMATCH';
  constructor(keyType: string, algorithm: string) {
    super(`A ${keyType} key cannot sign with ${algorithm}`, { keyType, algorithm });
  }
}

/** Key material could not be read (bad PEM/DER, unknown key format, broken structure). */
export class KeyFormatError extends OpenSealError {
  readonly code = 'KEY_FORMAT_INVALID';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Cannot read key: ${reason}`, details, options);
  }
}

/** The passphrase for an encrypted key or PKCS#12 file is missing or wrong. */
export class KeyPassphraseError extends OpenSealError {
  readonly code = 'KEY_PASSPHRASE_INVALID';
  constructor(reason: 'missing' | 'wrong', details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(
      reason === 'missing' ? 'The key is encrypted: a passphrase is required' : 'Wrong passphrase for the encrypted key',
      { reason, ...details },
      options,
    );
  }
}

/** A cryptographic operation failed in a way that is not a verdict (e.g. decryption integrity failure). */
export class CryptoOperationError extends OpenSealError {
  readonly code = 'CRYPTO_OPERATION_FAILED';
  constructor(operation: string, options?: ErrorOptions) {
    super(`Cryptographic operation failed: ${operation}`, { operation }, options);
  }
}

/** A remote signer (agent, token service) did not produce a valid signature. */
export class RemoteSignerError extends OpenSealError {
  readonly code = 'KEY_REMOTE_SIGNER_FAILED';
  constructor(reason: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(`Remote signer failed: ${reason}`, details, options);
  }
}
