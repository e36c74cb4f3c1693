import { beforeAll, describe, expect, it } from 'vitest';
import { OID } from '@openseal/asn1';
import type { KeyType } from '@openseal/crypto';
import { FixedClock, SeededRandom, utf8 } from '@openseal/kernel';
import { addSignatureTimestamp, parseSignedData, signCms, signatureValueOf, verifySignedData } from '../src/cms/index.js';
import {
  TimestampClient,
  createTimestampRequest,
  createTimestampResponse,
  parseTimestampRequest,
  parseTimestampResponse,
  verifyTimestampToken,
  type TimestampResponderOptions,
} from '../src/tsp/index.js';
import { derOctetString, derOid, derSequence, derUnsignedInteger } from '../src/x509/der-writer.js';
import { makeTestPki, provider, T0, type CmsTestPki } from './support/cms-test-pki.js';

const KEY_TYPES: readonly KeyType[] = ['RSA', 'EC-P256', 'SM2'];
const pkis = new Map<KeyType, CmsTestPki>();
const tsaClock = new FixedClock(new Date(T0.getTime() + 3_600_000 + 250));
const POLICY = '1.3.6.1.4.1.99999.1.1';
const data = utf8('document to timestamp');

beforeAll(async () => {
  for (const k of KEY_TYPES) pkis.set(k, await makeTestPki(k));
});

function pki(k: KeyType): CmsTestPki {
  return pkis.get(k) as CmsTestPki;
}

