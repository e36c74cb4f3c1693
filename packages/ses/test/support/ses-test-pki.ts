/**
 * Test-only PKI for the seal tests: createPkiHierarchy with software keys (SM2, RSA-2048), an in-process
 * RFC 3161 TSA, and a tiny PNG seal picture. Software keys are for tests only; they are not seal devices.
 */
import { deflateSync } from 'node:zlib';
import type { KeyType } from '@openseal/crypto';
import { NodeCryptoProvider, SoftwareSigner, generateKeyPair } from '@openseal/crypto/node';
import { FixedClock, SeededRandom, concatBytes, type Clock } from '@openseal/kernel';
import { TimestampClient, createPkiHierarchy, type KeyFactory, type PkiHierarchy } from '@openseal/pki';
import { createTimestampResponse } from '@openseal/pki';

export interface TestKey {
  readonly signer: SoftwareSigner;
}
export type TestPki = PkiHierarchy<TestKey>;

export const provider = new NodeCryptoProvider();
export const T0 = new Date('2026-01-01T00:00:00Z');
/** Sealing happens a day after the PKI was made. */
export const T1 = new Date('2026-01-02T08:00:00Z');
export const clock = new FixedClock(T1);

const keys = new Map<string, Promise<TestKey>>();
const keyRandom = new SeededRandom(0x5e5);
let signerSeed = 900;

const keyFactory: KeyFactory<TestKey> = (keyType: KeyType, role: string) => {
  const id = `${keyType}/${role}`;
  let key = keys.get(id);
  if (!key) {
    key = generateKeyPair(keyType, { random: keyRandom, rsaBits: 2048 }).then((privateKey) => ({
      signer: new SoftwareSigner(privateKey, { random: new SeededRandom(++signerSeed) }),
    }));
    keys.set(id, key);
  }
  return key;
};

const pkis = new Map<KeyType, Promise<TestPki>>();

/** One hierarchy per key type: root → intermediate → sealSigner, personSigner, sealMaker, tsa, ocspResponder. */
export function testPki(keyType: KeyType = 'SM2'): Promise<TestPki> {
  let p = pkis.get(keyType);
  if (!p) {
    p = createPkiHierarchy({ keyType, notBefore: T0 }, { random: new SeededRandom(31), clock: new FixedClock(T0), provider, keyFactory });
    pkis.set(keyType, p);
  }
  return p;
}

export async function entity(id: 'sealSigner' | 'personSigner' | 'sealMaker' | 'tsa', keyType: KeyType = 'SM2') {
  const pki = await testPki(keyType);
  const e = pki.endEntities[id];
  if (!e) throw new Error(`no ${id}`);
  return { ...e, signer: e.key.signer, pki };
}

/** A TSA answering in-process; the returned function timestamps a signature value (SM3 imprint). */
export async function inMemoryTsa(at: Clock = clock): Promise<(data: Uint8Array) => Promise<Uint8Array>> {
  const tsa = await entity('tsa', 'RSA');
  const random = new SeededRandom(17);
  const client = new TimestampClient(
    (req) => createTimestampResponse(req, { signer: tsa.signer, certificate: tsa.certificate, chain: tsa.chain.slice(1), clock: at, random, provider, policy: '1.2.3.4.1' }),
    { provider, random: new SeededRandom(18), digestAlgorithm: 'SM3' },
  );
  return async (data) => (await client.timestamp({ data })).token;
}

/** A small valid PNG (a red square of `size` pixels, RGBA) for seal pictures. */
export function redPng(size = 8): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Uint8Array) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const u32 = (v: number) => new Uint8Array([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
  const chunk = (type: string, data: Uint8Array) => {
    const td = concatBytes(new TextEncoder().encode(type), data);
    return concatBytes(u32(data.length), td, u32(crc(td)));
  };
  const ihdr = concatBytes(u32(size), u32(size), new Uint8Array([8, 6, 0, 0, 0]));
  const raw = new Uint8Array(size * (1 + size * 4));
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) raw.set([255, 0, 0, 255], y * (1 + size * 4) + 1 + x * 4);
  return concatBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', new Uint8Array(deflateSync(raw))), chunk('IEND', new Uint8Array(0)));
}
