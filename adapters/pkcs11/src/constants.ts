// Cryptoki numeric constants OpenSeal uses (PKCS#11 Base Specification v2.40 / v3.0, pkcs11t.h).
// Kept here as plain data so that mechanism tables and error tables do not load the native addon.

/** Object classes (CK_OBJECT_CLASS). */
export const CKO = {
  DATA: 0x0,
  CERTIFICATE: 0x1,
  PUBLIC_KEY: 0x2,
  PRIVATE_KEY: 0x3,
} as const;

/** Key types (CK_KEY_TYPE). */
export const CKK = {
  RSA: 0x0,
  EC: 0x3,
  VENDOR_DEFINED: 0x80000000,
} as const;

/** Certificate types (CK_CERTIFICATE_TYPE). */
export const CKC = { X_509: 0x0 } as const;

/** User types (CK_USER_TYPE). */
export const CKU = { SO: 0x0, USER: 0x1, CONTEXT_SPECIFIC: 0x2 } as const;

/** Session states (CK_STATE). */
export const CKS = { RO_PUBLIC_SESSION: 0, RO_USER_FUNCTIONS: 1, RW_PUBLIC_SESSION: 2, RW_USER_FUNCTIONS: 3, RW_SO_FUNCTIONS: 4 } as const;

/** Attribute types (CK_ATTRIBUTE_TYPE). */
export const CKA = {
  CLASS: 0x0,
  TOKEN: 0x1,
  PRIVATE: 0x2,
  LABEL: 0x3,
  VALUE: 0x11,
  CERTIFICATE_TYPE: 0x80,
  ISSUER: 0x81,
  SERIAL_NUMBER: 0x82,
  KEY_TYPE: 0x100,
  SUBJECT: 0x101,
  ID: 0x102,
  SENSITIVE: 0x103,
  ENCRYPT: 0x104,
  DECRYPT: 0x105,
  WRAP: 0x106,
  UNWRAP: 0x107,
  SIGN: 0x108,
  VERIFY: 0x10a,
  DERIVE: 0x10c,
  MODULUS: 0x120,
  MODULUS_BITS: 0x121,
  PUBLIC_EXPONENT: 0x122,
  EXTRACTABLE: 0x162,
  LOCAL: 0x163,
  NEVER_EXTRACTABLE: 0x164,
  ALWAYS_SENSITIVE: 0x165,
  MODIFIABLE: 0x170,
  EC_PARAMS: 0x180,
  EC_POINT: 0x181,
  ALWAYS_AUTHENTICATE: 0x202,
} as const;

/** Mechanism types (CK_MECHANISM_TYPE) that the default profile and key generation use. */
export const CKM = {
  RSA_PKCS_KEY_PAIR_GEN: 0x0,
  RSA_PKCS: 0x1,
  RSA_PKCS_PSS: 0xd,
  SHA1_RSA_PKCS_PSS: 0xe,
  SHA256_RSA_PKCS: 0x40,
  SHA384_RSA_PKCS: 0x41,
  SHA512_RSA_PKCS: 0x42,
  SHA256_RSA_PKCS_PSS: 0x43,
  SHA384_RSA_PKCS_PSS: 0x44,
  SHA512_RSA_PKCS_PSS: 0x45,
  SHA_1: 0x220,
  SHA256: 0x250,
  SHA384: 0x260,
  SHA512: 0x270,
  EC_KEY_PAIR_GEN: 0x1040,
  ECDSA: 0x1041,
  ECDSA_SHA256: 0x1044,
  ECDSA_SHA384: 0x1045,
  ECDSA_SHA512: 0x1046,
  VENDOR_DEFINED: 0x80000000,
} as const;

/** Mask generation functions for CK_RSA_PKCS_PSS_PARAMS (CK_RSA_PKCS_MGF_TYPE). */
export const CKG = { MGF1_SHA1: 0x1, MGF1_SHA256: 0x2, MGF1_SHA384: 0x3, MGF1_SHA512: 0x4 } as const;

/** Flags of C_Initialize, sessions, slots, tokens and mechanisms. */
export const CKF = {
  OS_LOCKING_OK: 0x2,
  RW_SESSION: 0x2,
  SERIAL_SESSION: 0x4,
  // CK_SLOT_INFO.flags
  TOKEN_PRESENT: 0x1,
  REMOVABLE_DEVICE: 0x2,
  HW_SLOT: 0x4,
  // CK_TOKEN_INFO.flags
  RNG: 0x1,
  WRITE_PROTECTED: 0x2,
  LOGIN_REQUIRED: 0x4,
  USER_PIN_INITIALIZED: 0x8,
  PROTECTED_AUTHENTICATION_PATH: 0x100,
  TOKEN_INITIALIZED: 0x400,
  USER_PIN_COUNT_LOW: 0x10000,
  USER_PIN_FINAL_TRY: 0x20000,
  USER_PIN_LOCKED: 0x40000,
  USER_PIN_TO_BE_CHANGED: 0x80000,
  SO_PIN_COUNT_LOW: 0x100000,
  SO_PIN_FINAL_TRY: 0x200000,
  SO_PIN_LOCKED: 0x400000,
  SO_PIN_TO_BE_CHANGED: 0x800000,
  // CK_MECHANISM_INFO.flags
  HW: 0x1,
  SIGN: 0x800,
  GENERATE_KEY_PAIR: 0x10000,
} as const;

