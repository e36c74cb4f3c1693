import type * as Pkcs11js from 'pkcs11js';
import { CKF } from './constants.js';
import type { Pkcs11Handle } from './native.js';

/** CK_TOKEN_INFO.flags as booleans (PKCS#11 v2.40 §3.2, Table 9). */
export interface TokenFlags {
  readonly initialized: boolean;
  readonly userPinInitialized: boolean;
  readonly loginRequired: boolean;
  readonly protectedAuthenticationPath: boolean;
  readonly writeProtected: boolean;
  readonly rng: boolean;
  readonly userPinCountLow: boolean;
  readonly userPinFinalTry: boolean;
  readonly userPinLocked: boolean;
  readonly userPinToBeChanged: boolean;
  readonly soPinCountLow: boolean;
  readonly soPinFinalTry: boolean;
  readonly soPinLocked: boolean;
  readonly soPinToBeChanged: boolean;
}

/** A slot with a token present, as listed to an administrator (USB-key management). */
export interface TokenDescription {
  readonly slotId: number;
  readonly slotDescription: string;
  readonly removable: boolean;
  readonly label: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly serialNumber: string;
  readonly flags: TokenFlags;
  readonly minPinLength: number;
  readonly maxPinLength: number;
  readonly hardwareVersion: string;
  readonly firmwareVersion: string;
}

/** Which token to use: every given field must match; at least one must be given. */
export interface TokenSelector {
  readonly label?: string;
  readonly serialNumber?: string;
  readonly slotId?: number;
}

/** CK_SLOT_ID from the native-endian CK_ULONG that pkcs11js hands out. */
export function slotIdOf(handle: Pkcs11Handle): number {
  const value = handle.length >= 8 ? handle.readBigUInt64LE(0) : BigInt(handle.readUInt32LE(0));
  return Number(value);
}

// CK_UTF8CHAR fields are blank-padded to fixed widths (PKCS#11 v2.40 §3.2).
function unpad(text: string): string {
  return text.replace(/[\s\0]+$/u, '');
}

const version = (v: Pkcs11js.Version): string => `${v.major}.${v.minor}`;

export function describeToken(slot: Pkcs11Handle, slotInfo: Pkcs11js.SlotInfo, info: Pkcs11js.TokenInfo): TokenDescription {
  const f = info.flags;
  const has = (flag: number): boolean => (f & flag) !== 0;
  return {
    slotId: slotIdOf(slot),
    slotDescription: unpad(slotInfo.slotDescription),
    removable: (slotInfo.flags & CKF.REMOVABLE_DEVICE) !== 0,
    label: unpad(info.label),
    manufacturer: unpad(info.manufacturerID),
    model: unpad(info.model),
    serialNumber: unpad(info.serialNumber),
    flags: {
      initialized: has(CKF.TOKEN_INITIALIZED),
      userPinInitialized: has(CKF.USER_PIN_INITIALIZED),
      loginRequired: has(CKF.LOGIN_REQUIRED),
      protectedAuthenticationPath: has(CKF.PROTECTED_AUTHENTICATION_PATH),
      writeProtected: has(CKF.WRITE_PROTECTED),
      rng: has(CKF.RNG),
      userPinCountLow: has(CKF.USER_PIN_COUNT_LOW),
      userPinFinalTry: has(CKF.USER_PIN_FINAL_TRY),
      userPinLocked: has(CKF.USER_PIN_LOCKED),
      userPinToBeChanged: has(CKF.USER_PIN_TO_BE_CHANGED),
      soPinCountLow: has(CKF.SO_PIN_COUNT_LOW),
      soPinFinalTry: has(CKF.SO_PIN_FINAL_TRY),
      soPinLocked: has(CKF.SO_PIN_LOCKED),
      soPinToBeChanged: has(CKF.SO_PIN_TO_BE_CHANGED),
    },
    minPinLength: info.minPinLen,
    maxPinLength: info.maxPinLen,
    hardwareVersion: version(info.hardwareVersion),
    firmwareVersion: version(info.firmwareVersion),
  };
}

export function tokenMatches(token: TokenDescription, selector: TokenSelector): boolean {
  return (
    (selector.label === undefined || token.label === selector.label) &&
    (selector.serialNumber === undefined || token.serialNumber === selector.serialNumber) &&
    (selector.slotId === undefined || token.slotId === selector.slotId)
  );
}
