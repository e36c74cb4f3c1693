// Interop: our CMS SignedData against OpenSSL 3.0's `cms` command, both directions, with tamper twins.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeyType } from '@openseal/crypto';
import { FixedClock, utf8 } from '@openseal/kernel';
import { parseCertificate, parseSignedData, signCms, signingCertificateV2Attribute, verifySignedData } from '@openseal/pki';
import { makeTestPki, provider, T0, type CmsTestPki } from '../../packages/pki/test/support/cms-test-pki.js';
import { openssl, opensslOk, tempDir } from '../support/openssl.js';

const tmp = tempDir('openseal-cms-interop-');
const data = utf8('OpenSeal ⇄ OpenSSL CMS interop\n');
const ATTIME = String(Math.floor(T0.getTime() / 1000) + 86_400);
const pkis = new Map<KeyType, CmsTestPki>();

beforeAll(async () => {
  writeFileSync(tmp.path('data.bin'), data);
  for (const k of ['RSA', 'EC-P256'] as const) {
    const p = await makeTestPki(k);
    pkis.set(k, p);
    writeFileSync(tmp.path(`${k}-root.pem`), p.root.certificate.toPem());
  }
});
afterAll(() => tmp.cleanup());

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const out = bytes.slice();
  out[at] = (out[at] as number) ^ 0x01;
  return out;
}

function opensslVerify(k: KeyType, sig: Uint8Array, detached: Uint8Array | undefined) {
  const name = `sig-${Math.random().toString(16).slice(2)}.der`;
  writeFileSync(tmp.path(name), sig);
  const args = ['cms', '-verify', '-cades', '-binary', '-inform', 'DER', '-in', tmp.path(name), '-CAfile', tmp.path(`${k}-root.pem`), '-attime', ATTIME];
  if (detached) {
    writeFileSync(tmp.path(`${name}.content`), detached);
    args.push('-content', tmp.path(`${name}.content`));
  }
  return openssl(args);
}

describe.each(['RSA', 'EC-P256'] as const)('OpenSSL verifies our %s SignedData', (k) => {
  it('accepts detached and encapsulated signatures (signingCertificateV2 checked) and rejects tamper twins', async () => {
    const e = pkis.get(k)?.endEntities.sealSigner;
    if (!e) throw new Error('no signer');
    const base = { signer: e.key.signer, signerCertificate: e.certificate, certificates: e.chain, provider };
    const detached = await signCms({ ...base, detached: { data } });
    const ok = opensslVerify(k, detached, data);
    expect(ok.stderr).toContain('Verification successful');
    expect(ok.code).toBe(0);
    expect(opensslVerify(k, detached, flip(data, 3)).code).not.toBe(0);

    const encapsulated = await signCms({ ...base, content: data });
    const enc = opensslVerify(k, encapsulated, undefined);
    expect(enc.code).toBe(0);
    expect(new Uint8Array(enc.stdout)).toEqual(data);
    const at = Buffer.from(encapsulated).indexOf(Buffer.from(data));
    expect(opensslVerify(k, flip(encapsulated, at + 2), undefined).code).not.toBe(0);

    // With -cades OpenSSL checks ESS signing-certificate-v2: naming another certificate must fail there too.
    const other = pkis.get(k)?.endEntities.personSigner?.certificate;
    if (!other) throw new Error('no personSigner');
    const wrongEss = await signCms({
      ...base,
      detached: { data },
      signedAttributes: { signingCertificateV2: false, extra: [signingCertificateV2Attribute(other, 'SHA-256', provider)] },
    });
    const bad = opensslVerify(k, wrongEss, data);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/signing certificate|ess/i);
  });
});

it('OpenSSL verifies our RSASSA-PSS SignedData', async () => {
  const e = pkis.get('RSA')?.endEntities.sealSigner;
  if (!e) throw new Error('no signer');
  const pss = await signCms({
    detached: { data },
    signer: e.key.signer,
    signatureAlgorithm: { name: 'RSA-PSS', hash: 'SHA-256' },
    signerCertificate: e.certificate,
    certificates: e.chain,
    provider,
  });
  expect(opensslVerify('RSA', pss, data).code).toBe(0);
  expect(opensslVerify('RSA', pss, flip(data, 1)).code).not.toBe(0);
});

