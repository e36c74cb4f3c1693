import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../testing/support/openssl.js';
import { craftZip, minimalOfdEntries } from '../../../packages/ofd/test/support/craft-zip.js';
import { sesVerifierAvailable, sesVerify } from '../../../packages/ofd-seal/test/support/ses-verify.js';
import { SAMPLES_DIR } from '../../../packages/ofd-seal/test/support/ofd-samples.js';
import { runCli } from './run-cli.js';

const tmp = tempDir('openseal-ofd-cli-');
afterAll(() => tmp.cleanup());
const S = SAMPLES_DIR;
const d = (f: string) => tmp.path(`d/${f}`);
const json = <T>(s: string): T => JSON.parse(s) as T;
interface Report { valid: boolean; signatures: Array<{ valid: boolean; trusted: boolean; field: string; seal?: { name: string } }> }

beforeAll(async () => {
  const r = await runCli(['demo', '--dir', tmp.path('d'), '--alg', 'sm2', '--json']);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

const sign = (input: string, out: string, ...extra: string[]) => runCli(['sign', input, '-o', out, '--key', d('signer.key.pem'), '--cert', d('signer.cert.pem'), ...extra]);

describe('openseal demo / seal', () => {
  it('demo writes seal.esl and seal.png; seal show checks the maker signature and trust', async () => {
    expect(readFileSync(d('seal.png')).subarray(1, 4).toString()).toBe('PNG');
    const r = await runCli(['seal', 'show', d('seal.esl'), '--json', '--trust', d('ca.pem'), d('chain.pem')]);
    expect(r.code).toBe(0);
    const info = json<{ version: number; name: string; makerSignatureValid: boolean; trusted: boolean; picture: { widthMm: number }; signers: string[] }>(r.stdout);
    expect(info).toMatchObject({ version: 4, name: '某某市人民政府', makerSignatureValid: true, trusted: true, picture: { widthMm: 42 } });
    expect(info.signers[0]).toContain('电子签章');
    const text = await runCli(['seal', 'show', `${S}/ofdrw-gm__UserV1.esl`]);
    expect(text.stdout).toContain('SES v1');
    expect(text.stdout).toContain('valid (over SEQUENCE{SealInfo,cert,alg})');
  });

  it('seal make: a seal for the demo signer from the maker key, with the picture size from its aspect ratio', async () => {
    const r = await runCli(['seal', 'make', '--maker-key', d('seal-maker.key.pem'), '--maker-cert', d('seal-maker.cert.pem'), '--signer-cert', d('signer.cert.pem'), '--image', d('seal.png'), '--name', '财务专用章', '--type', '1', '--valid-days', '30', '--width', '38', '-o', tmp.path('fin.esl'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(json<{ picture: { widthMm: number; heightMm: number }; name: string }>(r.stdout)).toMatchObject({ name: '财务专用章', picture: { widthMm: 38, heightMm: 38 } });
    const bad = await runCli(['seal', 'make', '--maker-key', d('signer.key.pem'), '--maker-cert', d('seal-maker.cert.pem'), '--signer-cert', d('signer.cert.pem'), '--image', d('seal.png'), '--name', 'x', '-o', tmp.path('bad.esl')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('SEAL_INVALID_INPUT');
    expect(existsSync(tmp.path('bad.esl'))).toBe(false);
  });
});

describe('openseal sign / verify for OFD', () => {
  it('seals helloworld.ofd at page 1 (40, 40) mm; verify exits 0 (valid, untrusted), and with the demo root it is trusted', async () => {
    const out = tmp.path('o.ofd');
    const r = await sign(`${S}/ofdrw-sign__helloworld.ofd`, out, '--seal', d('seal.esl'), '--page', '1', '--x', '40', '--y', '40');
    expect(r.code, r.stderr).toBe(0);
    const v = await runCli(['verify', out, '--json']);
    expect(v.code).toBe(0);
    expect(json<Report>(v.stdout)).toMatchObject({ valid: true, signatures: [{ valid: true, trusted: false, seal: { name: '某某市人民政府' } }] });
    expect((await runCli(['verify', out, '--require-trust'])).code).toBe(1);
    expect((await runCli(['verify', out, '--trust', d('ca.pem'), '--require-trust'])).code).toBe(1); // the issuing CA is missing
    const trusted = await runCli(['verify', out, '--trust', d('ca.pem'), d('chain.pem'), '--require-trust']);
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toContain('VALID, trusted');
    if (sesVerifierAvailable()) expect(sesVerify(readFileSync(out)).overall).toBe('VALID');
  });

  it('keyword, GB/T 9704, riding-seam and plain-signature variants; stacking keeps the first seal valid', async () => {
    const base = `${S}/ofdrw-converter__n.ofd`;
    // n.ofd is already broken (its dms360 seal fails); ours must still be valid.
    const k = await sign(base, tmp.path('k.ofd'), '--seal', d('seal.esl'), '--keyword', '卫生局办公室', '--json');
    expect(k.code, k.stderr).toBe(0);
    expect(json<{ placement: string }>(k.stdout).placement).toBe('keyword:last');
    const g = await sign(tmp.path('k.ofd'), tmp.path('g.ofd'), '--seal', d('seal.esl'), '--gbt9704', '--json');
    expect(json<{ placement: string }>(g.stdout).placement).toBe('date-line');
    const s = await sign(tmp.path('g.ofd'), tmp.path('s.ofd'), '--seal', d('seal.esl'), '--seam');
    expect(s.code).toBe(0);
    const p = await sign(tmp.path('s.ofd'), tmp.path('p.ofd'));
    expect(p.code, p.stderr).toBe(0);
    const v = await runCli(['verify', tmp.path('p.ofd'), '--json']);
    expect(v.code).toBe(1); // the original dms360 seal is invalid
    expect(json<Report>(v.stdout).signatures.map((x) => x.valid)).toEqual([false, true, true, true, true]);
  });

  it('the MANIFEST verdicts through the CLI: exit codes', async () => {
    const code = async (f: string) => (await runCli(['verify', `${S}/${f}`, '--json'])).code;
    expect(await code('ofdrw-converter__1.ofd')).toBe(0);
    expect(await code('ofdrw-converter__999.ofd')).toBe(0);
    expect(await code('ofdrw-converter__V4RideRight.ofd')).toBe(0);
    expect(await code('ofdrw-converter__h.ofd')).toBe(1);
    expect(await code('ofdrw-converter__zsbk.ofd')).toBe(1);
    expect(await code('ofdrw-reader__SESV4SignDoc.ofd')).toBe(1);
    expect(await code('ofdrw-converter__n.ofd')).toBe(1);
  });

  it('refuses a signer the seal does not list, and writes nothing', async () => {
    const r = await runCli(['sign', `${S}/ofdrw-sign__helloworld.ofd`, '-o', tmp.path('x.ofd'), '--key', d('person.key.pem'), '--cert', d('person.cert.pem'), '--seal', d('seal.esl'), '--page', '1', '--x', '40', '--y', '40']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SEAL_SIGNER_NOT_AUTHORISED');
    expect(existsSync(tmp.path('x.ofd'))).toBe(false);
  });

  it('a hostile package fails cleanly and writes nothing', async () => {
    writeFileSync(tmp.path('bomb.ofd'), craftZip([...minimalOfdEntries(), { name: '../../evil.sh', data: new TextEncoder().encode('x') }]));
    const r = await sign(tmp.path('bomb.ofd'), tmp.path('bomb-out.ofd'), '--seal', d('seal.esl'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('OFD_UNSAFE_PATH');
    expect(existsSync(tmp.path('bomb-out.ofd'))).toBe(false);
    const v = await runCli(['verify', tmp.path('bomb.ofd'), '--json']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('OFD_UNSAFE_PATH');
  });
});
