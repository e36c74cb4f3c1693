import { KeyFormatError } from '../errors.js';
import { readKeyMaterial, type KeySource } from './key-source.js';
import { parsePkcs1PrivateKey } from './pkcs1.js';
import { parsePkcs8PrivateKey } from './pkcs8.js';
import type { PrivateKey } from './private-key.js';
import { parseSec1PrivateKey } from './sec1.js';

/**
 * Parses an unencrypted private key (PEM or DER; PKCS#8, SEC 1, PKCS#1). Browser-safe: encrypted
 * keys and PKCS#12 need `loadPrivateKey` from `@openseal/crypto/node`, and are refused here.
 */
export function parsePrivateKey(input: Uint8Array | string): PrivateKey {
  return parseKeySource(readKeyMaterial(input).key);
}

/** Parses an unencrypted KeySource; throws KEY_FORMAT_INVALID for encrypted containers. */
export function parseKeySource(source: KeySource): PrivateKey {
  if (source.pemEncryption) throw new KeyFormatError('the PEM key is encrypted: decrypt it with loadPrivateKey from @openseal/crypto/node');
  switch (source.container) {
    case 'pkcs8':
      return parsePkcs8PrivateKey(source.der);
    case 'sec1':
      return parseSec1PrivateKey(source.der);
    case 'pkcs1':
      return parsePkcs1PrivateKey(source.der);
    case 'encrypted-pkcs8':
    case 'pkcs12':
      throw new KeyFormatError(`a ${source.container} key needs decryption: use loadPrivateKey from @openseal/crypto/node`, {
        container: source.container,
      });
  }
}
