import { constants, sign as nodeSign, type KeyObject } from 'node:crypto';
import type { RandomSource } from '@openseal/kernel';
import { DIGEST_LENGTH, algorithmFitsKey, defaultSignatureAlgorithm, type DigestAlgorithm, type KeyType, type SignatureAlgorithm } from '../../algorithms.js';
import { CryptoOperationError, CryptoUnsupportedError, KeyAlgorithmMismatchError } from '../../errors.js';
import type { PrivateKey } from '../../keys/private-key.js';
import type { Signer } from '../../signer.js';
import { sm2Sign } from '../../sm2/index.js';
import { nodeRandom } from '../node-random.js';
import { toNodeKeyObject } from './key-object.js';

const NODE_HASH: Readonly<Record<DigestAlgorithm, string>> = {
  SM3: 'sm3',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

export interface SoftwareSignerOptions {
  /** Default algorithm for `sign()`; defaults to defaultSignatureAlgorithm(key.keyType). */
  algorithm?: SignatureAlgorithm;
  /** Source of SM2's per-signature k; defaults to nodeRandom. */
  random?: RandomSource;
}

/**
 * Signs with a private key held in this process. Software keys are for servers whose keys are
 * encrypted at rest, for tests and for demos; a software key is not a certified seal device.
 * SM2 signs through sm2Sign with the standard user ID (node:crypto would use an empty one).
 * SHA-1 is refused for new signatures, and RSA with SM3 (node:crypto cannot do it).
 */
export class SoftwareSigner implements Signer {
  readonly keyType: KeyType;
  readonly publicKey: Uint8Array;
  readonly algorithm: SignatureAlgorithm;
  readonly #key: PrivateKey;
  readonly #random: RandomSource;
  #keyObject: KeyObject | undefined;

  constructor(key: PrivateKey, options: SoftwareSignerOptions = {}) {
    const algorithm = options.algorithm ?? defaultSignatureAlgorithm(key.keyType);
    checkAlgorithm(algorithm, key.keyType);
    this.keyType = key.keyType;
    this.publicKey = key.publicKey.slice();
    this.algorithm = algorithm;
    this.#key = key;
    this.#random = options.random ?? nodeRandom;
  }

  async sign(data: Uint8Array, algorithm: SignatureAlgorithm = this.algorithm): Promise<Uint8Array> {
    checkAlgorithm(algorithm, this.keyType);
    const key = this.#key;
    if (algorithm.name === 'SM2') {
      if (key.keyType !== 'SM2') throw new KeyAlgorithmMismatchError(key.keyType, algorithm.name);
      return sm2Sign(key.d, data, algorithm.userId === undefined ? { random: this.#random } : { userId: algorithm.userId, random: this.#random });
    }
    if (key.keyType === 'SM2') throw new KeyAlgorithmMismatchError(key.keyType, algorithm.name);
    this.#keyObject ??= toNodeKeyObject(key);
    const hash = NODE_HASH[algorithm.hash];
    try {
      switch (algorithm.name) {
        case 'RSASSA-PKCS1-v1_5':
          return new Uint8Array(nodeSign(hash, data, { key: this.#keyObject, padding: constants.RSA_PKCS1_PADDING }));
        case 'RSA-PSS':
          // RFC 4055 §3.1 / PAdES practice: MGF1 with the same hash, salt as long as the hash.
          return new Uint8Array(
            nodeSign(hash, data, {
              key: this.#keyObject,
              padding: constants.RSA_PKCS1_PSS_PADDING,
              saltLength: algorithm.saltLength ?? DIGEST_LENGTH[algorithm.hash],
            }),
          );
        case 'ECDSA':
          return new Uint8Array(nodeSign(hash, data, { key: this.#keyObject, dsaEncoding: 'der' }));
      }
    } catch (e) {
      throw new CryptoOperationError(`${algorithm.name} signing`, { cause: e });
    }
  }
}

function checkAlgorithm(algorithm: SignatureAlgorithm, keyType: KeyType): void {
  if (!algorithmFitsKey(algorithm, keyType)) throw new KeyAlgorithmMismatchError(keyType, algorithm.name);
  if (algorithm.hash === 'SHA-1') throw new CryptoUnsupportedError('SHA-1 for new signatures');
  // OpenSSL 3.0 (Node 20) refuses SM3 with RSA ("digest not allowed").
  if (keyType === 'RSA' && algorithm.hash === 'SM3') throw new CryptoUnsupportedError('RSA with SM3');
  if (algorithm.name === 'SM2' && (algorithm.hash as string) !== 'SM3') throw new KeyAlgorithmMismatchError(keyType, `SM2 with ${algorithm.hash as string}`);
}
