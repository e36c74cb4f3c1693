import { CKR, ckrName } from './constants.js';
import { Pkcs11Error, type Pkcs11ErrorCode } from './errors.js';

/** The one table from Cryptoki return values to OpenSeal codes; anything else is PKCS11_DEVICE_ERROR. */
export const CKR_ERROR_TABLE: ReadonlyMap<number, Pkcs11ErrorCode> = new Map<number, Pkcs11ErrorCode>([
  [CKR.PIN_INCORRECT, 'PKCS11_PIN_INCORRECT'],
  [CKR.PIN_LOCKED, 'PKCS11_PIN_LOCKED'],
  [CKR.PIN_EXPIRED, 'PKCS11_PIN_EXPIRED'],
  [CKR.PIN_INVALID, 'PKCS11_PIN_INVALID'],
  [CKR.PIN_LEN_RANGE, 'PKCS11_PIN_INVALID'],
  [CKR.USER_PIN_NOT_INITIALIZED, 'PKCS11_NOT_PERMITTED'],
  [CKR.MECHANISM_INVALID, 'PKCS11_MECHANISM_UNSUPPORTED'],
  [CKR.MECHANISM_PARAM_INVALID, 'PKCS11_MECHANISM_UNSUPPORTED'],
  [CKR.CURVE_NOT_SUPPORTED, 'PKCS11_MECHANISM_UNSUPPORTED'],
  [CKR.KEY_SIZE_RANGE, 'PKCS11_MECHANISM_UNSUPPORTED'],
  [CKR.KEY_TYPE_INCONSISTENT, 'PKCS11_MECHANISM_UNSUPPORTED'],
  [CKR.FUNCTION_NOT_SUPPORTED, 'PKCS11_MECHANISM_UNSUPPORTED'],
  [CKR.KEY_FUNCTION_NOT_PERMITTED, 'PKCS11_NOT_PERMITTED'],
  [CKR.ACTION_PROHIBITED, 'PKCS11_NOT_PERMITTED'],
  [CKR.ATTRIBUTE_READ_ONLY, 'PKCS11_NOT_PERMITTED'],
  [CKR.ATTRIBUTE_SENSITIVE, 'PKCS11_NOT_PERMITTED'],
  [CKR.TOKEN_WRITE_PROTECTED, 'PKCS11_NOT_PERMITTED'],
  [CKR.SESSION_READ_ONLY, 'PKCS11_NOT_PERMITTED'],
  [CKR.USER_NOT_LOGGED_IN, 'PKCS11_NOT_PERMITTED'],
  [CKR.USER_TYPE_INVALID, 'PKCS11_NOT_PERMITTED'],
  [CKR.USER_ANOTHER_ALREADY_LOGGED_IN, 'PKCS11_NOT_PERMITTED'],
  [CKR.FUNCTION_REJECTED, 'PKCS11_NOT_PERMITTED'],
  [CKR.KEY_HANDLE_INVALID, 'PKCS11_KEY_NOT_FOUND'],
  [CKR.OBJECT_HANDLE_INVALID, 'PKCS11_KEY_NOT_FOUND'],
  [CKR.TOKEN_NOT_PRESENT, 'PKCS11_TOKEN_NOT_FOUND'],
  [CKR.TOKEN_NOT_RECOGNIZED, 'PKCS11_TOKEN_NOT_FOUND'],
  [CKR.DEVICE_REMOVED, 'PKCS11_TOKEN_NOT_FOUND'],
  [CKR.SLOT_ID_INVALID, 'PKCS11_TOKEN_NOT_FOUND'],
  [CKR.SESSION_CLOSED, 'PKCS11_SESSION_CLOSED'],
  [CKR.SESSION_HANDLE_INVALID, 'PKCS11_SESSION_CLOSED'],
  [CKR.CRYPTOKI_NOT_INITIALIZED, 'PKCS11_SESSION_CLOSED'],
]);

/** A Cryptoki return value carried by an error thrown from the native binding (pkcs11js sets `code`). */
export function ckrOf(e: unknown): number | undefined {
  if (!(e instanceof Error)) return undefined;
  const code = (e as Error & { code?: unknown }).code;
  return typeof code === 'number' && /^CKR_/.test(e.message) ? code : undefined;
}

/**
 * Wraps whatever a Cryptoki call threw into a Pkcs11Error. `operation` is the function name
 * (`C_Sign`); `details` must never carry a PIN.
 */
export function pkcs11ErrorFrom(e: unknown, operation: string, details: Record<string, unknown> = {}): Pkcs11Error {
  if (e instanceof Pkcs11Error) return e;
  const rv = ckrOf(e);
  if (rv === undefined) {
    return new Pkcs11Error('PKCS11_DEVICE_ERROR', { operation, ...details }, { reason: `${operation} failed`, cause: e });
  }
  const code = CKR_ERROR_TABLE.get(rv) ?? 'PKCS11_DEVICE_ERROR';
  const ckr = ckrName(rv);
  return new Pkcs11Error(code, { operation, ckr, rv, ...details }, { reason: `${operation} returned ${ckr}`, cause: e });
}
