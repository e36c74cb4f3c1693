/** Test-only key helpers: fresh SoftwareSigners for ad-hoc certificates. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createEcPrivateKey, parsePkcs8PrivateKey, sm2GeneratePrivateKey, type KeyType } from '@openseal/crypto';
import { SoftwareSigner } from '@openseal/crypto/node';
import { SeededRandom } from '@openseal/kernel';

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