function responder(k: KeyType, extra: Partial<TimestampResponderOptions> = {}): TimestampResponderOptions {
  const tsa = pki(k).endEntities.tsa;
  if (!tsa) throw new Error('no tsa');
  return {
    signer: tsa.key.signer,
    certificate: tsa.certificate,
    chain: tsa.chain.slice(1),
    clock: tsaClock,
    random: new SeededRandom(42),
    provider,
    policy: POLICY,
    accuracy: { seconds: 1 },
    ...extra,
  };
}

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] as number) ^ 0x01;
  return out;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe.each(KEY_TYPES)('RFC 3161 responder and verifier with %s', (keyType) => {
  const alg = keyType === 'SM2' ? 'SM3' : 'SHA-256';

  it('grants a token that verifies TOTAL_PASSED with imprint, nonce, ESS and a critical timeStamping EKU', async () => {
    const digest = provider.digest(alg, data);
    const req = createTimestampRequest({ digest, digestAlgorithm: alg, nonce: 0x1234567890abcdefn, certReq: true });
    const resp = parseTimestampResponse(await createTimestampResponse(req, responder(keyType)));
    expect(resp.status).toBe('granted');
    expect(resp.info?.genTime).toEqual(tsaClock.now());
    expect(resp.info?.policy).toBe(POLICY);
    expect(resp.info?.nonce).toBe(0x1234567890abcdefn);
    expect(resp.info?.accuracy).toEqual({ seconds: 1 });
    const v = await verifyTimestampToken(resp.token as Uint8Array, {
      provider,
      expectedImprint: { data },
      expectedNonce: 0x1234567890abcdefn,
      trustAnchors: pki(keyType).trustAnchors,
    });
    expect(v.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(v.indication).toBe('TOTAL_PASSED');
    expect(v.checks.find((c) => c.code === 'TSA_CERT_EKU')?.status).toBe('passed');
    expect(v.checks.find((c) => c.code === 'TSA_SIGNING_CERT_MISMATCH')?.status).toBe('passed');
  });

  it('tamper twins: a changed TSTInfo byte is HASH_FAILURE, a changed signature SIG_CRYPTO_FAILURE', async () => {
    const req = createTimestampRequest({ digest: provider.digest(alg, data), digestAlgorithm: alg, nonce: 7n });
    const token = parseTimestampResponse(await createTimestampResponse(req, responder(keyType))).token as Uint8Array;
    const policyAt = indexOf(token, derOid(POLICY));
    const t1 = await verifyTimestampToken(flip(token, policyAt + 4), { provider, trustAnchors: pki(keyType).trustAnchors });
    expect(t1.indication).toBe('TOTAL_FAILED');
    expect(t1.subIndication).toBe('HASH_FAILURE');
    const sig = parseSignedData(token).signerInfos[0]?.signature as Uint8Array;
    const t2 = await verifyTimestampToken(flip(token, indexOf(token, sig) + 10), { provider, trustAnchors: pki(keyType).trustAnchors });
    expect(t2.subIndication).toBe('SIG_CRYPTO_FAILURE');
    const t3 = await verifyTimestampToken(token, { provider, expectedImprint: { data: utf8('other') }, expectedNonce: 8n });
    expect(t3.checks.filter((c) => c.status === 'failed').map((c) => c.code)).toEqual(['TSA_IMPRINT_MISMATCH', 'TSA_NONCE_MISMATCH']);
  });
});

describe('RFC 3161 responder rejections and options', () => {
  const digest = provider.digest('SHA-256', data);

  async function statusOf(req: Uint8Array, extra: Partial<TimestampResponderOptions> = {}) {
    const r = parseTimestampResponse(await createTimestampResponse(req, responder('EC-P256', extra)));
    return [r.status, ...r.failInfo];
  }

  it('answers bad requests with PKIFailureInfo instead of throwing', async () => {
    expect(await statusOf(Uint8Array.of(0x30, 0x03, 0x02, 0x01))).toEqual(['rejection', 'badDataFormat']);
    const md5 = derSequence(derUnsignedInteger(1n), derSequence(derSequence(derOid('1.2.840.113549.2.5')), derOctetString(new Uint8Array(16))));
    expect(await statusOf(md5)).toEqual(['rejection', 'badAlg']);
    const short = derSequence(derUnsignedInteger(1n), derSequence(derSequence(derOid(OID.sha256)), derOctetString(new Uint8Array(20))));
    expect(await statusOf(short)).toEqual(['rejection', 'badDataFormat']);
    const v2 = derSequence(derUnsignedInteger(2n), derSequence(derSequence(derOid(OID.sha256)), derOctetString(digest)));
    expect(await statusOf(v2)).toEqual(['rejection', 'badRequest']);
    const policy = createTimestampRequest({ digest, digestAlgorithm: 'SHA-256', policy: '1.2.3.4' });
    expect(await statusOf(policy)).toEqual(['rejection', 'unacceptedPolicy']);
    expect(await statusOf(policy, { acceptedPolicies: [POLICY, '1.2.3.4'] })).toEqual(['granted']);
    expect(await statusOf(createTimestampRequest({ digest, digestAlgorithm: 'SHA-256' }), { acceptedDigestAlgorithms: ['SHA-512'] })).toEqual([
      'rejection',
      'badAlg',
    ]);
  });

  it('round-trips the request fields', () => {
    const req = parseTimestampRequest(createTimestampRequest({ digest, digestAlgorithm: 'SHA-256', nonce: 99n, policy: POLICY, certReq: false }));
    expect(req).toMatchObject({ version: 1, nonce: 99n, reqPolicy: POLICY, certReq: false, extensions: [] });
    expect(req.messageImprint.digest).toEqual(digest);
  });

  it('omits certificates when certReq is false and then needs the TSA certificate from the caller', async () => {
    const req = createTimestampRequest({ digest, digestAlgorithm: 'SHA-256', certReq: false });
    const token = parseTimestampResponse(await createTimestampResponse(req, responder('EC-P256'))).token as Uint8Array;
    expect(parseSignedData(token).certificates).toEqual([]);
    const alone = await verifyTimestampToken(token, { provider });
    expect(alone.subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND');
    const tsa = pki('EC-P256').endEntities.tsa;
    const withCert = await verifyTimestampToken(token, {
      provider,
      certificates: [tsa?.certificate] as never,
      trustAnchors: pki('EC-P256').trustAnchors,
      intermediates: pki('EC-P256').intermediates,
    });
    expect(withCert.indication).toBe('TOTAL_PASSED');
  });

  it('puts the TSA name and millisecond genTime in TSTInfo', async () => {
    const req = createTimestampRequest({ digest, digestAlgorithm: 'SHA-256' });
    const info = parseTimestampResponse(await createTimestampResponse(req, responder('EC-P256', { includeTsaName: true, ordering: true }))).info;
    expect(info?.genTime.getUTCMilliseconds()).toBe(250);
    expect(info?.ordering).toBe(true);
    expect(info?.tsaName?.type).toBe('directory');
  });

  it('refuses to run with a certificate that is not a TSA certificate', async () => {
    const signer = pki('EC-P256').endEntities.sealSigner;
    const req = createTimestampRequest({ digest, digestAlgorithm: 'SHA-256' });
    await expect(
      createTimestampResponse(req, responder('EC-P256', { certificate: signer?.certificate as never, signer: signer?.key.signer as never })),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('TimestampClient', () => {
  const tsaTransport = (k: KeyType) => async (req: Uint8Array) => createTimestampResponse(req, responder(k));

  it('returns a verified token for data, checking the TSA chain when trust anchors are given', async () => {
    const client = new TimestampClient(tsaTransport('SM2'), {
      provider,
      random: new SeededRandom(5),
      digestAlgorithm: 'SM3',
      trustAnchors: pki('SM2').trustAnchors,
      clock: tsaClock,
    });
    const result = await client.timestamp({ data });
    expect(result.info.messageImprint.hashAlgorithm).toBe('SM3');
    expect(result.verification.indication).toBe('TOTAL_PASSED');
  });

  it('throws TSA_BAD_RESPONSE for a replayed response (nonce mismatch)', async () => {
    let first: Uint8Array | undefined;
    const replaying = async (req: Uint8Array) => (first ??= await createTimestampResponse(req, responder('EC-P256')));
    const client = new TimestampClient(replaying, { provider, random: new SeededRandom(6) });
    await client.timestamp({ data });
    await expect(client.timestamp({ data })).rejects.toMatchObject({ code: 'TSA_BAD_RESPONSE' });
  });

  it('throws TSA_REJECTED, TSA_UNAVAILABLE and TSA_BAD_RESPONSE for the other failures', async () => {
    const rejecting = new TimestampClient(tsaTransport('EC-P256'), { provider, random: new SeededRandom(7), policy: '1.2.3' });
    await expect(rejecting.timestamp({ data })).rejects.toMatchObject({ code: 'TSA_REJECTED', details: { failInfo: ['unacceptedPolicy'] } });
    const down = new TimestampClient(async () => Promise.reject(new Error('ECONNREFUSED')), { provider, random: new SeededRandom(8), tsaName: 'http://tsa' });
    await expect(down.timestamp({ data })).rejects.toMatchObject({ code: 'TSA_UNAVAILABLE' });
    const garbage = new TimestampClient(async () => Uint8Array.of(1, 2, 3), { provider, random: new SeededRandom(9) });
    await expect(garbage.timestamp({ data })).rejects.toMatchObject({ code: 'TSA_BAD_RESPONSE' });
    const untrusted = new TimestampClient(tsaTransport('EC-P256'), { provider, random: new SeededRandom(10), trustAnchors: pki('RSA').trustAnchors, clock: tsaClock });
    await expect(untrusted.timestamp({ data })).rejects.toMatchObject({ code: 'TSA_BAD_RESPONSE' });
  });
});

describe('signature timestamps in CMS (PAdES B-T)', () => {
  it.each(KEY_TYPES)('adds a %s signature timestamp that the CMS verifier checks and uses as validation time', async (keyType) => {
    const e = pki(keyType).endEntities.sealSigner;
    if (!e) throw new Error('no signer');
    const cms = await signCms({ detached: { data }, signer: e.key.signer, signerCertificate: e.certificate, certificates: e.chain, provider });
    const client = new TimestampClient(async (req) => createTimestampResponse(req, responder(keyType)), {
      provider,
      random: new SeededRandom(11),
      digestAlgorithm: keyType === 'SM2' ? 'SM3' : 'SHA-256',
    });
    const { token } = await client.timestamp({ data: signatureValueOf(cms) });
    const bt = addSignatureTimestamp(cms, token, { provider });
    const r = await verifySignedData(bt, { provider, detachedContent: data, trustAnchors: pki(keyType).trustAnchors });
    expect(r.signers[0]?.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signers[0]?.timestamps).toHaveLength(1);
    expect(r.signers[0]?.validationTimeSource).toBe('timestamp');
    expect(r.signers[0]?.validationTime).toEqual(tsaClock.now());
    // every byte of the original SignerInfo except the lengths is kept
    expect(parseSignedData(bt).signerInfos[0]?.signedAttributesDer).toEqual(parseSignedData(cms).signerInfos[0]?.signedAttributesDer);
  });

  it('reports TSA_IMPRINT_MISMATCH for a token over something else, and refuses to add it when checked', async () => {
    const e = pki('EC-P256').endEntities.sealSigner;
    if (!e) throw new Error('no signer');
    const cms = await signCms({ detached: { data }, signer: e.key.signer, signerCertificate: e.certificate, certificates: e.chain, provider });
    const req = createTimestampRequest({ digest: provider.digest('SHA-256', data), digestAlgorithm: 'SHA-256' });
    const token = parseTimestampResponse(await createTimestampResponse(req, responder('EC-P256'))).token as Uint8Array;
    expect(() => addSignatureTimestamp(cms, token, { provider })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    const bt = addSignatureTimestamp(cms, token);
    const r = await verifySignedData(bt, { provider, detachedContent: data, trustAnchors: pki('EC-P256').trustAnchors, clock: tsaClock });
    expect(r.indication).toBe('TOTAL_FAILED');
    expect(r.subIndication).toBe('HASH_FAILURE');
    expect(r.signers[0]?.checks.filter((c) => c.status === 'failed').map((c) => c.code)).toEqual(['TSA_IMPRINT_MISMATCH']);
  });
});
