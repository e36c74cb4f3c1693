import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyType } from '@openseal/crypto';
import { FixedClock, SeededRandom, utf8 } from '@openseal/kernel';
import { signCms, verifySignedData } from '../src/cms/index.js';
import {
  OcspClient,
  OcspRevocationSource,
  createOcspRequest,
  createOcspResponse,
  parseOcspRequest,
  parseOcspResponse,
  verifyOcspResponse,
  type OcspCertStatus,
  type OcspResponderOptions,
} from '../src/ocsp/index.js';
import type { Certificate } from '../src/x509/index.js';
import { makeTestPki, provider, T0, type CmsTestPki } from './support/cms-test-pki.js';

const KEY_TYPES: readonly KeyType[] = ['RSA', 'EC-P256', 'SM2'];
const pkis = new Map<KeyType, CmsTestPki>();
const now = new FixedClock(new Date(T0.getTime() + 86_400_000));
const REVOKED_AT = new Date(T0.getTime() + 3_600_000);

beforeAll(async () => {
  for (const k of KEY_TYPES) pkis.set(k, await makeTestPki(k));
});

function pki(k: KeyType): CmsTestPki {
  return pkis.get(k) as CmsTestPki;
}

function entity(k: KeyType, id: string) {
  const e = pki(k).endEntities[id];
  if (!e) throw new Error(`no ${id}`);
  return e;
}

/** Status table: personSigner is revoked (keyCompromise) an hour after T0, everything else is good. */
function lookup(k: KeyType) {
  return (serial: string): OcspCertStatus =>
    serial === entity(k, 'personSigner').certificate.serialNumber ? { status: 'revoked', revokedAt: REVOKED_AT, reason: 'keyCompromise' } : { status: 'good' };
}

function delegated(k: KeyType, extra: Partial<OcspResponderOptions> = {}): OcspResponderOptions {
  const r = entity(k, 'ocspResponder');
  return {
    responderCertificate: r.certificate,
    signer: r.key.signer,
    issuers: [pki(k).intermediate.certificate],
    lookup: lookup(k),
    clock: now,
    provider,
    nextUpdateSeconds: 3600,
    ...extra,
  };
}

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] as number) ^ 0x01;
  return out;
}

function failedCodes(v: { checks: readonly { code: string; status: string }[] }): string[] {
  return v.checks.filter((c) => c.status === 'failed').map((c) => c.code);
}

describe.each(KEY_TYPES)('OCSP responder and verifier with %s', (keyType) => {
  it('answers good, revoked and unknown in one response, signed by a delegated responder', async () => {
    const issuer = pki(keyType).intermediate.certificate;
    const signer = entity(keyType, 'sealSigner').certificate;
    const revoked = entity(keyType, 'personSigner').certificate;
    const foreign = pki(keyType).intermediate.certificate; // issued by the root: not ours to answer
    const nonce = new SeededRandom(3).bytes(32);
    const req = createOcspRequest({
      certs: [
        { cert: signer, issuer },
        { cert: revoked, issuer },
        { cert: foreign, issuer: pki(keyType).root.certificate },
      ],
      nonce,
      hashAlgorithm: keyType === 'SM2' ? 'SM3' : 'SHA-256',
      provider,
    });
    expect(parseOcspRequest(req).nonce).toEqual(nonce);
    const der = await createOcspResponse(req, delegated(keyType));
    const parsed = parseOcspResponse(der);
    expect(parsed.basic?.responses.map((r) => r.status)).toEqual(['good', 'revoked', 'unknown']);
    expect(parsed.basic?.responses[1]).toMatchObject({ revokedAt: REVOKED_AT, reason: 'keyCompromise' });
    expect(parsed.basic?.responses[0]?.nextUpdate?.getTime()).toBe(now.now().getTime() + 3_600_000);
    const v = await verifyOcspResponse(der, {
      provider,
      issuer,
      certificate: signer,
      expectedNonce: nonce,
      trustAnchors: pki(keyType).trustAnchors,
      clock: now,
    });
    expect(failedCodes(v)).toEqual([]);
    expect(v.indication).toBe('TOTAL_PASSED');
    expect(v.singleResponse?.status).toBe('good');
    expect(v.responderCertificate?.equals(entity(keyType, 'ocspResponder').certificate)).toBe(true);
  });

  it('tamper twin: one changed byte in the response data is SIG_CRYPTO_FAILURE', async () => {
    const issuer = pki(keyType).intermediate.certificate;
    const cert = entity(keyType, 'sealSigner').certificate;
    const der = await createOcspResponse(createOcspRequest({ certs: [{ cert, issuer }], provider }), delegated(keyType));
    const tbs = parseOcspResponse(der).basic?.tbsResponseData as Uint8Array;
    const at = findBytes(der, tbs) + tbs.length - 3; // inside thisUpdate's GeneralizedTime
    const v = await verifyOcspResponse(flip(der, at), { provider, issuer, certificate: cert });
    expect(v.indication).toBe('TOTAL_FAILED');
    expect(v.subIndication).toBe('SIG_CRYPTO_FAILURE');
  });
});

