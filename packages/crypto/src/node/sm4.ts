import { createCipheriv, createDecipheriv } from 'node:crypto';
import { InvalidArgumentError } from '@openseal/kernel';
import { CryptoOperationError } from '../errors.js';
import { gcmDecrypt, gcmEncrypt, type GcmBlockCipher, type GcmOptions, type GcmSealed } from '../sm4/gcm-mode.js';

/** SM4 (GB/T 32907-2016) on node:crypto. ECB/CBC pad with PKCS#7 unless `padding: false`. */
export interface Sm4PaddingOptions {
  /** PKCS#7 padding (default true); without it the data must be a multiple of 16 bytes. */
  padding?: boolean;
}

const BLOCK = 16;

export function sm4EcbEncrypt(key: Uint8Array, data: Uint8Array, options: Sm4PaddingOptions = {}): Uint8Array {
  return run('encrypt', 'sm4-ecb', key, null, data, options.padding ?? true);
}

export function sm4EcbDecrypt(key: Uint8Array, data: Uint8Array, options: Sm4PaddingOptions = {}): Uint8Array {
  return run('decrypt', 'sm4-ecb', key, null, data, options.padding ?? true);
}

export function sm4CbcEncrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array, options: Sm4PaddingOptions = {}): Uint8Array {
  return run('encrypt', 'sm4-cbc', key, checkIv(iv), data, options.padding ?? true);
}

export function sm4CbcDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array, options: Sm4PaddingOptions = {}): Uint8Array {
  return run('decrypt', 'sm4-cbc', key, checkIv(iv), data, options.padding ?? true);
}

/** SM4-CTR with a 16-byte initial counter block incremented big-endian; encryption = decryption. */
export function sm4Ctr(key: Uint8Array, counter: Uint8Array, data: Uint8Array): Uint8Array {
  return run('encrypt', 'sm4-ctr', key, checkIv(counter), data, false);
}

/** SM4-GCM (NIST SP 800-38D over SM4, as RFC 8998 uses it). Node has no sm4-gcm: GHASH runs in JS. */
export function sm4GcmEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, options: GcmOptions = {}): GcmSealed {
  return gcmEncrypt(sm4BlockCipher(key), iv, plaintext, options);
}

/** SM4-GCM decryption; CRYPTO_OPERATION_FAILED when the tag does not match. */
export function sm4GcmDecrypt(
  key: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
  tag: Uint8Array,
  options: Omit<GcmOptions, 'tagLength'> = {},
): Uint8Array {
  return gcmDecrypt(sm4BlockCipher(key), iv, ciphertext, tag, options);
}

/** A node:crypto block cipher ('sm4' or e.g. 'aes-128') in the shape GCM needs. */
export function nodeGcmBlockCipher(cipherName: string, key: Uint8Array): GcmBlockCipher {
  return {
    encryptBlock(block) {
      const c = createCipheriv(`${cipherName}-ecb`, key, null).setAutoPadding(false);
      return new Uint8Array(Buffer.concat([c.update(block), c.final()]));
    },
    ctr(counter, data) {
      const c = createCipheriv(`${cipherName}-ctr`, key, counter);
      return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
    },
  };
}

function sm4BlockCipher(key: Uint8Array): GcmBlockCipher {
  checkKey(key);
  return nodeGcmBlockCipher('sm4', key);
}

function run(direction: 'encrypt' | 'decrypt', algorithm: string, key: Uint8Array, iv: Uint8Array | null, data: Uint8Array, padding: boolean): Uint8Array {
  checkKey(key);
  if (!padding && algorithm !== 'sm4-ctr' && data.length % BLOCK !== 0) {
    throw new InvalidArgumentError('without padding, SM4 ECB/CBC data must be a multiple of 16 bytes', { length: data.length });
  }
  const c = direction === 'encrypt' ? createCipheriv(algorithm, key, iv) : createDecipheriv(algorithm, key, iv);
  c.setAutoPadding(padding);
  try {
    return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
  } catch (e) {
    // OpenSSL reports a wrong key or altered data as bad padding or a bad length.
    throw new CryptoOperationError(`${algorithm} ${direction}`, { cause: e });
  }
}

function checkKey(key: Uint8Array): void {
  if (key.length !== BLOCK) throw new InvalidArgumentError('SM4 key must be 16 bytes', { length: key.length });
}

function checkIv(iv: Uint8Array): Uint8Array {
  if (iv.length !== BLOCK) throw new InvalidArgumentError('SM4 IV / counter block must be 16 bytes', { length: iv.length });
  return iv;
}
