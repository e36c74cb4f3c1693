// Interop: our RFC 3161 requests, responder and verifier against OpenSSL 3.0's `ts` command.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyType } from '@openseal/crypto';
import { FixedClock, SeededRandom, toHex, utf8 } from '@openseal/kernel';
import {
  createTimestampRequest,
  createTimestampResponse,
  parseCertificate,
  parseSignedData,
  parseTimestampResponse,
  verifyTimestampToken,
} from '@openseal/pki';
import { makeTestPki, provider, T0, type CmsTestPki } from '../../packages/pki/test/support/cms-test-pki.js';
import { openssl, opensslOk, tempDir } from '../support/openssl.js';

const tmp = tempDir('openseal-tsp-interop-');
const data = utf8('OpenSeal ⇄ OpenSSL timestamp interop\n');
const tsaTime = new Date(T0.getTime() + 86_400_000 + 125); // genTime with a fraction of a second
const ATTIME = String(Math.floor(tsaTime.getTime() / 1000) + 60);
const pkis = new Map<KeyType, CmsTestPki>();

beforeAll(async () => {
  writeFileSync(tmp.path('data.bin'), data);
  for (const k of ['RSA', 'EC-P256'] as const) {
    const p = await makeTestPki(k);
    pkis.set(k, p);
    const tsa = p.endEntities.tsa;
    if (!tsa) throw new Error('no tsa');
    writeFileSync(tmp.path(`${k}-root.pem`), p.root.certificate.toPem());
    writeFileSync(tmp.path(`${k}-untrusted.pem`), tsa.chain.slice(0, 2).map((c) => c.toPem()).join(''));
  }
});
afterAll(() => tmp.cleanup());

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] as number) ^ 0x01;
  return out;
}

async function ourResponse(k: KeyType, request: Uint8Array): Promise<Uint8Array> {
  const tsa = pkis.get(k)?.endEntities.tsa;
  if (!tsa) throw new Error('no tsa');
  return createTimestampResponse(request, {
    signer: tsa.key.signer,
    certificate: tsa.certificate,
    chain: tsa.chain.slice(1),
    clock: new FixedClock(tsaTime),
    random: new SeededRandom(77),
    provider,
    policy: '1.3.6.1.4.1.99999.1.1',
    acceptedPolicies: ['1.3.6.1.4.1.99999.1.1', '1.2.3.4.1'],
    accuracy: { seconds: 1, millis: 500 },
  });
}

function opensslTsVerify(k: KeyType, resp: Uint8Array, how: string[]) {
  const name = tmp.path(`resp-${Math.random().toString(16).slice(2)}.tsr`);
  writeFileSync(name, resp);
  return openssl(['ts', '-verify', '-in', name, ...how, '-CAfile', tmp.path(`${k}-root.pem`), '-untrusted', tmp.path(`${k}-untrusted.pem`), '-attime', ATTIME]);
}

describe.each(['RSA', 'EC-P256'] as const)('OpenSSL ts and our %s responder', (k) => {
  it('answers `openssl ts -query` requests with responses `openssl ts -verify` accepts', async () => {
    opensslOk(['ts', '-query', '-data', tmp.path('data.bin'), '-sha256', '-cert', '-out', tmp.path(`${k}-req.tsq`)]);
    const resp = await ourResponse(k, new Uint8Array(readFileSync(tmp.path(`${k}-req.tsq`))));
    const byQuery = opensslTsVerify(k, resp, ['-queryfile', tmp.path(`${k}-req.tsq`)]);
    expect(byQuery.stdout.toString()).toContain('Verification: OK');
    expect(byQuery.code).toBe(0);
    const digest = toHex(provider.digest('SHA-256', data));
    expect(opensslTsVerify(k, resp, ['-digest', digest]).code).toBe(0);
    expect(opensslTsVerify(k, resp, ['-data', tmp.path('data.bin')]).code).toBe(0);

    // tamper twins: a TSTInfo byte (policy OID), and the wrong data
    const token = parseTimestampResponse(resp).token as Uint8Array;
    const tst = parseSignedData(token).eContent as Uint8Array;
    const at = Buffer.from(resp).indexOf(Buffer.from(tst)) + 8;
    expect(opensslTsVerify(k, flip(resp, at), ['-digest', digest]).code).not.toBe(0);
    expect(opensslTsVerify(k, resp, ['-digest', toHex(provider.digest('SHA-256', utf8('other')))]).code).not.toBe(0);
  });

  it('accepts a policy request from OpenSSL and rejects an unknown one with unacceptedPolicy', async () => {
    opensslOk(['ts', '-query', '-data', tmp.path('data.bin'), '-sha384', '-tspolicy', '1.2.3.4.1', '-out', tmp.path(`${k}-pol.tsq`)]);
    const ok = parseTimestampResponse(await ourResponse(k, new Uint8Array(readFileSync(tmp.path(`${k}-pol.tsq`)))));
    expect(ok.info?.policy).toBe('1.2.3.4.1');
    expect(ok.info?.messageImprint.hashAlgorithm).toBe('SHA-384');
    opensslOk(['ts', '-query', '-data', tmp.path('data.bin'), '-tspolicy', '1.9.9', '-out', tmp.path(`${k}-bad.tsq`)]);
    const bad = await ourResponse(k, new Uint8Array(readFileSync(tmp.path(`${k}-bad.tsq`))));
    expect(parseTimestampResponse(bad)).toMatchObject({ status: 'rejection', failInfo: ['unacceptedPolicy'] });
    writeFileSync(tmp.path(`${k}-bad.tsr`), bad);
    expect(opensslOk(['ts', '-reply', '-in', tmp.path(`${k}-bad.tsr`), '-text']).toString()).toMatch(/requested TSA policy is not supported/);
  });
});

