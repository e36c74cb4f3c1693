import { generateKeyPair as nodeGenerateKeyPair } from 'node:crypto';
import { InvalidArgumentError, equalBytes, type RandomSource } from '@openseal/kernel';
import type { KeyType } from '../../algorithms.js';
import { CryptoOperationError } from '../../errors.js';
import type { RsaBits } from '../../keys/key-alg-name.js';
import { parsePkcs8PrivateKey } from '../../keys/pkcs8.js';
import { createEcPrivateKey, type PrivateKey } from '../../keys/private-key.js';
import { sm2GeneratePrivateKey } from '../../sm2/index.js';

export interface GenerateKeyPairOptions {
  /** RSA modulus size; default 3072. */
  rsaBits?: RsaBits;
  /** Source of the SM2 private scalar. RSA and NIST EC keys come from OpenSSL's own CSPRNG. */
  random: RandomSource;
}

const SPKI_DER = { type: 'spki', format: 'der' } as const;
const PKCS8_DER = { type: 'pkcs8', format: 'der' } as const;

/**
 * Generates a software key. SM2 uses sm2GeneratePrivateKey(random) (d in [1, n-2], GB/T 32918.1
 * §6.1); RSA (e = 65537) and P-256/P-384 use node:crypto, asynchronously, so RSA-4096 does not block.
 */
export async function generateKeyPair(keyType: KeyType, options: GenerateKeyPairOptions): Promise<PrivateKey> {
  switch (keyType) {
    case 'SM2':
      return createEcPrivateKey('SM2', sm2GeneratePrivateKey(options.random));
    case 'RSA': {
      const bits = options.rsaBits ?? 3072;
      if (bits !== 2048 && bits !== 3072 && bits !== 4096) throw new InvalidArgumentError('RSA key size must be 2048, 3072 or 4096', { bits });
      return new Promise((resolve, reject) => {
        nodeGenerateKeyPair('rsa', { modulusLength: bits, publicExponent: 0x10001, publicKeyEncoding: SPKI_DER, privateKeyEncoding: PKCS8_DER }, (err, spki, pkcs8) =>
          err ? reject(new CryptoOperationError('RSA key generation', { cause: err })) : settle(resolve, reject, pkcs8, spki),
        );
      });
    }
    case 'EC-P256':
    case 'EC-P384': {
      return new Promise((resolve, reject) => {
        nodeGenerateKeyPair('ec', { namedCurve: keyType === 'EC-P256' ? 'P-256' : 'P-384', publicKeyEncoding: SPKI_DER, privateKeyEncoding: PKCS8_DER }, (err, spki, pkcs8) =>
          err ? reject(new CryptoOperationError('EC key generation', { cause: err })) : settle(resolve, reject, pkcs8, spki),
        );
      });
    }
  }
}

function settle(resolve: (key: PrivateKey) => void, reject: (e: unknown) => void, pkcs8: Buffer, spki: Buffer): void {
  try {
    const key = parsePkcs8PrivateKey(new Uint8Array(pkcs8));
    if (!equalBytes(key.publicKey, new Uint8Array(spki))) throw new CryptoOperationError('generated key pair is inconsistent');
    resolve(key);
  } catch (e) {
    reject(e);
  }
}
