// Interop: our SM2 (and RSA/ECDSA) SignedData and timestamp tokens checked by BouncyCastle 1.72, an
// independent SM2-capable CMS implementation (OpenSSL 3.0 cannot verify SM2 CMS with the standard ID).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyType } from '@openseal/crypto';
import { FixedClock, SeededRandom, utf8 } from '@openseal/kernel';
import { createTimestampRequest, createTimestampResponse, parseSignedData, parseTimestampResponse, signCms } from '@openseal/pki';
import { makeTestPki, provider, T0, type CmsTestPki } from '../../packages/pki/test/support/cms-test-pki.js';
import { tempDir } from '../support/openssl.js';

const JARS = ['bcprov', 'bcpkix', 'bcutil'].map((j) => `/usr/share/java/${j}.jar`);
const available = JARS.every((j) => existsSync(j)) && spawnSync('javac', ['-version']).status === 0;
const source = fileURLToPath(new URL('./bouncycastle/CmsVerifyBc.java', import.meta.url));
const tmp = tempDir('openseal-bc-interop-');
const data = utf8('OpenSeal SM2 CMS for BouncyCastle — 电子印章\n');
const pkis = new Map<KeyType, CmsTestPki>();

/** Verifies several SignedData with one JVM start; true = every SignerInfo valid. */
function bcVerify(items: ReadonlyArray<{ signed: Uint8Array; detached?: Uint8Array }>): boolean[] {
  const args = items.map(({ signed, detached }, i) => {
    const name = tmp.path(`s-${Math.random().toString(16).slice(2)}-${i}.der`);
    writeFileSync(name, signed);
    if (!detached) return name;
    writeFileSync(`${name}.content`, detached);
    return `${name}=${name}.content`;
  });
  const r = spawnSync('java', ['-cp', [tmp.dir, ...JARS].join(':'), 'CmsVerifyBc', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`CmsVerifyBc failed: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return items.map((_, i) => lines.find((l) => l.startsWith(`${i} `))?.startsWith(`${i} VALID`) === true);
}

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] as number) ^ 0x01;
  return out;
}

describe.skipIf(!available)('BouncyCastle verifies our SignedData', () => {
  beforeAll(async () => {
    const c = spawnSync('javac', ['-cp', JARS.join(':'), '-d', tmp.dir, source], { encoding: 'utf8' });
    if (c.status !== 0) throw new Error(`javac failed: ${c.stderr}`);
    for (const k of ['SM2', 'RSA', 'EC-P256'] as const) pkis.set(k, await makeTestPki(k));
  });
  afterAll(() => tmp.cleanup());

  function signer(k: KeyType) {
    const e = pkis.get(k)?.endEntities.sealSigner;
    if (!e) throw new Error('no signer');
    return { signer: e.key.signer, signerCertificate: e.certificate, certificates: e.chain, provider };
  }

  it.each(['SM2', 'RSA', 'EC-P256'] as const)('%s detached and encapsulated signatures are valid, tamper twins invalid', async (k) => {
    const detached = await signCms({ ...signer(k), detached: { data } });
    const sig = parseSignedData(detached).signerInfos[0]?.signature as Uint8Array;
    const encapsulated = await signCms({ ...signer(k), content: data, signedAttributes: { signingTime: new Date(T0.getTime() + 1000) } });
    const results = bcVerify([
      { signed: detached, detached: data },
      { signed: detached, detached: flip(data, 5) },
      { signed: flip(detached, Buffer.from(detached).indexOf(Buffer.from(sig)) + 12), detached: data },
      { signed: encapsulated },
      { signed: flip(encapsulated, Buffer.from(encapsulated).indexOf(Buffer.from(data)) + 1) },
    ]);
    expect(results).toEqual([true, false, false, true, false]);
  });

  it('an SM2 timestamp token from our responder is a valid SignedData for BouncyCastle', async () => {
    const tsa = pkis.get('SM2')?.endEntities.tsa;
    if (!tsa) throw new Error('no tsa');
    const req = createTimestampRequest({ digest: provider.digest('SM3', data), digestAlgorithm: 'SM3', nonce: 5n });
    const resp = await createTimestampResponse(req, {
      signer: tsa.key.signer,
      certificate: tsa.certificate,
      chain: tsa.chain.slice(1),
      clock: new FixedClock(new Date(T0.getTime() + 5000)),
      random: new SeededRandom(3),
      provider,
      policy: '1.3.6.1.4.1.99999.1.1',
    });
    const token = parseTimestampResponse(resp).token as Uint8Array;
    const tst = parseSignedData(token).eContent as Uint8Array;
    expect(bcVerify([{ signed: token }, { signed: flip(token, Buffer.from(token).indexOf(Buffer.from(tst)) + 6) }])).toEqual([true, false]);
  });

  describe('known issues', () => {
    // BouncyCastle 1.72 maps only SM3withSM2 (1.2.156.10197.1.501) to an SM2 verifier, not the GB/T 35275
    // sm2-1 OID (…301.1) that `gm: true` writes; GM toolkits (and our verifier) accept both.
    it.fails('BouncyCastle verifies GB/T 35275 (gm: true) SM2 SignedData', async () => {
      const gm = await signCms({ ...signer('SM2'), content: data, gm: true });
      expect(bcVerify([{ signed: gm }])).toEqual([true]);
    });
  });
});
