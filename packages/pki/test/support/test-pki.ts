/** Test-only PKI helpers: memoised keys (one per key type and role per test file) and a fixed clock. */
import type { KeyType, Signer } from '@openseal/crypto';
import { NodeCryptoProvider, SoftwareSigner, generateKeyPair } from '@openseal/crypto/node';
import { FixedClock, SeededRandom } from '@openseal/kernel';
import { createPkiHierarchy, type KeyFactory, type PkiHierarchy, type PkiHierarchySpec } from '../../src/ca/index.js';

export interface TestKey {
  readonly signer: Signer;
}

const keys = new Map<string, Promise<TestKey>>();
const keyRandom = new SeededRandom(424242);

/** Software keys (RSA-2048 for speed), generated once per key type and role in each test file. */
export const testKeyFactory: KeyFactory<TestKey> = (keyType: KeyType, role: string) => {
  const id = `${keyType}/${role}`;
  let key = keys.get(id);
  if (!key) {
    key = generateKeyPair(keyType, { random: keyRandom, rsaBits: 2048 }).then((k) => ({ signer: new SoftwareSigner(k) }));
    keys.set(id, key);
  }
  return key;
};

export const provider = new NodeCryptoProvider();
export const T0 = new Date('2026-01-01T00:00:00Z');
export const clock = new FixedClock(T0);

export function makeHierarchy(keyType: KeyType, spec: Partial<PkiHierarchySpec> = {}, seed = 7): Promise<PkiHierarchy<TestKey>> {
  return createPkiHierarchy({ keyType, ...spec }, { random: new SeededRandom(seed), clock, provider, keyFactory: testKeyFactory });
}
