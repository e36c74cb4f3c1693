import type { KeyObject } from 'node:crypto';
import { OpenSealError, type RandomSource } from '@openseal/kernel';
import { algorithmFitsKey, defaultSignatureAlgorithm, type KeyType, type SignatureAlgorithm } from '../../algorithms.js';
import { CryptoOperationError, CryptoUnsupportedError, KeyAlgorithmMismatchError } from '../../errors.js';
import type { PrivateKey } from '../../keys/private-key.js';
import type { Signer } from '../../signer.js';
import { nodeSign } from '../node-sign.js';
import { nodeRandom } from '../node-random.js';
import { toNodeKeyObject } from './key-object.js';

export interface SoftwareSignerOptions {
  /** Default algorithm for `sign()`; defaults to defaultSignatureAlgorithm(key.keyType). */
  algorithm?: SignatureAlgorithm;
  /** Source of SM2's per-signature k; defaults to nodeRandom. */
  random?: RandomSource;
}

/**
 * Signs with a private key held in this process. Software keys are for servers whose keys are
 * encrypted at rest, for tests and for demos; a software key is not a certified seal device.
 * SM2 signs through nodeSign with the standard user ID (node:crypto's own SM2 uses an empty one).
 * SHA-1 is refused for new signatures.
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
    // SM2's k·G runs on OpenSSL's constant-time ladder (nodeSign); the pure-JS path leaks timing.
    if (key.keyType === 'SM2') return nodeSign(algorithm, { keyType: 'SM2', d: key.d, publicKey: key.point }, data, this.#random);
    this.#keyObject ??= toNodeKeyObject(key);
    try {
      return await nodeSign(algorithm, { keyType: key.keyType, keyObject: this.#keyObject }, data, this.#random);
    } catch (e) {
      if (e instanceof OpenSealError) throw e;
      throw new CryptoOperationError(`${algorithm.name} signing`, { cause: e });
    }
  }
}

function checkAlgorithm(algorithm: SignatureAlgorithm, keyType: KeyType): void {
  if (!algorithmFitsKey(algorithm, keyType)) throw new KeyAlgorithmMismatchError(keyType, algorithm.name);
  if (algorithm.hash === 'SHA-1') throw new CryptoUnsupportedError('SHA-1 for new signatures');
  if (keyType === 'RSA' && algorithm.name === 'RSA-PSS' && algorithm.hash === 'SM3') throw new CryptoUnsupportedError('RSA-PSS with SM3');
  if (algorithm.name === 'SM2' && (algorithm.hash as string) !== 'SM3') throw new KeyAlgorithmMismatchError(keyType, `SM2 with ${algorithm.hash as string}`);
}
