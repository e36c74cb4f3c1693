import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CKA, CKF, CKG, CKK, CKM, CKO, CKR, CKS, CKU, ckmName, ckrName } from './constants.js';
import { pkcs11ErrorFrom } from './ckr-errors.js';
import { Pkcs11Error } from './errors.js';

/** Builds an error shaped like pkcs11js's Pkcs11Error. */
function nativeError(name: string, rv: number): Error {
  return Object.assign(new Error(name), { code: rv });
}

describe('CKR → error code table', () => {
  it.each([
    [CKR.PIN_INCORRECT, 'PKCS11_PIN_INCORRECT'],
    [CKR.PIN_LOCKED, 'PKCS11_PIN_LOCKED'],
    [CKR.PIN_LEN_RANGE, 'PKCS11_PIN_INVALID'],
    [CKR.MECHANISM_INVALID, 'PKCS11_MECHANISM_UNSUPPORTED'],
    [CKR.TOKEN_NOT_PRESENT, 'PKCS11_TOKEN_NOT_FOUND'],
    [CKR.KEY_HANDLE_INVALID, 'PKCS11_KEY_NOT_FOUND'],
    [CKR.KEY_FUNCTION_NOT_PERMITTED, 'PKCS11_NOT_PERMITTED'],
    [CKR.DEVICE_ERROR, 'PKCS11_DEVICE_ERROR'],
    [CKR.GENERAL_ERROR, 'PKCS11_DEVICE_ERROR'],
    [CKR.VENDOR_DEFINED + 7, 'PKCS11_DEVICE_ERROR'],
  ])('maps %s to %s with the CKR name and operation in details', (rv, code) => {
    const e = pkcs11ErrorFrom(nativeError(ckrName(rv), rv), 'C_Sign', { token: 't' });
    expect(e).toBeInstanceOf(Pkcs11Error);
    expect(e.toJSON()).toMatchObject({ code, details: { operation: 'C_Sign', ckr: ckrName(rv), rv, token: 't' } });
    expect(e.message).toContain(ckrName(rv));
  });

  it('maps errors without a CKR value to PKCS11_DEVICE_ERROR and keeps the cause', () => {
    const cause = new Error('dlopen failed');
    const e = pkcs11ErrorFrom(cause, 'C_GetSlotList');
    expect(e.code).toBe('PKCS11_DEVICE_ERROR');
    expect(e.cause).toBe(cause);
  });

  it('names vendor and unknown values in hex', () => {
    expect(ckrName(CKR.VENDOR_DEFINED + 0x10)).toBe('CKR_VENDOR_DEFINED+0x10');
    expect(ckmName(CKM.VENDOR_DEFINED + 0x8001)).toBe('CKM_VENDOR_DEFINED+0x8001');
    expect(ckrName(0x777)).toBe('CKR_0x777');
  });
});

describe('constants', () => {
  it('agree with the values pkcs11js (from the OASIS headers) exports', () => {
    const binding = createRequire(import.meta.url)('pkcs11js') as Record<string, unknown>;
    const tables = { CKA, CKF, CKG, CKK, CKM, CKO, CKR, CKS, CKU } as Record<string, Record<string, number>>;
    let checked = 0;
    for (const [prefix, table] of Object.entries(tables)) {
      for (const [name, value] of Object.entries(table)) {
        const theirs = binding[`${prefix}_${name}`];
        if (theirs === undefined) continue; // pkcs11js targets v2.40 headers; e.g. CKR_ACTION_PROHIBITED is v3.0
        expect({ name: `${prefix}_${name}`, value }).toEqual({ name: `${prefix}_${name}`, value: theirs });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(120);
  });
});