/** Return values (CK_RV) that the error table names. */
export const CKR = {
  OK: 0x0,
  CANCEL: 0x1,
  HOST_MEMORY: 0x2,
  SLOT_ID_INVALID: 0x3,
  GENERAL_ERROR: 0x5,
  FUNCTION_FAILED: 0x6,
  ARGUMENTS_BAD: 0x7,
  ATTRIBUTE_READ_ONLY: 0x10,
  ATTRIBUTE_SENSITIVE: 0x11,
  ATTRIBUTE_TYPE_INVALID: 0x12,
  ATTRIBUTE_VALUE_INVALID: 0x13,
  ACTION_PROHIBITED: 0x1b,
  DATA_INVALID: 0x20,
  DATA_LEN_RANGE: 0x21,
  DEVICE_ERROR: 0x30,
  DEVICE_MEMORY: 0x31,
  DEVICE_REMOVED: 0x32,
  FUNCTION_CANCELED: 0x50,
  FUNCTION_NOT_SUPPORTED: 0x54,
  KEY_HANDLE_INVALID: 0x60,
  KEY_SIZE_RANGE: 0x62,
  KEY_TYPE_INCONSISTENT: 0x63,
  KEY_FUNCTION_NOT_PERMITTED: 0x68,
  MECHANISM_INVALID: 0x70,
  MECHANISM_PARAM_INVALID: 0x71,
  OBJECT_HANDLE_INVALID: 0x82,
  OPERATION_ACTIVE: 0x90,
  OPERATION_NOT_INITIALIZED: 0x91,
  PIN_INCORRECT: 0xa0,
  PIN_INVALID: 0xa1,
  PIN_LEN_RANGE: 0xa2,
  PIN_EXPIRED: 0xa3,
  PIN_LOCKED: 0xa4,
  SESSION_CLOSED: 0xb0,
  SESSION_COUNT: 0xb1,
  SESSION_HANDLE_INVALID: 0xb3,
  SESSION_READ_ONLY: 0xb5,
  SESSION_EXISTS: 0xb6,
  SESSION_READ_ONLY_EXISTS: 0xb7,
  SESSION_READ_WRITE_SO_EXISTS: 0xb8,
  TEMPLATE_INCOMPLETE: 0xd0,
  TEMPLATE_INCONSISTENT: 0xd1,
  TOKEN_NOT_PRESENT: 0xe0,
  TOKEN_NOT_RECOGNIZED: 0xe1,
  TOKEN_WRITE_PROTECTED: 0xe2,
  USER_ALREADY_LOGGED_IN: 0x100,
  USER_NOT_LOGGED_IN: 0x101,
  USER_PIN_NOT_INITIALIZED: 0x102,
  USER_TYPE_INVALID: 0x103,
  USER_ANOTHER_ALREADY_LOGGED_IN: 0x104,
  USER_TOO_MANY_TYPES: 0x105,
  CURVE_NOT_SUPPORTED: 0x140,
  BUFFER_TOO_SMALL: 0x150,
  CRYPTOKI_NOT_INITIALIZED: 0x190,
  CRYPTOKI_ALREADY_INITIALIZED: 0x191,
  FUNCTION_REJECTED: 0x200,
  VENDOR_DEFINED: 0x80000000,
} as const;

function reverse(table: Readonly<Record<string, number>>, prefix: string): ReadonlyMap<number, string> {
  return new Map(Object.entries(table).map(([name, value]) => [value, `${prefix}${name}`]));
}

const CKR_NAMES = reverse(CKR, 'CKR_');
const CKM_NAMES = reverse(CKM, 'CKM_');

/** `CKR_PIN_INCORRECT` for 0xa0; vendor and unknown values as hex. */
export function ckrName(rv: number): string {
  return CKR_NAMES.get(rv) ?? (rv >= CKR.VENDOR_DEFINED ? `CKR_VENDOR_DEFINED+0x${(rv - CKR.VENDOR_DEFINED).toString(16)}` : `CKR_0x${rv.toString(16)}`);
}

/** `CKM_ECDSA` for 0x1041; vendor and unknown values as hex. */
export function ckmName(mechanism: number): string {
  return CKM_NAMES.get(mechanism) ?? (mechanism >= CKM.VENDOR_DEFINED ? `CKM_VENDOR_DEFINED+0x${(mechanism - CKM.VENDOR_DEFINED).toString(16)}` : `CKM_0x${mechanism.toString(16)}`);
}