function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

describe('OCSP edge cases', () => {
  const k: KeyType = 'EC-P256';
  const issuer = () => pki(k).intermediate.certificate;
  const cert = () => entity(k, 'sealSigner').certificate;

  it('lets the CA answer for itself with a byName ResponderID', async () => {
    const ca = pki(k).intermediate;
    const der = await createOcspResponse(createOcspRequest({ certs: [{ cert: cert(), issuer: issuer() }], provider }), {
      ...delegated(k),
      responderCertificate: ca.certificate,
      signer: ca.key.signer,
      responderId: 'byName',
    });
    const v = await verifyOcspResponse(der, { provider, issuer: issuer(), certificate: cert(), trustAnchors: pki(k).trustAnchors, clock: now });
    expect(v.indication).toBe('TOTAL_PASSED');
    expect(v.checks.find((c) => c.code === 'OCSP_RESPONDER_UNAUTHORIZED')?.details).toMatchObject({ responder: 'issuing CA' });
  });

  it('answers malformedRequest for bad DER, and the verifier reports it', async () => {
    const der = await createOcspResponse(Uint8Array.of(0x30, 0x02, 0x05, 0x00), delegated(k));
    expect(parseOcspResponse(der).status).toBe('malformedRequest');
    const v = await verifyOcspResponse(der, { provider, issuer: issuer() });
    expect(v.indication).toBe('INDETERMINATE');
    expect(failedCodes(v)).toEqual(['OCSP_NOT_SUCCESSFUL']);
    const garbage = await verifyOcspResponse(utf8('not DER'), { provider, issuer: issuer() });
    expect(garbage.checks[0]).toMatchObject({ code: 'OCSP_MALFORMED', status: 'failed' });
  });

  it('refuses to sign as a responder the CA did not delegate, and the verifier rejects such responses', async () => {
    const tsa = entity(k, 'tsa');
    const req = createOcspRequest({ certs: [{ cert: cert(), issuer: issuer() }], provider });
    await expect(createOcspResponse(req, { ...delegated(k), responderCertificate: tsa.certificate, signer: tsa.key.signer })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    // Built with no issuers configured, so every answer is "unknown" but still signed by the TSA key.
    const forged = await createOcspResponse(req, { ...delegated(k), issuers: [], responderCertificate: tsa.certificate, signer: tsa.key.signer });
    const v = await verifyOcspResponse(forged, { provider, issuer: issuer(), certificate: cert() });
    expect(v.indication).toBe('TOTAL_FAILED');
    expect(failedCodes(v)).toContain('OCSP_RESPONDER_UNAUTHORIZED');
  });

  it('checks the nonce and freshness', async () => {
    const nonce = Uint8Array.of(1, 2, 3, 4);
    const der = await createOcspResponse(createOcspRequest({ certs: [{ cert: cert(), issuer: issuer() }], nonce, provider }), delegated(k));
    const wrong = await verifyOcspResponse(der, { provider, issuer: issuer(), certificate: cert(), expectedNonce: Uint8Array.of(9) });
    expect(failedCodes(wrong)).toEqual(['OCSP_NONCE_MISMATCH']);
    const late = await verifyOcspResponse(der, { provider, issuer: issuer(), certificate: cert(), at: new Date(now.now().getTime() + 7_200_000) });
    expect(failedCodes(late)).toEqual(['OCSP_EXPIRED']);
    const early = await verifyOcspResponse(der, { provider, issuer: issuer(), certificate: cert(), at: T0 });
    expect(failedCodes(early)).toEqual(['OCSP_NOT_YET_VALID']);
    const other = await verifyOcspResponse(der, { provider, issuer: issuer(), certificate: entity(k, 'tsa').certificate });
    expect(failedCodes(other)).toEqual(['OCSP_CERT_NOT_IN_RESPONSE']);
  });
});

describe('OcspClient and OcspRevocationSource', () => {
  const k: KeyType = 'SM2';
  /** In-process transport: the delegated responder for the intermediate's certificates, the root CA for the intermediate. */
  const transport = async (req: Uint8Array): Promise<Uint8Array> => {
    const viaIntermediate = await createOcspResponse(req, delegated(k));
    if (parseOcspResponse(viaIntermediate).basic?.responses[0]?.status !== 'unknown') return viaIntermediate;
    const root = pki(k).root;
    return createOcspResponse(req, { ...delegated(k), responderCertificate: root.certificate, signer: root.key.signer, issuers: [root.certificate] });
  };
  let seed = 20;
  const client = (t = transport) =>
    new OcspClient(t, { provider, random: new SeededRandom(++seed), clock: now, trustAnchors: pki(k).trustAnchors, hashAlgorithm: 'SM3' });

  it('returns verified good and revoked answers', async () => {
    const issuer = pki(k).intermediate.certificate;
    expect((await client().check(entity(k, 'sealSigner').certificate, issuer)).status.status).toBe('good');
    expect((await client().check(entity(k, 'personSigner').certificate, issuer)).status).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
  });

  it('throws OCSP_UNAVAILABLE, OCSP_RESPONDER_ERROR and OCSP_BAD_RESPONSE', async () => {
    const issuer = pki(k).intermediate.certificate;
    const c = entity(k, 'sealSigner').certificate;
    await expect(client(async () => Promise.reject(new Error('timeout'))).check(c, issuer)).rejects.toMatchObject({ code: 'OCSP_UNAVAILABLE' });
    await expect(client(async () => Uint8Array.of(0x30, 0x03, 0x0a, 0x01, 0x03)).check(c, issuer)).rejects.toMatchObject({
      code: 'OCSP_RESPONDER_ERROR',
      details: { status: 'tryLater' },
    });
    let replay: Uint8Array | undefined;
    const replaying = async (req: Uint8Array) => (replay ??= await transport(req));
    await client(replaying).check(c, issuer);
    await expect(client(replaying).check(c, issuer)).rejects.toMatchObject({ code: 'OCSP_BAD_RESPONSE' });
  });

  it('answers from pre-fetched responses: revoked only from the revocation time on', async () => {
    const issuer = pki(k).intermediate.certificate;
    const person = entity(k, 'personSigner').certificate;
    const { response } = await client().check(person, issuer);
    const source = new OcspRevocationSource({ provider, responses: [response], trustAnchors: pki(k).trustAnchors });
    expect(await source.check(person, issuer, new Date(REVOKED_AT.getTime() + 1000))).toMatchObject({ status: 'revoked', source: 'ocsp' });
    expect(await source.check(person, issuer, new Date(REVOKED_AT.getTime() - 1000))).toMatchObject({ status: 'good', source: 'ocsp' });
    expect(await source.check(entity(k, 'sealSigner').certificate, issuer, now.now())).toMatchObject({ status: 'unknown', source: 'none' });
    const tampered = new OcspRevocationSource({ provider, responses: [flip(response, response.length - 40)] });
    expect((await tampered.check(person, issuer, now.now())).status).toBe('unknown');
  });

  it('feeds path validation: a CMS signer revoked before the validation time is REVOKED_NO_POE', async () => {
    const check = async (id: string) => {
      const e = entity(k, id);
      const der = await signCms({ content: utf8('x'), signer: e.key.signer, signerCertificate: e.certificate as Certificate, certificates: e.chain, provider });
      const revocation = new OcspRevocationSource({ provider, client: client(), trustAnchors: pki(k).trustAnchors });
      return verifySignedData(der, { provider, trustAnchors: pki(k).trustAnchors, clock: now, revocation });
    };
    expect((await check('sealSigner')).indication).toBe('TOTAL_PASSED');
    const revoked = await check('personSigner');
    expect(revoked.indication).toBe('INDETERMINATE');
    expect(revoked.subIndication).toBe('REVOKED_NO_POE');
  });
});
