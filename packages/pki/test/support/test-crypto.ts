/** Test-only node:crypto signer and provider (RSA, ECDSA) used until the real Node provider exists. */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { SeededRandom, type RandomSource } from '@openseal/kernel';
import {
  CryptoUnsupportedError,
  encodeEcPublicKey,
  parsePublicKey,
  sm2GeneratePrivateKey,
  sm2PublicKeyFromPrivate,
  sm2Sign,
  sm2Verify,
  KeyAlgorithmMismatchError,
  algorithmFitsKey,
  defaultSignatureAlgorithm,
  type CryptoProvider,
  type DigestAlgorithm,
  type Hasher,
  type KeyType,
  type SignatureAlgorithm,
  type Signer,
} from '@openseal/crypto';

const NODE_HASH: Record<DigestAlgorithm, string> = { SM3: 'sm3', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

export class TestProvider implements CryptoProvider {
  readonly name = 'test-node';
  createHash(algorithm: DigestAlgorithm): Hasher {
    const h = createHash(NODE_HASH[algorithm]);
    const hasher: Hasher = {
      algorithm,
      update(data: Uint8Array) {
        h.update(data);
        return this;
      },
      digest: () => new Uint8Array(h.digest()),
    };
    return hasher;
  }
  digest(algorithm: DigestAlgorithm, data: Uint8Array): Uint8Array {
    return new Uint8Array(createHash(NODE_HASH[algorithm]).update(data).digest());
  }
  async verify(algorithm: SignatureAlgorithm, spki: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
    if (algorithm.name === 'RSA-PSS') throw new CryptoUnsupportedError(`${algorithm.name} in the test provider`);
    if (algorithm.name === 'SM2') {
      const info = parsePublicKey(spki);
      if (info.keyType !== 'SM2') return false;
      return sm2Verify(info.point, data, signature, algorithm.userId ? { userId: algorithm.userId } : {});
    }
    let key: KeyObject;
    try {
      key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    } catch {
      return false;
    }
    try {
      return verify(NODE_HASH[algorithm.hash], data, algorithm.name === 'ECDSA' ? { key, dsaEncoding: 'der' } : key, signature);
    } catch {
      return false;
    }
  }
}

/** SM2 signer over the engine's pure SM2 (standard user ID) — tests only. */
export class TestSm2Signer implements Signer {
  readonly keyType = 'SM2' as const;
  readonly algorithm: SignatureAlgorithm = { name: 'SM2', hash: 'SM3' };
  readonly publicKey: Uint8Array;
  readonly privateKey: Uint8Array;
  readonly #random: RandomSource;
  constructor(privateKey: Uint8Array, random: RandomSource) {
    this.privateKey = privateKey;
    this.publicKey = encodeEcPublicKey('SM2', sm2PublicKeyFromPrivate(privateKey));
    this.#random = random;
  }
  async sign(data: Uint8Array, algorithm: SignatureAlgorithm = this.algorithm): Promise<Uint8Array> {
    if (algorithm.name !== 'SM2') throw new KeyAlgorithmMismatchError('SM2', algorithm.name);
    return sm2Sign(this.privateKey, data, { random: this.#random, ...(algorithm.userId ? { userId: algorithm.userId } : {}) });
  }
}

let sm2Seed = 1000;

export class TestSigner implements Signer {
  readonly publicKey: Uint8Array;
  readonly algorithm: SignatureAlgorithm;
  readonly #key: KeyObject;
  constructor(readonly keyType: KeyType, privateKey: KeyObject) {
    this.#key = privateKey;
    this.publicKey = new Uint8Array(createPublicKey(privateKey).export({ format: 'der', type: 'spki' }));
    this.algorithm = defaultSignatureAlgorithm(keyType);
  }
  /** PKCS#8 PEM, for handing the key to OpenSSL in interop tests. */
  privateKeyPem(): string {
    return this.#key.export({ format: 'pem', type: 'pkcs8' }) as string;
  }
  async sign(data: Uint8Array, algorithm: SignatureAlgorithm = this.algorithm): Promise<Uint8Array> {
    if (!algorithmFitsKey(algorithm, this.keyType)) throw new KeyAlgorithmMismatchError(this.keyType, algorithm.name);
    if (algorithm.name === 'SM2' || algorithm.name === 'RSA-PSS') throw new CryptoUnsupportedError(algorithm.name);
    const hash = NODE_HASH[algorithm.hash];
    return new Uint8Array(sign(hash, data, algorithm.name === 'ECDSA' ? { key: this.#key, dsaEncoding: 'der' } : this.#key));
  }
}

export function generateTestSigner(keyType: KeyType): Signer {
  switch (keyType) {
    case 'RSA':
      return new TestSigner(keyType, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
    case 'EC-P256':
      return new TestSigner(keyType, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
    case 'EC-P384':
      return new TestSigner(keyType, generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey);
    case 'SM2': {
      const random = new SeededRandom(++sm2Seed);
      return new TestSm2Signer(sm2GeneratePrivateKey(random), random);
    }
  }
}

export function signerFromPem(keyType: KeyType, pem: string): TestSigner {
  return new TestSigner(keyType, createPrivateKey(pem));
}