describe('we verify `openssl ts -reply` tokens', () => {
  let root: string;
  const p = (n: string) => tmp.path(`ossl-${n}`);

  beforeAll(() => {
    opensslOk(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', p('ca.key'), '-out', p('ca.pem'), '-subj', '/CN=OpenSSL TSA Root', '-days', '30',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    opensslOk(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', p('tsa.key'), '-out', p('tsa.csr'), '-subj', '/CN=OpenSSL TSA']);
    writeFileSync(p('tsa-ext.cnf'), 'keyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n');
    opensslOk(['x509', '-req', '-in', p('tsa.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-set_serial', '7', '-days', '10', '-extfile', p('tsa-ext.cnf'), '-out', p('tsa.pem')]);
    writeFileSync(p('serial'), '01\n');
    const section = (name: string, extra: string) =>
      `[ ${name} ]\nserial = ${p('serial')}\ncrypto_device = builtin\nsigner_cert = ${p('tsa.pem')}\ncerts = ${p('ca.pem')}\nsigner_key = ${p('tsa.key')}\n` +
      `signer_digest = sha256\ndefault_policy = 1.2.3.4.1\ndigests = sha1, sha256, sha384, sha512\naccuracy = secs:1, millisecs:500\n` +
      `clock_precision_digits = 3\nordering = yes\ntsa_name = yes\n${extra}\n`;
    writeFileSync(p('tsa.cnf'), `[ tsa ]\ndefault_tsa = ess_v2\n${section('ess_v2', 'ess_cert_id_alg = sha256')}${section('ess_v1', '')}`);
    root = readFileSync(p('ca.pem'), 'utf8');
  });

  it.each(['ess_v2', 'ess_v1'])('verifies a token (%s) for our request, with imprint and nonce, and rejects tamper twins', async (section) => {
    const digest = provider.digest('SHA-256', data);
    const nonce = 0x0123456789abcdefn;
    writeFileSync(p(`${section}.tsq`), createTimestampRequest({ digest, digestAlgorithm: 'SHA-256', nonce }));
    opensslOk(['ts', '-reply', '-config', p('tsa.cnf'), '-section', section, '-queryfile', p(`${section}.tsq`), '-out', p(`${section}.tsr`)]);
    const resp = parseTimestampResponse(new Uint8Array(readFileSync(p(`${section}.tsr`))));
    expect(resp.status).toBe('granted');
    expect(resp.info).toMatchObject({ policy: '1.2.3.4.1', nonce, ordering: true, accuracy: { seconds: 1, millis: 500 } });
    const token = resp.token as Uint8Array;
    const trust = { provider, trustAnchors: [parseCertificate(root)], expectedImprint: { digest, digestAlgorithm: 'SHA-256' as const }, expectedNonce: nonce };
    const v = await verifyTimestampToken(token, trust);
    expect(v.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(v.indication).toBe('TOTAL_PASSED');
    expect(v.checks.find((c) => c.code === 'TSA_SIGNING_CERT_MISMATCH')?.details).toMatchObject({
      attribute: section === 'ess_v2' ? 'signing-certificate-v2' : 'signing-certificate',
    });
    const tst = parseSignedData(token).eContent as Uint8Array;
    const at = Buffer.from(token).indexOf(Buffer.from(tst)) + 10;
    expect((await verifyTimestampToken(flip(token, at), trust)).subIndication).toBe('HASH_FAILURE');
    const sig = parseSignedData(token).signerInfos[0]?.signature as Uint8Array;
    expect((await verifyTimestampToken(flip(token, Buffer.from(token).indexOf(Buffer.from(sig)) + 9), trust)).subIndication).toBe('SIG_CRYPTO_FAILURE');
    expect((await verifyTimestampToken(token, { ...trust, expectedNonce: nonce + 1n })).indication).toBe('TOTAL_FAILED');
  });
});
