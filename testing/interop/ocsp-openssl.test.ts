// Interop: our RFC 6960 requests, responder and verifier against OpenSSL 3.0's `ocsp` command.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyType } from '@openseal/crypto';
import { FixedClock, SeededRandom } from '@openseal/kernel';
import {
  createOcspRequest,
  createOcspResponse,
  parseOcspResponse,
  verifyOcspResponse,
  type OcspCertStatus,
  type OcspResponderOptions,
} from '@openseal/pki';
import { makeTestPki, provider, type CmsTestPki } from '../../packages/pki/test/support/cms-test-pki.js';
import { openssl, opensslOk, tempDir } from '../support/openssl.js';

const tmp = tempDir('openseal-ocsp-interop-');
// OpenSSL checks thisUpdate/nextUpdate against the real clock, so responses are made "now".
const realNow = new FixedClock(new Date(Math.floor(Date.now() / 1000) * 1000));
const REVOKED_AT = new Date('2026-01-01T12:00:00Z');
const pkis = new Map<KeyType, CmsTestPki>();

function entity(k: KeyType, id: string) {
  const e = pkis.get(k)?.endEntities[id];
  if (!e) throw new Error(`no ${id}`);
  return e;
}

beforeAll(async () => {
  for (const k of ['RSA', 'EC-P256'] as const) {
    const p = await makeTestPki(k);
    pkis.set(k, p);
    writeFileSync(tmp.path(`${k}-root.pem`), p.root.certificate.toPem());
    writeFileSync(tmp.path(`${k}-inter.pem`), p.intermediate.certificate.toPem());
    for (const id of ['sealSigner', 'personSigner', 'ocspResponder']) writeFileSync(tmp.path(`${k}-${id}.pem`), entity(k, id).certificate.toPem());
    writeFileSync(tmp.path(`${k}-ocspResponder.key`), entity(k, 'ocspResponder').key.pem);
  }
});
afterAll(() => tmp.cleanup());

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] as number) ^ 0x01;
  return out;
}

function responder(k: KeyType): OcspResponderOptions {
  const r = entity(k, 'ocspResponder');
  const revokedSerial = entity(k, 'personSigner').certificate.serialNumber;
  return {
    responderCertificate: r.certificate,
    signer: r.key.signer,
    issuers: [pkis.get(k)?.intermediate.certificate].filter((c) => c !== undefined),
    lookup: (serial): OcspCertStatus => (serial === revokedSerial ? { status: 'revoked', revokedAt: REVOKED_AT, reason: 'superseded' } : { status: 'good' }),
    clock: realNow,
    provider,
    nextUpdateSeconds: 3600,
  };
}

/** With `-reqin` OpenSSL checks the response nonce against that request; `-cert` would make a new one. */
function opensslCheck(k: KeyType, resp: Uint8Array, how: string[]) {
  const name = tmp.path(`resp-${Math.random().toString(16).slice(2)}.der`);
  writeFileSync(name, resp);
  return openssl([
    'ocsp', '-respin', name, '-issuer', tmp.path(`${k}-inter.pem`), '-CAfile', tmp.path(`${k}-root.pem`), '-verify_other', tmp.path(`${k}-inter.pem`),
    '-resp_text', ...how,
  ]);
}

describe.each(['RSA', 'EC-P256'] as const)('OpenSSL ocsp and our %s responder', (k) => {
  it('answers `openssl ocsp -reqout` requests with responses `openssl ocsp -respin` accepts', async () => {
    opensslOk(['ocsp', '-issuer', tmp.path(`${k}-inter.pem`), '-cert', tmp.path(`${k}-sealSigner.pem`), '-cert', tmp.path(`${k}-personSigner.pem`), '-reqout', tmp.path(`${k}-req.der`)]);
    const resp = await createOcspResponse(new Uint8Array(readFileSync(tmp.path(`${k}-req.der`))), responder(k));
    const r = opensslCheck(k, resp, ['-reqin', tmp.path(`${k}-req.der`)]);
    expect(r.stderr).toContain('Response verify OK');
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toMatch(/OCSP Nonce/);
    const certs = ['-cert', tmp.path(`${k}-sealSigner.pem`), '-cert', tmp.path(`${k}-personSigner.pem`), '-no_nonce'];
    const byCert = opensslCheck(k, resp, certs);
    expect(byCert.code).toBe(0);
    const out = byCert.stdout.toString();
    expect(out).toMatch(/sealSigner\.pem: good/);
    expect(out).toMatch(/personSigner\.pem: revoked/);
    expect(out).toMatch(/Reason: superseded/);

    // tamper twin: one byte of the signed ResponseData
    const tbs = parseOcspResponse(resp).basic?.tbsResponseData as Uint8Array;
    const at = Buffer.from(resp).indexOf(Buffer.from(tbs)) + tbs.length - 4;
    const bad = opensslCheck(k, flip(resp, at), certs);
    expect(bad.stderr).not.toContain('Response verify OK');
    expect(bad.code).not.toBe(0);
  });

  it('our SHA-256 CertID requests are answered by `openssl ocsp -index`, and we verify those responses', async () => {
    const p = pkis.get(k);
    if (!p) throw new Error('no pki');
    const expiry = '301231235959Z';
    const person = entity(k, 'personSigner').certificate;
    const signer = entity(k, 'sealSigner').certificate;
    writeFileSync(
      tmp.path(`${k}-index.txt`),
      `V\t${expiry}\t\t${signer.serialNumber.toUpperCase()}\tunknown\t/CN=signer\n` +
        `R\t${expiry}\t260101120000Z,keyCompromise\t${person.serialNumber.toUpperCase()}\tunknown\t/CN=person\n`,
    );
    const nonce = new SeededRandom(9).bytes(16);
    const issuer = p.intermediate.certificate;
    const req = createOcspRequest({ certs: [{ cert: signer, issuer }, { cert: person, issuer }], nonce, hashAlgorithm: 'SHA-256', provider });
    writeFileSync(tmp.path(`${k}-our-req.der`), req);
    opensslOk([
      'ocsp', '-index', tmp.path(`${k}-index.txt`), '-CA', tmp.path(`${k}-inter.pem`), '-rsigner', tmp.path(`${k}-ocspResponder.pem`),
      '-rkey', tmp.path(`${k}-ocspResponder.key`), '-reqin', tmp.path(`${k}-our-req.der`), '-respout', tmp.path(`${k}-ossl-resp.der`), '-ndays', '1',
    ]);
    const resp = new Uint8Array(readFileSync(tmp.path(`${k}-ossl-resp.der`)));
    const opts = { provider, issuer, expectedNonce: nonce, trustAnchors: p.trustAnchors, clock: realNow };
    const good = await verifyOcspResponse(resp, { ...opts, certificate: signer });
    expect(good.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(good.indication).toBe('TOTAL_PASSED');
    expect(good.singleResponse?.status).toBe('good');
    const revoked = await verifyOcspResponse(resp, { ...opts, certificate: person });
    expect(revoked.singleResponse).toMatchObject({ status: 'revoked', revokedAt: REVOKED_AT, reason: 'keyCompromise' });
    const tbs = parseOcspResponse(resp).basic?.tbsResponseData as Uint8Array;
    const at = Buffer.from(resp).indexOf(Buffer.from(tbs)) + 12;
    const tampered = await verifyOcspResponse(flip(resp, at), { ...opts, certificate: signer });
    expect(tampered.indication).toBe('TOTAL_FAILED');
  });
});
