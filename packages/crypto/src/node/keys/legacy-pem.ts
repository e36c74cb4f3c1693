import { createHash } from 'node:crypto';
import { checkDer } from '@openseal/asn1';
import { OpenSealError, concatBytes, fromHex, utf8 } from '@openseal/kernel';
import { CryptoUnsupportedError, KeyFormatError, KeyPassphraseError } from '../../errors.js';
import { cbcCipherByName, cbcDecrypt } from './cbc-cipher.js';

/**
 * Decrypts OpenSSL's traditional PEM encryption (RFC 1421 `Proc-Type: 4,ENCRYPTED`,
 * `DEK-Info: <cipher>,<hex IV>`), whose key is EVP_BytesToKey(MD5, pass, IV[0..8], 1).
 * Returns the inner DER (SEC 1 or PKCS#1). Prefer PKCS#8: `openssl pkcs8 -topk8 -v2 aes-256-cbc`.
 */
export function decryptLegacyPem(der: Uint8Array, dekInfo: string, passphrase: string | undefined): Uint8Array {
  const [cipherName = '', ivHex = ''] = dekInfo.split(',').map((s) => s.trim());
  const cipher = cbcCipherByName(cipherName);
  if (!cipher) {
    throw new CryptoUnsupportedError(`PEM encryption ${cipherName}; convert with \`openssl pkcs8 -topk8 -v2 aes-256-cbc\``, { cipher: cipherName });
  }
  let iv: Uint8Array;
  try {
    iv = fromHex(ivHex);
  } catch (e) {
    throw new KeyFormatError('DEK-Info IV is not hex', {}, { cause: e });
  }
  if (iv.length !== cipher.blockSize) throw new KeyFormatError('DEK-Info IV has the wrong length', { length: iv.length });
  if (passphrase === undefined) throw new KeyPassphraseError('missing');
  const key = bytesToKey(utf8(passphrase), iv.subarray(0, 8), cipher.keyLength);
  const plain = cbcDecrypt(cipher, key, iv, der);
  try {
    checkDer(plain);
  } catch (e) {
    if (e instanceof OpenSealError) throw new KeyPassphraseError('wrong', {}, { cause: e });
    throw e;
  }
  return plain;
}

// OpenSSL EVP_BytesToKey with MD5 and one iteration: D_i = MD5(D_{i-1} ‖ pass ‖ salt).
function bytesToKey(pass: Uint8Array, salt: Uint8Array, length: number): Uint8Array {
  let out: Uint8Array = new Uint8Array(0);
  let prev: Uint8Array = new Uint8Array(0);
  while (out.length < length) {
    prev = new Uint8Array(createHash('md5').update(concatBytes(prev, pass, salt)).digest());
    out = concatBytes(out, prev);
  }
  return out.subarray(0, length);
}