describe('we verify OpenSSL-made SignedData', () => {
  const made = new Map<string, { root: string; sig: (extra: string[]) => Uint8Array }>();

  beforeAll(() => {
    for (const [kind, keyArgs] of [
      ['rsa', ['-newkey', 'rsa:2048']],
      ['ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']],
    ] as const) {
      const p = (n: string) => tmp.path(`ossl-${kind}-${n}`);
      opensslOk(['req', '-x509', ...keyArgs, '-nodes', '-keyout', p('ca.key'), '-out', p('ca.pem'), '-subj', `/CN=OpenSSL ${kind} CA`, '-days', '30',
        '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
      opensslOk(['req', '-new', ...keyArgs, '-nodes', '-keyout', p('signer.key'), '-out', p('signer.csr'), '-subj', `/CN=OpenSSL ${kind} signer`]);
      writeFileSync(p('ext.cnf'), 'keyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=emailProtection\nsubjectKeyIdentifier=hash\n');
      opensslOk(['x509', '-req', '-in', p('signer.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-set_serial', '0x1f2e3d', '-days', '10', '-extfile', p('ext.cnf'), '-out', p('signer.pem')]);
      made.set(kind, {
        root: readFileSync(p('ca.pem'), 'utf8'),
        sig: (extra) =>
          new Uint8Array(opensslOk(['cms', '-sign', '-binary', '-md', 'sha256', '-in', tmp.path('data.bin'), '-signer', p('signer.pem'), '-inkey', p('signer.key'), '-outform', 'DER', ...extra])),
      });
    }
  });

  it.each(['rsa', 'ec'])('%s: detached and -nodetach verify TOTAL_PASSED; tamper twins fail', async (kind) => {
    const m = made.get(kind);
    if (!m) throw new Error('not made');
    const trust = { provider, trustAnchors: [parseCertificate(m.root)], clock: new FixedClock(new Date()) };
    const detached = m.sig([]);
    const r = await verifySignedData(detached, { ...trust, detachedContent: data });
    expect(r.signers[0]?.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(r.indication).toBe('TOTAL_PASSED');
    // OpenSSL adds a signing-time attribute, but an unproven claim does not set the validation time
    expect(r.signers[0]?.signingTime).toBeInstanceOf(Date);
    expect(r.signers[0]?.validationTimeSource).toBe('clock');
    expect((await verifySignedData(detached, { ...trust, detachedContent: flip(data, 0) })).subIndication).toBe('HASH_FAILURE');
    const sig = parseSignedData(detached).signerInfos[0]?.signature as Uint8Array;
    const sigAt = Buffer.from(detached).indexOf(Buffer.from(sig));
    expect((await verifySignedData(flip(detached, sigAt + 7), { ...trust, detachedContent: data })).subIndication).toBe('SIG_CRYPTO_FAILURE');

    const attached = m.sig(['-nodetach']);
    const a = await verifySignedData(attached, trust);
    expect(a.indication).toBe('TOTAL_PASSED');
    expect(a.encapsulatedContent).toEqual(data);
    const at = Buffer.from(attached).indexOf(Buffer.from(data));
    expect((await verifySignedData(flip(attached, at + 1), trust)).subIndication).toBe('HASH_FAILURE');
  });

  it('rsa: an OpenSSL RSASSA-PSS signature (with its PSS parameters) verifies', async () => {
    const m = made.get('rsa');
    if (!m) throw new Error('not made');
    const pss = m.sig(['-keyopt', 'rsa_padding_mode:pss', '-keyopt', 'rsa_pss_saltlen:20']);
    const r = await verifySignedData(pss, { provider, detachedContent: data, trustAnchors: [parseCertificate(m.root)], clock: new FixedClock(new Date()) });
    expect(r.indication).toBe('TOTAL_PASSED');
    expect(r.signers[0]?.signatureAlgorithm).toEqual({ name: 'RSA-PSS', hash: 'SHA-256', saltLength: 20 });
    expect((await verifySignedData(pss, { provider, detachedContent: flip(data, 2) })).subIndication).toBe('HASH_FAILURE');
  });
});
