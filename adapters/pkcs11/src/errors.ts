import { OpenSealError } from '@openseal/kernel';

/** Stable codes of PKCS#11 failures, with the English text each error starts with. */
export const PKCS11_ERROR_CODES = {
  PKCS11_MODULE_LOAD_FAILED: 'The PKCS#11 module could not be loaded or initialised',
  PKCS11_TOKEN_NOT_FOUND: 'No matching PKCS#11 token is present',
  PKCS11_TOKEN_AMBIGUOUS: 'More than one PKCS#11 token matches',
  PKCS11_KEY_NOT_FOUND: 'No matching key was found on the token',
  PKCS11_KEY_AMBIGUOUS: 'More than one key on the token matches',
  PKCS11_KEY_UNSUPPORTED: 'The key on the token is of a type OpenSeal cannot use',
  PKCS11_PIN_INCORRECT: 'The PIN is incorrect',
  PKCS11_PIN_LOCKED: 'The PIN is locked',
  PKCS11_PIN_EXPIRED: 'The PIN has expired and must be changed',
  PKCS11_PIN_INVALID: 'The new PIN does not meet the token policy',
  PKCS11_MECHANISM_UNSUPPORTED: 'The token offers no usable mechanism for the algorithm',
  PKCS11_NOT_PERMITTED: 'The token does not permit this operation',
  PKCS11_SESSION_CLOSED: 'The PKCS#11 session is closed',
  PKCS11_DEVICE_ERROR: 'The PKCS#11 token or module failed',
} as const;

export type Pkcs11ErrorCode = keyof typeof PKCS11_ERROR_CODES;

/**
 * Every expected PKCS#11 failure. `details` names the operation (`C_Login`…) and, when the token
 * answered, the CKR_* value; it never holds a PIN.
 */
export class Pkcs11Error extends OpenSealError {
  readonly code: Pkcs11ErrorCode;
  constructor(code: Pkcs11ErrorCode, details: Record<string, unknown> = {}, options: { reason?: string; cause?: unknown } = {}) {
    const { reason, cause } = options;
    const message = reason === undefined ? PKCS11_ERROR_CODES[code] : `${PKCS11_ERROR_CODES[code]}: ${reason}`;
    super(message, details, cause === undefined ? undefined : { cause });
    this.code = code;
  }
}
