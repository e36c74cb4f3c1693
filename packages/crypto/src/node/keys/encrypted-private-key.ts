import { EncryptedPrivateKeyInfo, EncryptedData as Pkcs8EncryptedData } from '@peculiar/asn1-pkcs8';
import { checkDer, encodeDer, parseDer } from '@openseal/asn1';
import { InvalidArgumentError, OpenSealError, utf8, type RandomSource } from '@openseal/kernel';
import { KeyPassphraseError } from '../../errors.js';
import { encodePem } from '../../keys/pem.js';
import { exportPrivateKeyPkcs8, parsePkcs8PrivateKey } from '../../keys/pkcs8.js';
import type { PrivateKey } from '../../keys/private-key.js';
import { cbcCipherByName } from './cbc-cipher.js';
import { passwordDecrypt } from './password-decrypt.js';
import { pbes2Encrypt, type KdfLimits } from './pbes2.js';

/** PBKDF2 iterations used when none are given (OWASP 2023 figure for PBKDF2-HMAC-SHA256: ≈0.2 s here). */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;

export interface EncryptPrivateKeyOptions {
  cipher: 'SM4-CBC' | 'AES-256-CBC';
  /** Default HMAC-SHA256 (OpenSSL 3.0 cannot read an HMAC-SM3 PRF). */
  prf?: 'HMAC-SHA256' | 'HMAC-SM3';
  iterations?: number;
  /** Salt and IV source. */
  random: RandomSource;
}

/** Encrypts a key as PKCS#8 EncryptedPrivateKeyInfo with PBES2 (RFC 5958 §3, RFC 8018 §6.2); returns DER. */
export function encryptPrivateKey(key: PrivateKey, passphrase: string, options: EncryptPrivateKeyOptions): Uint8Array {
  if (passphrase.length === 0) throw new InvalidArgumentError('An empty passphrase cannot protect a private key');
  const cipher = cbcCipherByName(options.cipher);
  if (!cipher) throw new InvalidArgumentError(`Unknown cipher ${options.cipher}`, { cipher: options.cipher });
  const { algorithm, ciphertext } = pbes2Encrypt(exportPrivateKeyPkcs8(key), utf8(passphrase), {
    cipher,
    prf: options.prf ?? 'HMAC-SHA256',
    iterations: options.iterations ?? DEFAULT_PBKDF2_ITERATIONS,
    random: options.random,
  });
  return encodeDer(new EncryptedPrivateKeyInfo({ encryptionAlgorithm: algorithm, encryptedData: new Pkcs8EncryptedData(ciphertext) }));
}

/** `encryptPrivateKey` as PEM (`ENCRYPTED PRIVATE KEY`). */
export function encryptPrivateKeyPem(key: PrivateKey, passphrase: string, options: EncryptPrivateKeyOptions): string {
  return encodePem('ENCRYPTED PRIVATE KEY', encryptPrivateKey(key, passphrase, options));
}

/**
 * Decrypts a DER EncryptedPrivateKeyInfo to its PKCS#8 DER. A missing passphrase gives
 * KEY_PASSPHRASE_INVALID (missing); one that does not decrypt to DER gives (wrong).
 */
export function decryptPrivateKeyInfo(der: Uint8Array, passphrase: string | undefined, limits: KdfLimits = {}): Uint8Array {
  const info = parseDer(der, EncryptedPrivateKeyInfo, 'EncryptedPrivateKeyInfo');
  if (passphrase === undefined) throw new KeyPassphraseError('missing');
  const plain = passwordDecrypt(info.encryptionAlgorithm, new Uint8Array(info.encryptedData.buffer), passphrase, limits);
  try {
    checkDer(plain);
  } catch (e) {
    if (e instanceof OpenSealError) throw new KeyPassphraseError('wrong', {}, { cause: e });
    throw e;
  }
  return plain;
}

/** Decrypts and parses an encrypted PKCS#8 key. */
export function decryptPrivateKey(der: Uint8Array, passphrase: string | undefined, limits: KdfLimits = {}): PrivateKey {
  return parsePkcs8PrivateKey(decryptPrivateKeyInfo(der, passphrase, limits));
}
