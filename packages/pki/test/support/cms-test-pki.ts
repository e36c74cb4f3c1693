/**
 * Test-only PKI for the CMS, TSP and OCSP tests: root → intermediate → end entities (sealSigner,
 * personSigner, tsa, ocspResponder…) from createPkiHierarchy, with software keys whose PKCS#8 PEM can
 * be handed to OpenSSL. Keys are generated once per key type and role in each test file.
 */
import { privateKeyToPem, type KeyType, type PrivateKey } from '@openseal/crypto';
import { NodeCryptoProvider, SoftwareSigner, generateKeyPair } from '@openseal/crypto/node';
import { FixedClock, SeededRandom } from '@openseal/kernel';
import { createPkiHierarchy, type KeyFactory, type PkiHierarchy } from '../../src/ca/index.js';

export interface CmsTestKey {
  readonly signer: SoftwareSigner;
  readonly privateKey: PrivateKey;
  /** PKCS#8 PEM, for OpenSSL. */
  readonly pem: string;
}

export type CmsTestPki = PkiHierarchy<CmsTestKey>;

export const provider = new NodeCryptoProvider();
export const T0 = new Date('2026-01-01T00:00:00Z');
export const clock = new FixedClock(T0);

const keys = new Map<string, Promise<CmsTestKey>>();
const keyRandom = new SeededRandom(0xc3c3);
let signerSeed = 100;

const keyFactory: KeyFactory<CmsTestKey> = (keyType: KeyType, role: string) => {
  const id = `${keyType}/${role}`;
  let key = keys.get(id);
  if (!key) {
    key = generateKeyPair(keyType, { random: keyRandom, rsaBits: 2048 }).then((privateKey) => ({
      signer: new SoftwareSigner(privateKey, { random: new SeededRandom(++signerSeed) }),
      privateKey,
      pem: privateKeyToPem(privateKey),
    }));
    keys.set(id, key);
  }
  return key;
};

/** One hierarchy per key type; certificates are valid from T0 (roots 20 years, end entities 2–5 years). */
export function makeTestPki(keyType: KeyType, seed = 11): Promise<CmsTestPki> {
  return createPkiHierarchy({ keyType }, { random: new SeededRandom(seed), clock, provider, keyFactory });
}
