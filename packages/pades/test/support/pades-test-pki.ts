/**
 * Test-only PKI, TSA and OCSP responder for the PAdES tests: createPkiHierarchy with software keys
 * (RSA-2048, P-256, SM2), an in-process RFC 3161 TSA behind a TimestampClient, CRLs and OCSP answers.
 * Software keys here are for tests only; they are not seal devices.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KeyType } from '@openseal/crypto';
import { NodeCryptoProvider, SoftwareSigner, generateKeyPair } from '@openseal/crypto/node';
import { FixedClock, SeededRandom, type Clock } from '@openseal/kernel';
import {
  TimestampClient,
  createOcspResponse,
  createPkiHierarchy,
  createOcspRequest,
  createTimestampResponse,
  type Certificate,
  type KeyFactory,
  type PkiHierarchy,
} from '@openseal/pki';
import { sharedPath } from '../../../../testing/support/shared.js';

export interface TestKey {
  readonly signer: SoftwareSigner;
}
export type TestPki = PkiHierarchy<TestKey>;

export const provider = new NodeCryptoProvider();
export const T0 = new Date('2026-01-01T00:00:00Z');
/** Signing happens a day after the PKI was made. */
export const T1 = new Date('2026-01-02T08:00:00Z');
export const clock = new FixedClock(T1);

const keys = new Map<string, Promise<TestKey>>();
const keyRandom = new SeededRandom(0x5ade5);
let signerSeed = 500;

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

/** One hierarchy per key type (root → intermediate → sealSigner, personSigner, tsa, ocspResponder…). */
export function testPki(keyType: KeyType): Promise<TestPki> {
  let p = pkis.get(keyType);
  if (!p) {
    p = createPkiHierarchy(
      {
        keyType,
        notBefore: T0,
        urls: {
          root: { crl: ['http://pki.test/root.crl'] },
          intermediate: { crl: ['http://pki.test/inter.crl'], ocsp: ['http://pki.test/ocsp'] },
        },
      },
      { random: new SeededRandom(77), clock: new FixedClock(T0), provider, keyFactory },
    );
    pkis.set(keyType, p);
  }
  return p;
}

/** The seal signer of a hierarchy: its signer, certificate and chain (without the signer). */
export async function sealSigner(keyType: KeyType): Promise<{ signer: SoftwareSigner; certificate: Certificate; chain: Certificate[]; pki: TestPki }> {
  const pki = await testPki(keyType);
  const ee = pki.endEntities.sealSigner;
  if (!ee) throw new Error('no sealSigner');
  return { signer: ee.key.signer, certificate: ee.certificate, chain: [...ee.chain.slice(1)], pki };
}

/** A TimestampClient whose transport calls the library TSA in-process (no network). */
export async function inMemoryTsa(keyType: KeyType = 'RSA', at: Clock = clock, seed = 9): Promise<{ client: TimestampClient; pki: TestPki; requests: () => number }> {
  const pki = await testPki(keyType);
  const tsa = pki.endEntities.tsa;
  if (!tsa) throw new Error('no tsa');
  let count = 0;
  const random = new SeededRandom(seed);
  const client = new TimestampClient(
    async (req) => {
      count++;
      return createTimestampResponse(req, {
        signer: tsa.key.signer,
        certificate: tsa.certificate,
        chain: tsa.chain.slice(1),
        clock: at,
        random,
        provider,
        policy: '1.2.3.4.1',
      });
    },
    { provider, random: new SeededRandom(seed + 1) },
  );
  return { client, pki, requests: () => count };
}

/** Revocation data for the test PKI: CRLs from root and intermediate, and an OCSP answer per certificate. */
export async function revocationData(pki: TestPki, revokedSerials: readonly string[] = []): Promise<{ crls: Uint8Array[]; ocsp: (cert: Certificate, issuer: Certificate) => Promise<Uint8Array> }> {
  const rootCrl = await pki.root.ca.issueCrl({ crlNumber: 1, revoked: [], thisUpdate: T1 });
  const interCrl = await pki.intermediate.ca.issueCrl({
    crlNumber: 1,
    revoked: revokedSerials.map((serialNumber) => ({ serialNumber, revokedAt: T0 })),
    thisUpdate: T1,
  });
  const responder = pki.endEntities.ocspResponder;
  if (!responder) throw new Error('no ocspResponder');
  const ocsp = async (cert: Certificate, issuer: Certificate): Promise<Uint8Array> => {
    const req = createOcspRequest({ certs: [{ cert, issuer }], hashAlgorithm: 'SHA-1', provider });
    return createOcspResponse(req, {
      responderCertificate: responder.certificate,
      signer: responder.key.signer,
      issuers: [pki.intermediate.certificate],
      lookup: (serial) => (revokedSerials.includes(serial) ? { status: 'revoked', revokedAt: T0 } : { status: 'good' }),
      clock,
      provider,
      nextUpdateSeconds: 7 * 86400,
    });
  };
  return { crls: [rootCrl.der, interCrl.der], ocsp };
}

const SAMPLES = sharedPath('samples/pdf');

/** A third-party sample PDF (read-only; tests copy before changing). */
export function sample(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SAMPLES, name)));
}

export const SAMPLE_DIR = SAMPLES;

/** The repository root (for fixtures under testing/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
