import { createCipheriv, createDecipheriv } from 'node:crypto';
import { OID } from '@openseal/asn1';
import { concatBytes } from '@openseal/kernel';
import { KeyFormatError, KeyPassphraseError } from '../../errors.js';

/** A CBC block cipher with PKCS#7 padding, as PBES2 (RFC 8018 §B.2) and legacy PEM use them. */
export interface CbcCipher {
  /** Name as in DEK-Info and OpenSSL, e.g. `AES-256-CBC`. */
  readonly name: string;
  readonly oid: string;
  readonly keyLength: number;
  readonly blockSize: number;
  /** Node / OpenSSL cipher name. */
  readonly nodeName: string;
}

export const CBC_CIPHERS: readonly CbcCipher[] = [
  { name: 'AES-128-CBC', oid: OID.aes128CBC, keyLength: 16, blockSize: 16, nodeName: 'aes-128-cbc' },
  { name: 'AES-192-CBC', oid: OID.aes192CBC, keyLength: 24, blockSize: 16, nodeName: 'aes-192-cbc' },
  { name: 'AES-256-CBC', oid: OID.aes256CBC, keyLength: 32, blockSize: 16, nodeName: 'aes-256-cbc' },
  { name: 'SM4-CBC', oid: OID.sm4CBC, keyLength: 16, blockSize: 16, nodeName: 'sm4-cbc' }, // GB/T 32907
  { name: 'DES-EDE3-CBC', oid: OID.desEDE3CBC, keyLength: 24, blockSize: 8, nodeName: 'des-ede3-cbc' },
];

export function cbcCipherByOid(oid: string): CbcCipher | undefined {
  return CBC_CIPHERS.find((c) => c.oid === oid);
}

export function cbcCipherByName(name: string): CbcCipher | undefined {
  const upper = name.toUpperCase();
  return CBC_CIPHERS.find((c) => c.name === upper);
}

/**
 * Decrypts and unpads. A padding failure almost always means a wrong passphrase, so it is reported
 * as KEY_PASSPHRASE_INVALID; callers still parse the result, which catches the rare false pass.
 */
export function cbcDecrypt(cipher: CbcCipher, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (key.length !== cipher.keyLength || iv.length !== cipher.blockSize) {
    throw new KeyFormatError(`${cipher.name} key or IV has the wrong length`, { iv: iv.length });
  }
  if (data.length === 0 || data.length % cipher.blockSize !== 0) {
    throw new KeyFormatError(`${cipher.name} ciphertext is not a whole number of blocks`, { length: data.length });
  }
  let plain: Uint8Array;
  try {
    const d = createDecipheriv(cipher.nodeName, key, iv);
    plain = concatBytes(d.update(data), d.final());
  } catch (e) {
    throw new KeyPassphraseError('wrong', { cipher: cipher.name }, { cause: e });
  }
  return plain;
}

export function cbcEncrypt(cipher: CbcCipher, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  const c = createCipheriv(cipher.nodeName, key, iv);
  return concatBytes(c.update(data), c.final());
}
