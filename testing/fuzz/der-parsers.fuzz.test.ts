// Mutation fuzzing of the DER parsers of certificates, CRLs, public and private keys: whatever the
// input, each parser returns a value or throws an OpenSealError (typed, with a code), never anything
// else, and never hangs. CMS, TSP and OCSP have their own fuzz test in packages/pki/test;
// `npm run fuzz` runs every fuzz test with FUZZ_ITERATIONS=20000.
import { describe, expect, it } from 'vitest';
import { FixedClock, OpenSealError, SeededRandom } from '@openseal/kernel';
import { exportPrivateKeyPkcs8, parsePkcs1PrivateKey, parsePkcs8PrivateKey, parsePublicKey, parseSec1PrivateKey } from '@openseal/crypto';
import { NodeCryptoProvider, SoftwareSigner, generateKeyPair, loadPrivateKey } from '@openseal/crypto/node';
import { parseCertificate, parseCrl, validateCertificatePath, createPkiHierarchy } from '@openseal/pki';
import { opensslOk, tempDir } from '../support/openssl.js';
import { FUZZ_ITERATIONS, Mutator } from './mutate.js';

const provider = new NodeCryptoProvider();
const random = new SeededRandom(7);
const T0 = new Date('2026-03-01T00:00:00Z');
const pki = await createPkiHierarchy(
  { keyType: 'SM2', notBefore: T0 },
  { random, clock: new FixedClock(T0), provider, keyFactory: async (kt) => ({ signer: new SoftwareSigner(await generateKeyPair(kt, { random }), { random }) }) },
);
const rsaPki = await createPkiHierarchy(
  { keyType: 'EC-P256', notBefore: T0 },
  { random, clock: new FixedClock(T0), provider, keyFactory: async (kt) => ({ signer: new SoftwareSigner(await generateKeyPair(kt, { random }), { random }) }) },
);
const leaf = pki.endEntities.sealSigner!.certificate;
const crl = await pki.intermediate.ca.issueCrl({ crlNumber: 3, revoked: [{ serialNumber: pki.endEntities.personSigner!.certificate.serialNumber, revokedAt: T0, reason: 'keyCompromise' }], thisUpdate: T0 });

const tmp = tempDir('openseal-fuzz-');
opensslOk(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', tmp.path('r.pem')]);
const pkcs1 = opensslOk(['rsa', '-in', tmp.path('r.pem'), '-traditional', '-outform', 'DER']);
opensslOk(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', tmp.path('e.pem')]);
const sec1 = opensslOk(['ec', '-in', tmp.path('e.pem'), '-outform', 'DER']);
tmp.cleanup();
const sm2Key = await generateKeyPair('SM2', { random });

interface Target {
  name: string;
  seed: Uint8Array;
  run: (input: Uint8Array) => unknown;
}

const targets: Target[] = [
  { name: 'X.509 certificate (SM2)', seed: leaf.der, run: (b) => parseCertificate(b) },
  { name: 'X.509 certificate (P-256)', seed: rsaPki.endEntities.tsa!.certificate.der, run: (b) => parseCertificate(b) },
  { name: 'certificate path validation', seed: leaf.der, run: (b) => validateCertificatePath(b, { trustAnchors: pki.trustAnchors, intermediates: pki.intermediates, at: T0, provider }) },
  { name: 'CRL', seed: crl.der, run: (b) => parseCrl(b) },
  { name: 'SubjectPublicKeyInfo', seed: leaf.publicKey, run: (b) => parsePublicKey(b) },
  { name: 'PKCS#8 private key', seed: exportPrivateKeyPkcs8(sm2Key), run: (b) => parsePkcs8PrivateKey(b) },
  { name: 'SEC1 EC private key', seed: new Uint8Array(sec1), run: (b) => parseSec1PrivateKey(b) },
  { name: 'PKCS#1 RSA private key', seed: new Uint8Array(pkcs1), run: (b) => parsePkcs1PrivateKey(b) },
  { name: 'key file loader', seed: new Uint8Array(pkcs1), run: (b) => loadPrivateKey(b) },
];

describe('DER parsers under mutation', () => {
  it.each(targets.map((t, i) => [t.name, i] as const))('%s: only typed errors, never a crash or hang', async (_name, i) => {
    const target = targets[i]!;
    expect(await settle(() => target.run(target.seed))).toBe('ok');
    const m = new Mutator(1000 + i);
    const untyped: string[] = [];
    let slowest = 0;
    for (let n = 0; n < FUZZ_ITERATIONS; n++) {
      const input = m.mutate(target.seed);
      const t = performance.now();
      const outcome = await settle(() => target.run(input));
      slowest = Math.max(slowest, performance.now() - t);
      if (outcome !== 'ok' && outcome !== 'typed') untyped.push(`#${n}: ${outcome}`);
    }
    expect(untyped.slice(0, 5)).toEqual([]);
    // a hang guard, not a performance assertion: one input must never take seconds
    expect(slowest).toBeLessThan(5_000);
  }, 600_000);
});

async function settle(run: () => unknown): Promise<'ok' | 'typed' | string> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    if (e instanceof OpenSealError) return 'typed';
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
}
