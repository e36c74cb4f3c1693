import { constants, createHash, createPublicKey, verify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom, concatBytes, utf8 } from '@openseal/kernel';
import type { DigestAlgorithm, SignatureAlgorithm } from '../algorithms.js';
import { KeyAlgorithmMismatchError, RemoteSignerError } from '../errors.js';
import type { Hasher } from '../hasher.js';
import type { PrivateKey } from '../keys/private-key.js';
import { SoftwareSigner, generateKeyPair } from '../node/index.js';
import type { CryptoProvider } from '../provider.js';
import { parsePublicKey } from '../public-key.js';
import { sm2Verify } from '../sm2/index.js';
import { RemoteSigner } from './remote-signer.js';
import type { RemoteSigningRequest, RemoteSigningTransport } from './remote-signing-transport.js';

const NODE_HASH: Record<DigestAlgorithm, string> = { SM3: 'sm3', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

/** Test-only provider on node:crypto and the SM2 module, so these tests need no other provider. */
const provider: CryptoProvider = {
  name: 'test-node',
  createHash(algorithm): Hasher {
    const h = createHash(NODE_HASH[algorithm]);
    const hasher: Hasher = { algorithm, update: (d) => (h.update(d), hasher), digest: () => new Uint8Array(h.digest()) };
    return hasher;
  },
  digest: (algorithm, data) => new Uint8Array(createHash(NODE_HASH[algorithm]).update(data).digest()),
  verify(alg: SignatureAlgorithm, spki, data, sig) {
    const info = parsePublicKey(spki);
    if (alg.name === 'SM2') return Promise.resolve(info.keyType === 'SM2' && sm2Verify(info.point, data, sig, alg.userId ? { userId: alg.userId } : {}));
    const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    const options = alg.name === 'RSA-PSS' ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength ?? 32 } : { key, dsaEncoding: 'der' as const };
    return Promise.resolve(verify(NODE_HASH[alg.hash], data, options, sig));
  },
};

/** An in-memory agent backed by a SoftwareSigner; `tamper` lets a test make it misbehave. */
function agent(key: PrivateKey, tamper?: (req: RemoteSigningRequest, sig: Uint8Array) => Uint8Array): RemoteSigningTransport & { requests: RemoteSigningRequest[] } {
  const signer = new SoftwareSigner(key, { random: new SeededRandom(11) });
  const requests: RemoteSigningRequest[] = [];
  return {
    requests,
    async requestSignature(req) {
      requests.push(req);
      const sig = await signer.sign(req.data, req.algorithm);
      return { signature: tamper ? tamper(req, sig) : sig };
    },
  };
}

let sm2: PrivateKey;
let p256: PrivateKey;
let other: PrivateKey;
const data = utf8('seal this');

beforeAll(async () => {
  sm2 = await generateKeyPair('SM2', { random: new SeededRandom(1) });
  other = await generateKeyPair('SM2', { random: new SeededRandom(2) });
  p256 = await generateKeyPair('EC-P256', { random: new SeededRandom(1) });
});

async function expectRemoteError(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RemoteSignerError);
  expect((error as RemoteSignerError).code).toBe('KEY_REMOTE_SIGNER_FAILED');
  expect((error as Error).message).toMatch(message);
}

