import { AsnIntegerArrayBufferConverter, AsnProp, AsnPropTypes } from '@peculiar/asn1-schema';
import { encodeDer, parseDer } from '@openseal/asn1';
import { bigIntToBytes, bytesToBigInt, concatBytes, isOpenSealError } from '@openseal/kernel';
import { CryptoOperationError } from '../errors.js';
import type { AffinePoint, WeierstrassCurve } from './weierstrass-curve.js';

/**
 * GB/T 35276-2017 §7.2 SM2Cipher ::= SEQUENCE { XCoordinate INTEGER, YCoordinate INTEGER,
 *   HASH OCTET STRING SIZE(32), CipherText OCTET STRING }
 */
export class SM2Cipher {
  @AsnProp({ type: AsnPropTypes.Integer, converter: AsnIntegerArrayBufferConverter })
  XCoordinate = new ArrayBuffer(0);
  @AsnProp({ type: AsnPropTypes.Integer, converter: AsnIntegerArrayBufferConverter })
  YCoordinate = new ArrayBuffer(0);
  @AsnProp({ type: AsnPropTypes.OctetString })
  HASH = new ArrayBuffer(0);
  @AsnProp({ type: AsnPropTypes.OctetString })
  CipherText = new ArrayBuffer(0);
}

/**
 * Ciphertext layouts: `der` is GB/T 35276 SM2Cipher (what OpenSSL reads and writes); `c1c3c2` is
 * the raw GB/T 32918.4-2016 order; `c1c2c3` is the legacy 2010-draft order some old systems use.
 */
export type Sm2CiphertextFormat = 'der' | 'c1c3c2' | 'c1c2c3';

export interface Sm2CiphertextParts {
  readonly c1: AffinePoint;
  /** SM3(x2‖M‖y2), 32 bytes. */
  readonly c3: Uint8Array;
  readonly c2: Uint8Array;
}

const HASH_LENGTH = 32;

export function encodeSm2Ciphertext(parts: Sm2CiphertextParts, format: Sm2CiphertextFormat, curve: WeierstrassCurve): Uint8Array {
  if (format === 'der') {
    const cipher = new SM2Cipher();
    cipher.XCoordinate = asnUnsignedInteger(parts.c1.x);
    cipher.YCoordinate = asnUnsignedInteger(parts.c1.y);
    cipher.HASH = parts.c3.slice().buffer as ArrayBuffer;
    cipher.CipherText = parts.c2.slice().buffer as ArrayBuffer;
    return encodeDer(cipher);
  }
  const c1 = curve.encodePoint(parts.c1);
  return format === 'c1c3c2' ? concatBytes(c1, parts.c3, parts.c2) : concatBytes(c1, parts.c2, parts.c3);
}

/** Splits a ciphertext into C1 (checked to be on the curve), C3 and C2; CRYPTO_OPERATION_FAILED otherwise. */
export function decodeSm2Ciphertext(bytes: Uint8Array, format: Sm2CiphertextFormat, curve: WeierstrassCurve): Sm2CiphertextParts {
  const L = curve.byteLength;
  let c1: AffinePoint | null;
  let c3: Uint8Array;
  let c2: Uint8Array;
  if (format === 'der') {
    let cipher: SM2Cipher;
    try {
      cipher = parseDer(bytes, SM2Cipher, 'SM2Cipher');
    } catch (e) {
      if (isOpenSealError(e)) throw new CryptoOperationError('SM2 decryption: ciphertext is not an SM2Cipher', { cause: e });
      throw e;
    }
    const x = unsignedInteger(new Uint8Array(cipher.XCoordinate), L);
    const y = unsignedInteger(new Uint8Array(cipher.YCoordinate), L);
    c1 = x === null || y === null ? null : { x, y };
    if (c1 && !curve.isOnCurve(c1)) c1 = null;
    c3 = new Uint8Array(cipher.HASH);
    c2 = new Uint8Array(cipher.CipherText);
  } else {
    const pointLength = 1 + 2 * L;
    if (bytes.length < pointLength + HASH_LENGTH) throw new CryptoOperationError('SM2 decryption: ciphertext too short');
    c1 = curve.decodePoint(bytes.subarray(0, pointLength));
    const rest = bytes.subarray(pointLength);
    if (format === 'c1c3c2') {
      c3 = rest.subarray(0, HASH_LENGTH);
      c2 = rest.subarray(HASH_LENGTH);
    } else {
      c2 = rest.subarray(0, rest.length - HASH_LENGTH);
      c3 = rest.subarray(rest.length - HASH_LENGTH);
    }
  }
  if (!c1) throw new CryptoOperationError('SM2 decryption: C1 is not a point of the curve');
  if (c3.length !== HASH_LENGTH) throw new CryptoOperationError('SM2 decryption: C3 is not 32 bytes');
  return { c1, c3, c2 };
}

// Minimal two's-complement INTEGER contents for a non-negative value.
function asnUnsignedInteger(v: bigint): ArrayBuffer {
  const raw = v === 0n ? new Uint8Array([0]) : bigIntToBytes(v);
  return ((raw[0] as number) & 0x80 ? concatBytes(new Uint8Array([0]), raw) : raw).slice().buffer as ArrayBuffer;
}

// Lenient on input: some encoders write coordinates as fixed-length unsigned bytes (a "negative"
// INTEGER); C1 is checked on the curve and C3 authenticates the rest.
function unsignedInteger(contents: Uint8Array, maxLength: number): bigint | null {
  let i = 0;
  while (i < contents.length - 1 && contents[i] === 0) i++;
  return contents.length - i > maxLength ? null : bytesToBigInt(contents.subarray(i));
}
