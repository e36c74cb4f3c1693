import {
  encryptPrivateKeyPem,
  loadKeyAndCertificates,
  type KeyAndCertificates,
} from '@openseal/crypto/node';
import { privateKeyToPem, type PrivateKey } from '@openseal/crypto';
import type { RandomSource } from '@openseal/kernel';
import { readInput, writeOutput } from './files.js';
import { resolvePassphrase, type PassphraseOptions } from './passphrase.js';

/** Reads a key (PEM/DER: PKCS#8, encrypted PKCS#8, SEC1, PKCS#1, OpenSSL SM2, or PKCS#12). */
export function readKeyFile(path: string, passphrase: PassphraseOptions): KeyAndCertificates {
  const pass = resolvePassphrase(passphrase);
  return loadKeyAndCertificates(readInput(path), pass === undefined ? {} : { passphrase: pass });
}

/** Writes a private key as PEM: encrypted PKCS#8 (PBES2) when a passphrase is given, else plain PKCS#8. */
export function writeKeyFile(
  path: string,
  key: PrivateKey,
  options: { passphrase?: string | undefined; cipher?: 'SM4-CBC' | 'AES-256-CBC'; random: RandomSource },
): void {
  const pem =
    options.passphrase === undefined
      ? privateKeyToPem(key)
      : encryptPrivateKeyPem(key, options.passphrase, { cipher: options.cipher ?? 'AES-256-CBC', random: options.random });
  writeOutput(path, pem, { secret: true });
}