describe('RemoteSigner', () => {
  it('returns a verified signature and sends key id, algorithm, data, digest and purpose', async () => {
    const transport = agent(sm2);
    const signer = new RemoteSigner({ transport, keyId: 'usb-1', publicKey: sm2.publicKey, provider, purpose: 'seal contract-42.pdf' });
    expect(signer.keyType).toBe('SM2');
    const sig = await signer.sign(data);
    expect(await provider.verify(signer.algorithm, sm2.publicKey, data, sig)).toBe(true);
    expect(await provider.verify(signer.algorithm, sm2.publicKey, utf8('seal thiS'), sig)).toBe(false);
    const [req] = transport.requests;
    expect(req).toMatchObject({ keyId: 'usb-1', algorithm: { name: 'SM2' }, purpose: 'seal contract-42.pdf' });
    expect(req?.data).toEqual(data);
    expect(req?.dataDigest).toEqual({ algorithm: 'SM3', value: provider.digest('SM3', data) });
  });

  it('fails closed when the agent signs other data', async () => {
    const liar = agent(sm2, () => new Uint8Array(0));
    const signer = new RemoteSigner({ transport: agent(sm2, (req) => req.data), keyId: 'k', publicKey: sm2.publicKey, provider });
    await expectRemoteError(signer.sign(data), /does not verify/);
    const lyingSigner = new SoftwareSigner(sm2, { random: new SeededRandom(4) });
    const wrongData: RemoteSigningTransport = { requestSignature: async () => ({ signature: await lyingSigner.sign(utf8('something else')) }) };
    await expectRemoteError(new RemoteSigner({ transport: wrongData, keyId: 'k', publicKey: sm2.publicKey, provider }).sign(data), /does not verify/);
    await expectRemoteError(new RemoteSigner({ transport: liar, keyId: 'k', publicKey: sm2.publicKey, provider }).sign(data), /no signature/);
  });

  it('fails closed when the agent signs with another key', async () => {
    const signer = new RemoteSigner({ transport: agent(other), keyId: 'k', publicKey: sm2.publicKey, provider });
    await expectRemoteError(signer.sign(data), /does not verify/);
  });

  it('fails on a transport error, keeping it as the cause', async () => {
    const broken: RemoteSigningTransport = { requestSignature: () => Promise.reject(new Error('ECONNREFUSED')) };
    const error = await new RemoteSigner({ transport: broken, keyId: 'k', publicKey: sm2.publicKey, provider }).sign(data).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteSignerError);
    expect(((error as Error).cause as Error).message).toBe('ECONNREFUSED');
    const throwsSync: RemoteSigningTransport = {
      requestSignature: () => {
        throw new Error('sync');
      },
    };
    await expectRemoteError(new RemoteSigner({ transport: throwsSync, keyId: 'k', publicKey: sm2.publicKey, provider }).sign(data), /transport failed/);
  });

  it('times out, aborting the transport signal', async () => {
    let aborted = false;
    const silent: RemoteSigningTransport = {
      requestSignature: (_req, { signal }) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          });
        }),
    };
    const started = performance.now();
    await expectRemoteError(new RemoteSigner({ transport: silent, keyId: 'k', publicKey: sm2.publicKey, provider, timeoutMs: 50 }).sign(data), /within 50 ms/);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(aborted).toBe(true);
  });

  it('converts raw r‖s from a token into DER after verifying it', async () => {
    const raw: RemoteSigningTransport = {
      async requestSignature(req) {
        const der = await new SoftwareSigner(p256).sign(req.data, req.algorithm);
        // DER → raw r‖s (32 bytes each), as SKF / PKCS#11 tokens return it
        const rLen = der[3] as number;
        const r = der.subarray(4, 4 + rLen);
        const s = der.subarray(6 + rLen);
        const pad = (v: Uint8Array): Uint8Array => concatBytes(new Uint8Array(32), v).subarray(-32);
        return { signature: concatBytes(pad(r), pad(s)) };
      },
    };
    const sig = await new RemoteSigner({ transport: raw, keyId: 'p11', publicKey: p256.publicKey, provider }).sign(data);
    expect(sig[0]).toBe(0x30);
    expect(await provider.verify({ name: 'ECDSA', hash: 'SHA-256' }, p256.publicKey, data, sig)).toBe(true);
  });

  it('refuses an algorithm that does not fit the expected key', async () => {
    expect(() => new RemoteSigner({ transport: agent(sm2), keyId: 'k', publicKey: sm2.publicKey, provider, algorithm: { name: 'ECDSA', hash: 'SHA-256' } })).toThrow(
      KeyAlgorithmMismatchError,
    );
    const signer = new RemoteSigner({ transport: agent(p256), keyId: 'k', publicKey: p256.publicKey, provider });
    await expect(signer.sign(data, { name: 'SM2', hash: 'SM3' })).rejects.toThrow(KeyAlgorithmMismatchError);
  });
});
