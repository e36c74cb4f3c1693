// Mutation fuzzing of the CMS, TSP and OCSP parsers, verifiers and responders: whatever the bytes,
// parsers throw only OpenSealError subclasses, verifiers return a report, responders answer in-protocol.
// SM2 keys, seeded signers, serials and a fixed clock make every seed input, hence every run, identical.
import { beforeAll, describe, expect, it } from 'vitest';
import { FixedClock, OpenSealError, SeededRandom, utf8, type RandomSource } from '@openseal/kernel';
import { parseSignedData, signCms, verifySignedData } from '../src/cms/index.js';
import {
  createOcspRequest,
  createOcspResponse,
  parseOcspRequest,
  parseOcspResponse,
  verifyOcspResponse,
  type OcspResponderOptions,
} from '../src/ocsp/index.js';
import {
  createTimestampRequest,
  createTimestampResponse,
  parseTimestampRequest,
  parseTimestampResponse,
  parseTimestampToken,
  verifyTimestampToken,
  type TimestampResponderOptions,
} from '../src/tsp/index.js';
import { makeTestPki, provider, T0, type CmsTestPki } from './support/cms-test-pki.js';

const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 2000);
const data = utf8('fuzz me');
const now = new FixedClock(new Date(T0.getTime() + 60_000));
let pki: CmsTestPki;
let tsaOptions: TimestampResponderOptions;
let ocspOptions: OcspResponderOptions;
const seeds: Record<string, Uint8Array> = {};

beforeAll(async () => {
  pki = await makeTestPki('SM2');
  const e = pki.endEntities.sealSigner;
  const tsa = pki.endEntities.tsa;
  const responder = pki.endEntities.ocspResponder;
  if (!e || !tsa || !responder) throw new Error('test PKI incomplete');
  tsaOptions = { signer: tsa.key.signer, certificate: tsa.certificate, chain: tsa.chain.slice(1), clock: now, random: new SeededRandom(1), provider, policy: '1.2.3.4' };
  ocspOptions = {
    responderCertificate: responder.certificate,
    signer: responder.key.signer,
    issuers: [pki.intermediate.certificate],
    lookup: () => ({ status: 'good' }),
    clock: now,
    provider,
    nextUpdateSeconds: 60,
  };
  seeds.cms = await signCms({ content: data, signer: e.key.signer, signerCertificate: e.certificate, certificates: e.chain, provider, signedAttributes: { signingTime: T0 } });
  seeds.tsq = createTimestampRequest({ digest: provider.digest('SM3', data), digestAlgorithm: 'SM3', nonce: 42n, policy: '1.2.3.4' });
  seeds.tsr = await createTimestampResponse(seeds.tsq, tsaOptions);
  seeds.token = parseTimestampResponse(seeds.tsr).token as Uint8Array;
  seeds.ocspReq = createOcspRequest({ certs: [{ cert: e.certificate, issuer: pki.intermediate.certificate }], nonce: Uint8Array.of(1, 2, 3), hashAlgorithm: 'SM3', provider });
  seeds.ocspResp = await createOcspResponse(seeds.ocspReq, ocspOptions);
});

/** One random structural mutation: flip bits, overwrite a length-ish byte, truncate, insert or delete. */
function mutate(input: Uint8Array, random: RandomSource): Uint8Array {
  const r = random.bytes(4);
  const at = ((r[0] as number) * 256 + (r[1] as number)) % input.length;
  const kind = (r[2] as number) % 6;
  const value = r[3] as number;
  const out = input.slice();
  switch (kind) {
    case 0:
      out[at] = (out[at] as number) ^ (1 << (value & 7));
      return out;
    case 1:
      out[at] = value;
      return out;
    case 2:
      out[at] = value | 0x80; // long-form length bytes
      return out;
    case 3:
      return input.slice(0, at);
    case 4:
      return Uint8Array.from([...input.slice(0, at), value, ...input.slice(at)]);
    default:
      return Uint8Array.from([...input.slice(0, at), ...input.slice(at + 1 + (value % 8))]);
  }
}

async function onlyTypedErrors(fn: () => unknown): Promise<'ok' | 'typed'> {
  try {
    await fn();
    return 'ok';
  } catch (e) {
    if (e instanceof OpenSealError) return 'typed';
    throw e;
  }
}

async function fuzz(name: string, seed: number, targets: readonly ((bytes: Uint8Array) => unknown)[]) {
  const random = new SeededRandom(seed);
  const base = seeds[name] as Uint8Array;
  const started = performance.now();
  let typed = 0;
  let slowest = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    let bytes = mutate(base, random);
    if ((random.bytes(1)[0] as number) < 64 && bytes.length > 0) bytes = mutate(bytes, random);
    const t0 = performance.now();
    for (const t of targets) if ((await onlyTypedErrors(() => t(bytes))) === 'typed') typed++;
    slowest = Math.max(slowest, performance.now() - t0);
  }
  // no input may make a parser or verifier hang
  expect(slowest).toBeLessThan(1000);
  return { ms: performance.now() - started, typed };
}

describe('mutation fuzzing (only typed errors or reports, quickly)', () => {
  const trust = () => ({ provider, trustAnchors: pki.trustAnchors, clock: now });

  it('CMS SignedData', async () => {
    const r = await fuzz('cms', 1, [
      (b) => parseSignedData(b),
      async (b) => {
        const v = await verifySignedData(b, trust());
        expect(['TOTAL_PASSED', 'TOTAL_FAILED', 'INDETERMINATE']).toContain(v.indication);
      },
    ]);
    expect(r.typed).toBeGreaterThan(0);
    expect(r.ms).toBeLessThan(60_000);
  });

  it('RFC 3161 tokens, responses and requests (the responder included)', async () => {
    const token = await fuzz('token', 2, [(b) => parseTimestampToken(b), (b) => verifyTimestampToken(b, { ...trust(), expectedImprint: { data } })]);
    const resp = await fuzz('tsr', 3, [(b) => parseTimestampResponse(b)]);
    const req = await fuzz('tsq', 4, [
      (b) => parseTimestampRequest(b),
      async (b) => {
        // the responder never throws for a bad request: it answers with a PKIStatus
        const answer = parseTimestampResponse(await createTimestampResponse(b, tsaOptions));
        expect(answer.status === 'granted' || answer.failInfo.length > 0).toBe(true);
      },
    ]);
    expect(token.typed + resp.typed + req.typed).toBeGreaterThan(0);
  });

  it('OCSP responses and requests (the responder included)', async () => {
    const issuer = () => pki.intermediate.certificate;
    const resp = await fuzz('ocspResp', 5, [
      (b) => parseOcspResponse(b),
      (b) => verifyOcspResponse(b, { ...trust(), issuer: issuer(), certificate: pki.endEntities.sealSigner?.certificate as never }),
    ]);
    const req = await fuzz('ocspReq', 6, [
      (b) => parseOcspRequest(b),
      async (b) => {
        const answer = parseOcspResponse(await createOcspResponse(b, ocspOptions));
        expect(['successful', 'malformedRequest']).toContain(answer.status);
      },
    ]);
    expect(resp.typed + req.typed).toBeGreaterThan(0);
  });
});
