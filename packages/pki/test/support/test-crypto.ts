/** Test-only CryptoProvider (node:crypto for RSA/ECDSA, the engine's SM2) until NodeCryptoProvider exists. */
import { createHash, createPublicKey, generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { SoftwareSigner } from '@openseal/crypto/node';
import { SeededRandom } from '@openseal/kernel';
import {
  CryptoUnsupportedError,
  createEcPrivateKey,
  parsePkcs8PrivateKey,
  parsePublicKey,
  sm2GeneratePrivateKey,
  sm2Verify,
  type CryptoProvider,
  type DigestAlgorithm,
  type Hasher,
  type KeyType,
  type SignatureAlgorithm,
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

let sm2Seed = 1000;

/** A fresh software signer (the real SoftwareSigner); keys from node:crypto, SM2 scalars from a seeded source. */
export function generateTestSigner(keyType: KeyType): SoftwareSigner {
  switch (keyType) {
    case 'RSA':
      return fromNodeKey(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
    case 'EC-P256':
      return fromNodeKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
    case 'EC-P384':
      return fromNodeKey(generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey);
    case 'SM2':
      return new SoftwareSigner(createEcPrivateKey('SM2', sm2GeneratePrivateKey(new SeededRandom(++sm2Seed))));
  }
}

function fromNodeKey(key: KeyObject): SoftwareSigner {
  return new SoftwareSigner(parsePkcs8PrivateKey(new Uint8Array(key.export({ format: 'der', type: 'pkcs8' }))));
}
