import { constants, privateEncrypt, sign as nodeSignRaw, type KeyObject, type SignKeyObjectInput } from 'node:crypto';
import { concatBytes, fromHex, type RandomSource } from '@openseal/kernel';
import { algorithmFitsKey, DIGEST_LENGTH, type KeyType, type SignatureAlgorithm } from '../algorithms.js';
import { CryptoOperationError, CryptoUnsupportedError, KeyAlgorithmMismatchError, KeyFormatError } from '../errors.js';
import { assertSupportedAlgorithm } from '../verification/verify-signature.js';
import { NODE_DIGEST_NAME, nodeDigest } from './node-hash.js';
import { NODE_SM2 } from './node-sm2.js';

/** A private key in the form the Node signing helper takes. */
export type NodeSigningKey =
  | {
      readonly keyType: 'SM2';
      /** The 32-byte private scalar d. */
      readonly d: Uint8Array;
      /** 04‖x‖y, if known (saves computing it). */
      readonly publicKey?: Uint8Array;
    }
  | { readonly keyType: 'RSA' | 'EC-P256' | 'EC-P384'; readonly keyObject: KeyObject };

/** RSA key sizes this helper signs with. */
export const RSA_SIGN_MIN_BITS = 2048;
export const RSA_SIGN_MAX_BITS = 4096;

const NAMED_CURVE: Readonly<Record<'EC-P256' | 'EC-P384', string>> = { 'EC-P256': 'prime256v1', 'EC-P384': 'secp384r1' };

/**
 * Signs `data` (the message) and returns the standard encoding: DER SEQUENCE{r,s} for SM2 and ECDSA,
 * the modulus-sized block for RSA. SM2 uses OpenSSL's native curve arithmetic with k drawn from
 * `random` and the SM2 user ID of the algorithm (default "1234567812345678"), never Node's own SM2
 * (which uses an empty ID). ECDSA and RSA-PSS nonces/salts come from OpenSSL's CSPRNG.
 */
export async function nodeSign(algorithm: SignatureAlgorithm, key: NodeSigningKey, data: Uint8Array, random: RandomSource): Promise<Uint8Array> {
  if (!algorithmFitsKey(algorithm, key.keyType)) throw new KeyAlgorithmMismatchError(key.keyType, algorithm.name);
  assertSupportedAlgorithm(algorithm);
  if (key.keyType === 'SM2') {
    if (algorithm.name !== 'SM2') throw new KeyAlgorithmMismatchError(key.keyType, algorithm.name);
    return NODE_SM2.sign(key.d, data, {
      random,
      ...(algorithm.userId === undefined ? {} : { userId: algorithm.userId }),
      ...(key.publicKey === undefined ? {} : { publicKey: key.publicKey }),
    });
  }
  checkKeyObject(key.keyType, key.keyObject);
  const hash = NODE_DIGEST_NAME[algorithm.hash];
  switch (algorithm.name) {
    case 'ECDSA':
      // A P-256/P-384 signature takes tens of microseconds: the thread-pool hop would cost more.
      return new Uint8Array(nodeSignRaw(hash, data, { key: key.keyObject, dsaEncoding: 'der' }));
    case 'RSASSA-PKCS1-v1_5':
      if (algorithm.hash === 'SM3') return signSm3WithRsa(key.keyObject, data);
      return signAsync(hash, data, { key: key.keyObject, padding: constants.RSA_PKCS1_PADDING });
    case 'RSA-PSS':
      return signAsync(hash, data, {
        key: key.keyObject,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: algorithm.saltLength ?? DIGEST_LENGTH[algorithm.hash],
      });
    default:
      throw new KeyAlgorithmMismatchError(key.keyType, algorithm.name);
  }
}

function checkKeyObject(keyType: Exclude<KeyType, 'SM2'>, keyObject: KeyObject): void {
  if (keyObject.type !== 'private') throw new KeyFormatError('signing needs a private key object', { keyType });
  const details = keyObject.asymmetricKeyDetails ?? {};
  if (keyType === 'RSA') {
    if (keyObject.asymmetricKeyType !== 'rsa' && keyObject.asymmetricKeyType !== 'rsa-pss') {
      throw new KeyFormatError('key object is not an RSA key', { keyType, actual: keyObject.asymmetricKeyType });
    }
    const bits = details.modulusLength ?? 0;
    if (bits < RSA_SIGN_MIN_BITS || bits > RSA_SIGN_MAX_BITS) throw new CryptoUnsupportedError(`RSA key size ${bits}`, { bits });
    return;
  }
  if (keyObject.asymmetricKeyType !== 'ec' || details.namedCurve !== NAMED_CURVE[keyType]) {
    throw new KeyFormatError(`key object is not a ${keyType} key`, { keyType, actual: details.namedCurve ?? keyObject.asymmetricKeyType });
  }
}

// OpenSSL 3.0 refuses SM3 as an RSA signature digest: RFC 8017 §8.2.1 from its parts, i.e. the
// private-key operation with PKCS#1 type-1 padding over DigestInfo{sm3, NULL, SM3(M)}.
function signSm3WithRsa(keyObject: KeyObject, data: Uint8Array): Uint8Array {
  const digestInfo = concatBytes(fromHex('3030300c06082a811ccf5501831105000420'), nodeDigest('SM3', data));
  return new Uint8Array(privateEncrypt({ key: keyObject, padding: constants.RSA_PKCS1_PADDING }, digestInfo));
}

function signAsync(hash: string, data: Uint8Array, key: SignKeyObjectInput): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    nodeSignRaw(hash, data, key, (error, signature) => {
      if (error) reject(new CryptoOperationError(`sign with ${hash}`, { cause: error }));
      else resolve(new Uint8Array(signature));
    });
  });
}
