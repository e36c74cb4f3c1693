import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openssl, opensslOk, tempDir } from '../../../testing/support/openssl.js';
import { runBin, runCli } from './run-cli.js';

const tmp = tempDir('openseal-cli-');
afterAll(() => tmp.cleanup());

describe('openseal key', () => {
  it.each(['sm2', 'rsa2048', 'p256', 'p384'])('key gen --alg %s writes a key OpenSSL reads', async (alg) => {
    const out = tmp.path(`k-${alg}.pem`);
    const r = await runCli(['key', 'gen', '--alg', alg, '--out', out, '--json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout) as { keyType: string; encrypted: boolean };
    expect(info.encrypted).toBe(false);
    const text = opensslOk(['pkey', '-in', out, '-text', '-noout']).toString();
    if (alg === 'sm2') expect(text).toMatch(/SM2/);
    if (alg === 'p384') expect(text).toMatch(/P-384|secp384r1/);
  });

  it('encrypts a generated key with SM4 under a passphrase file, and OpenSSL decrypts it', async () => {
    const pass = tmp.path('pass.txt');
    writeFileSync(pass, 's3cret-口令\n');
    const out = tmp.path('enc.pem');
    expect((await runCli(['key', 'gen', '--alg', 'sm2', '--out', out, '--cipher', 'sm4', '--passphrase-file', pass])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('ENCRYPTED PRIVATE KEY');
    expect(openssl(['pkey', '-in', out, '-passin', `file:${pass}`, '-noout']).code).toBe(0);
    const wrong = await runCli(['key', 'info', out, '--passphrase', 'nope']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toContain('KEY_PASSPHRASE_INVALID');
  });

  it('reads keys in the formats OpenSSL writes: PKCS#8, SEC1, PKCS#1, SM2 and PKCS#12', async () => {
    opensslOk(['genpkey', '-algorithm', 'SM2', '-out', tmp.path('o-sm2.pem')]);
    opensslOk(['ec', '-in', tmp.path('o-sm2.pem'), '-out', tmp.path('o-sm2-sec1.pem')]);
    opensslOk(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', tmp.path('o-rsa.pem')]);
    opensslOk(['rsa', '-in', tmp.path('o-rsa.pem'), '-traditional', '-out', tmp.path('o-rsa1.pem')]);
    opensslOk(['req', '-x509', '-new', '-key', tmp.path('o-rsa.pem'), '-subj', '/CN=p12 test', '-days', '30', '-out', tmp.path('o-rsa.crt')]);
    opensslOk(['pkcs12', '-export', '-inkey', tmp.path('o-rsa.pem'), '-in', tmp.path('o-rsa.crt'), '-passout', 'pass:test', '-out', tmp.path('o-rsa.p12')]);
    const expect1 = async (file: string, keyType: string, extra: string[] = []) => {
      const r = await runCli(['key', 'info', file, '--json', ...extra]);
      expect(r.stderr).toBe('');
      expect((JSON.parse(r.stdout) as { keyType: string }).keyType).toBe(keyType);
    };
    await expect1(tmp.path('o-sm2.pem'), 'SM2');
    await expect1(tmp.path('o-sm2-sec1.pem'), 'SM2');
    await expect1(tmp.path('o-rsa1.pem'), 'RSA');
    await expect1(tmp.path('o-rsa.p12'), 'RSA', ['--passphrase', 'test']);
  });

  it('prints one clear line and exits 2 on a usage error', async () => {
    const r = await runCli(['key', 'gen', '--alg', 'dsa', '--out', tmp.path('x.pem')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^openseal: unknown key algorithm "dsa"/);
  });
});

describe('openseal ca / cert / crl', () => {
  it('runs an encrypted SM2 CA: init, issue, revoke; OpenSSL checks the leaf signature and the CRL', async () => {
    const dir = tmp.path('ca-sm2');
    const env = 'OPENSEAL_TEST_CA_PASS';
    process.env[env] = 'ca-passphrase';
    const init = await runCli(['ca', 'init', '--dir', dir, '--alg', 'sm2', '--name', '某某市人民政府', '--passphrase-env', env, '--json']);
    expect(init.code).toBe(0);
    expect(readFileSync(`${dir}/issuing.key.pem`, 'utf8')).toContain('ENCRYPTED PRIVATE KEY');
    const noPass = await runCli(['cert', 'issue', '--ca', dir, '--profile', 'seal-signer', '--subject', 'CN=办公室,O=某某市人民政府,C=CN', '--new-key', 'sm2', '--key-out', tmp.path('s.key'), '--out', tmp.path('s.pem')]);
    expect(noPass.code).toBe(1);
    const issue = await runCli(['cert', 'issue', '--ca', dir, '--profile', 'seal-signer', '--subject', 'CN=办公室,O=某某市人民政府,C=CN', '--new-key', 'sm2', '--key-out', tmp.path('s.key'), '--out', tmp.path('s.pem'), '--passphrase-env', env, '--json']);
    expect(issue.code).toBe(0);
    const serial = (JSON.parse(issue.stdout) as { serialNumber: string }).serialNumber;
    // SM2 needs the distinguishing ID on OpenSSL's side; check the leaf link only (see x509 interop notes).
    expect(openssl(['verify', '-vfyopt', 'distid:1234567812345678', '-partial_chain', '-CAfile', `${dir}/chain.pem`, tmp.path('s.pem')]).code).toBe(0);
    const crl = await runCli(['crl', '--ca', dir, '--revoke', serial.toUpperCase(), '--reason', 'keyCompromise', '--passphrase-env', env, '--json']);
    expect(crl.code).toBe(0);
    expect((JSON.parse(crl.stdout) as { revoked: string[] }).revoked).toEqual([serial]);
    expect(opensslOk(['crl', '-in', `${dir}/crl.pem`, '-noout', '-text']).toString()).toContain('Key Compromise');
    delete process.env[env];
  });

  it('an RSA CA made by the CLI satisfies openssl verify, with and without a revocation', async () => {
    const dir = tmp.path('ca-rsa');
    expect((await runCli(['ca', 'init', '--dir', dir, '--alg', 'rsa'])).code).toBe(0);
    const r = await runCli(['cert', 'issue', '--ca', dir, '--profile', 'person', '--subject', 'CN=张三,O=某某市人民政府,C=CN', '--new-key', 'p256', '--key-out', tmp.path('p.key'), '--out', tmp.path('p.pem'), '--json']);
    expect(r.code).toBe(0);
    const chain = ['-CAfile', `${dir}/ca.pem`, '-untrusted', `${dir}/chain.pem`];
    expect(openssl(['verify', ...chain, tmp.path('p.pem')]).code).toBe(0);
    const serial = (JSON.parse(r.stdout) as { serialNumber: string }).serialNumber;
    expect((await runCli(['crl', '--ca', dir])).code).toBe(0);
    expect(openssl(['verify', ...chain, '-crl_check', '-CRLfile', `${dir}/crl.pem`, tmp.path('p.pem')]).code).toBe(0);
    expect((await runCli(['crl', '--ca', dir, '--revoke', serial])).code).toBe(0);
    const revoked = openssl(['verify', ...chain, '-crl_check', '-CRLfile', `${dir}/crl.pem`, tmp.path('p.pem')]);
    expect(revoked.code).not.toBe(0);
    expect(revoked.stdout.toString() + revoked.stderr).toContain('revoked');
  });

  it('refuses to overwrite an existing CA', async () => {
    const dir = tmp.path('ca-twice');
    expect((await runCli(['ca', 'init', '--dir', dir, '--alg', 'ecdsa'])).code).toBe(0);
    const again = await runCli(['ca', 'init', '--dir', dir, '--alg', 'ecdsa']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });
});

describe('openseal demo', () => {
  it.each(['sm2', 'rsa', 'ecdsa'])('writes a ready demo PKI for %s', async (alg) => {
    const dir = tmp.path(`demo-${alg}`);
    const r = await runCli(['demo', '--dir', dir, '--alg', alg, '--json']);
    expect(r.code).toBe(0);
    for (const f of ['ca.pem', 'chain.pem', 'signer.key.pem', 'signer.cert.pem']) expect(readFileSync(`${dir}/${f}`).length).toBeGreaterThan(100);
    expect(opensslOk(['x509', '-in', `${dir}/signer.cert.pem`, '-noout', '-ext', 'keyUsage']).toString()).toMatch(/Non Repudiation/);
    expect(opensslOk(['pkey', '-in', `${dir}/signer.key.pem`, '-noout']).length).toBe(0);
    if (alg !== 'sm2') expect(openssl(['verify', '-CAfile', `${dir}/ca.pem`, '-untrusted', `${dir}/chain.pem`, `${dir}/signer.cert.pem`]).code).toBe(0);
  });
});

describe('the openseal binary', () => {
  it('answers --help for every command and subcommand', () => {
    const top = runBin(['--help']);
    expect(top.code).toBe(0);
    const commands = subcommands(top.stdout);
    expect(commands).toEqual(expect.arrayContaining(['key', 'ca', 'cert', 'crl', 'demo']));
    for (const c of commands) {
      const h = runBin([c, '--help']);
      expect(h.code, c).toBe(0);
      for (const sub of subcommands(h.stdout)) {
        expect(runBin([c, sub, '--help']).code, `${c} ${sub}`).toBe(0);
      }
    }
  });

  it('fails with one line and a non-zero exit for a missing file', () => {
    const r = runBin(['key', 'info', tmp.path('does-not-exist.pem')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^openseal: error CLI_FILE: Cannot read/);
  });
});

/** Names listed under "Commands:" in commander's help text. */
function subcommands(help: string): string[] {
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1] as string).filter((c) => c !== 'help');
}

describe('openseal timestamp', () => {
  it('timestamps a file with the CA directory TSA; OpenSSL verifies the token; a changed file fails', async () => {
    const dir = tmp.path('ts-ca');
    expect((await runCli(['demo', '--dir', dir, '--alg', 'rsa'])).code).toBe(0);
    const data = tmp.path('doc.txt');
    writeFileSync(data, '某某市人民政府文件\n');
    const token = tmp.path('doc.tst');
    const r = await runCli(['timestamp', data, '--ca', dir, '--hash', 'sha256', '--out', token, '--json']);
    expect(r.code).toBe(0);
    expect(openssl(['ts', '-verify', '-token_in', '-in', token, '-data', data, '-CAfile', `${dir}/ca.pem`, '-untrusted', `${dir}/chain.pem`]).code).toBe(0);
    expect((await runCli(['timestamp', data, '--check', token, '--trust', `${dir}/ca.pem`])).code).toBe(0);
    writeFileSync(data, '某某市人民政府文件 (changed)\n');
    const bad = await runCli(['timestamp', data, '--check', token, '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false, failed: ['TSA_IMPRINT_MISMATCH'] });
    expect(openssl(['ts', '-verify', '-token_in', '-in', token, '-data', data, '-CAfile', `${dir}/ca.pem`, '-untrusted', `${dir}/chain.pem`]).code).not.toBe(0);
  });

  it('makes SM3 timestamps with an SM2 TSA', async () => {
    const dir = tmp.path('ts-sm2');
    expect((await runCli(['demo', '--dir', dir, '--alg', 'sm2'])).code).toBe(0);
    const token = tmp.path('sm2.tst');
    expect((await runCli(['timestamp', `${dir}/ca.pem`, '--ca', dir, '--hash', 'sm3', '--out', token])).code).toBe(0);
    const ok = await runCli(['timestamp', `${dir}/ca.pem`, '--check', token, '--trust', `${dir}/ca.pem`, '--json']);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, indication: 'TOTAL_PASSED' });
  });
});
