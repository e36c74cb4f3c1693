import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom, toHex, utf8 } from '@openseal/kernel';
import {
  CryptoUnsupportedError,
  KeyPassphraseError,
  decodePem,
  exportPrivateKeyPkcs8,
  privateKeyToPem,
  publicKeyToPem,
  type KeyType,
  type PrivateKey,
  type SignatureAlgorithm,
} from '@openseal/crypto';
import {
  SoftwareSigner,
  encryptPrivateKeyPem,
  generateKeyPair,
  loadKeyAndCertificates,
  loadPrivateKey,
  writePkcs12,
} from '@openseal/crypto/node';
import { openssl, opensslOk, tempDir } from '../support/openssl.js';

const tmp = tempDir('openseal-keys-');
const P = tmp.path;
afterAll(() => tmp.cleanup());

const KINDS = ['SM2', 'EC-P256', 'EC-P384', 'RSA'] as const satisfies readonly KeyType[];
const EC_KINDS = ['SM2', 'EC-P256', 'EC-P384'] as const;
const GENPKEY: Record<KeyType, string[]> = {
  SM2: ['-algorithm', 'SM2'],
  'EC-P256': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-pkeyopt', 'ec_param_enc:named_curve'],
  'EC-P384': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-pkeyopt', 'ec_param_enc:named_curve'],
  RSA: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
};
const SM2_ID = ['-sigopt', 'distid:1234567812345678'];
const spki: Partial<Record<KeyType, Uint8Array>> = {};
const certDer: Partial<Record<KeyType, Uint8Array>> = {};

const file = (name: string): Uint8Array => new Uint8Array(readFileSync(P(name)));
const pub = (kind: KeyType): Uint8Array => spki[kind] as Uint8Array;

beforeAll(() => {
  for (const kind of KINDS) {
    opensslOk(['genpkey', ...GENPKEY[kind], '-out', P(`${kind}.pem`)]);
    spki[kind] = new Uint8Array(opensslOk(['pkey', '-in', P(`${kind}.pem`), '-pubout', '-outform', 'DER']));
    const sm2 = kind === 'SM2' ? ['-sm3', ...SM2_ID] : [];
    opensslOk(['req', '-new', '-x509', '-key', P(`${kind}.pem`), '-subj', `/CN=${kind} seal`, '-days', '30', ...sm2, '-out', P(`${kind}.crt`)]);
    certDer[kind] = new Uint8Array(opensslOk(['x509', '-in', P(`${kind}.crt`), '-outform', 'DER']));
  }
});

function expectReason(fn: () => unknown, reason: 'missing' | 'wrong'): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(KeyPassphraseError);
  expect((error as KeyPassphraseError).details['reason']).toBe(reason);
}

describe('keys written by OpenSSL load with the right type and public key', () => {
  it.each(KINDS)('%s PKCS#8 from genpkey, as PEM and DER', (kind) => {
    const key = loadPrivateKey(file(`${kind}.pem`));
    expect(key.keyType).toBe(kind);
    expect(toHex(key.publicKey)).toBe(toHex(pub(kind)));
    const der = new Uint8Array(opensslOk(['pkey', '-in', P(`${kind}.pem`), '-outform', 'DER']));
    expect(loadPrivateKey(der).publicKey).toEqual(pub(kind));
  });

  it.each(EC_KINDS)('%s SEC 1 from `openssl ec` (named curve, explicit parameters, no public key)', (kind) => {
    const pem = opensslOk(['ec', '-in', P(`${kind}.pem`), '-param_enc', 'named_curve']).toString();
    expect(pem).toMatch(kind === 'SM2' ? /BEGIN SM2 PRIVATE KEY/ : /BEGIN EC PRIVATE KEY/);
    expect(loadPrivateKey(pem).publicKey).toEqual(pub(kind));
    const explicit = new Uint8Array(opensslOk(['ec', '-in', P(`${kind}.pem`), '-param_enc', 'explicit', '-outform', 'DER']));
    expect(loadPrivateKey(explicit)).toMatchObject({ keyType: kind, publicKey: pub(kind) });
    const noPublic = opensslOk(['ec', '-in', P(`${kind}.pem`), '-param_enc', 'named_curve', '-no_public']).toString();
    expect(loadPrivateKey(noPublic).publicKey).toEqual(pub(kind));
  });

  it('RSA PKCS#1 from `openssl rsa -traditional`', () => {
    const pem = opensslOk(['rsa', '-in', P('RSA.pem'), '-traditional']).toString();
    expect(pem).toContain('BEGIN RSA PRIVATE KEY');
    expect(loadPrivateKey(pem)).toMatchObject({ keyType: 'RSA', bits: 2048, publicKey: pub('RSA') });
  });

  const PKCS8_SCHEMES: [string, string[]][] = [
    ['PBES2 AES-256-CBC', ['-v2', 'aes-256-cbc']],
    ['PBES2 SM4-CBC', ['-v2', 'sm4-cbc']],
    ['PBES2 3DES, HMAC-SHA1', ['-v2', 'des3', '-v2prf', 'hmacWithSHA1']],
    ['PBES2 AES-128, HMAC-SHA512', ['-v2', 'aes-128-cbc', '-v2prf', 'hmacWithSHA512']],
    ['PKCS#12 PBE-SHA1-3DES', ['-v1', 'PBE-SHA1-3DES']],
  ];
  it.each(PKCS8_SCHEMES)('encrypted PKCS#8 (%s), and its wrong passphrase', (_name, args) => {
    for (const kind of ['SM2', 'RSA'] as const) {
      const pem = opensslOk(['pkcs8', '-topk8', ...args, '-in', P(`${kind}.pem`), '-passout', 'pass:s3cret 密码']).toString();
      expect(loadPrivateKey(pem, { passphrase: 's3cret 密码' })).toMatchObject({ keyType: kind, publicKey: pub(kind) });
      expectReason(() => loadPrivateKey(pem, { passphrase: 's3cret' }), 'wrong');
      expectReason(() => loadPrivateKey(pem), 'missing');
    }
  });

  it('legacy encrypted PEM (`openssl ec -aes256`, `openssl rsa -traditional -des3`)', () => {
    const ec = opensslOk(['ec', '-in', P('SM2.pem'), '-aes256', '-passout', 'pass:old']).toString();
    expect(ec).toContain('DEK-Info: AES-256-CBC');
    expect(loadPrivateKey(ec, { passphrase: 'old' }).publicKey).toEqual(pub('SM2'));
    const rsa = opensslOk(['rsa', '-in', P('RSA.pem'), '-traditional', '-des3', '-passout', 'pass:old']).toString();
    expect(loadPrivateKey(rsa, { passphrase: 'old' }).publicKey).toEqual(pub('RSA'));
    expectReason(() => loadPrivateKey(rsa, { passphrase: 'new' }), 'wrong');
  });
});

describe('PKCS#12 written by OpenSSL', () => {
  const exportP12 = (kind: KeyType, out: string, extra: string[], pass = 'p12 pass'): Uint8Array => {
    opensslOk(['pkcs12', '-export', '-inkey', P(`${kind}.pem`), '-in', P(`${kind}.crt`), '-certfile', P('RSA.crt'), '-name', `${kind} 公章`, ...extra, '-passout', `pass:${pass}`, '-out', P(out)]);
    return file(out);
  };

  it.each(EC_KINDS)('%s with OpenSSL 3 defaults (PBES2 AES-256-CBC, SHA-256 MAC) and a chain', (kind) => {
    const p12 = exportP12(kind, `${kind}.p12`, []);
    const info = openssl(['pkcs12', '-in', P(`${kind}.p12`), '-passin', 'pass:p12 pass', '-info', '-noout']).stderr;
    expect(info).toMatch(/MAC: sha256/);
    expect(info).toMatch(/PBES2, PBKDF2, AES-256-CBC/);
    const loaded = loadKeyAndCertificates(p12, { passphrase: 'p12 pass' });
    expect(loaded.key).toMatchObject({ keyType: kind, publicKey: pub(kind) });
    expect(loaded.certificates).toEqual([certDer[kind], certDer.RSA]);
    expect(loaded.friendlyName).toBe(`${kind} 公章`);
  });

  it('RSA with PBE-SHA1-3DES for key and certificates and a SHA-1 MAC', () => {
    const p12 = exportP12('RSA', 'rsa-3des.p12', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1']);
    expect(openssl(['pkcs12', '-in', P('rsa-3des.p12'), '-passin', 'pass:p12 pass', '-info', '-noout']).stderr).toMatch(/MAC: sha1[\s\S]*3-KeyTripleDES/);
    const loaded = loadKeyAndCertificates(p12, { passphrase: 'p12 pass' });
    expect(loaded.key.publicKey).toEqual(pub('RSA'));
    expect(loaded.certificates[0]).toEqual(certDer.RSA);
  });

  it('`-legacy` (RC2-40 certificates): the key loads, the certificates are CRYPTO_UNSUPPORTED', () => {
    const p12 = exportP12('SM2', 'sm2-legacy.p12', ['-legacy']);
    expect(loadPrivateKey(p12, { passphrase: 'p12 pass' }).publicKey).toEqual(pub('SM2'));
    expect(() => loadKeyAndCertificates(p12, { passphrase: 'p12 pass' })).toThrow(CryptoUnsupportedError);
  });

  it('wrong, missing and empty passphrases', () => {
    const p12 = exportP12('EC-P256', 'p256-pw.p12', []);
    expectReason(() => loadPrivateKey(p12, { passphrase: 'P12 pass' }), 'wrong');
    expectReason(() => loadPrivateKey(p12), 'missing');
    const empty = exportP12('EC-P256', 'p256-empty.p12', [], '');
    expect(loadPrivateKey(empty).publicKey).toEqual(pub('EC-P256'));
    const noMac = exportP12('EC-P256', 'p256-nomac.p12', ['-nomac']);
    expect(loadKeyAndCertificates(noMac, { passphrase: 'p12 pass' }).key.publicKey).toEqual(pub('EC-P256'));
    expectReason(() => loadPrivateKey(noMac), 'missing');
    expectReason(() => loadPrivateKey(noMac, { passphrase: 'nope' }), 'wrong');
  });
});

describe('OpenSSL reads what we write', () => {
  it.each(KINDS)('%s PKCS#8 is byte-identical to OpenSSL’s and gives the same public key', (kind) => {
    const key = loadPrivateKey(file(`${kind}.pem`));
    const theirs = new Uint8Array(opensslOk(['pkcs8', '-topk8', '-nocrypt', '-in', P(`${kind}.pem`), '-outform', 'DER']));
    expect(toHex(exportPrivateKeyPkcs8(key))).toBe(toHex(theirs));
    writeFileSync(P(`ours-${kind}.pem`), privateKeyToPem(key));
    expect(new Uint8Array(opensslOk(['pkey', '-in', P(`ours-${kind}.pem`), '-pubout', '-outform', 'DER']))).toEqual(pub(kind));
  });

  it('an SM2 key we generate is SM2 to `openssl pkey` (ASN1 OID: SM2)', async () => {
    const key = await generateKeyPair('SM2', { random: new SeededRandom(2026) });
    writeFileSync(P('gen-sm2.pem'), privateKeyToPem(key));
    const text = opensslOk(['pkey', '-in', P('gen-sm2.pem'), '-text', '-noout']).toString();
    expect(text).toMatch(/SM2|1\.2\.156\.10197\.1\.301/i);
    expect(text).toContain('ASN1 OID: SM2');
  });

  it.each([
    ['AES-256-CBC', /AES-256-CBC/],
    ['SM4-CBC', /SM4-CBC/],
  ] as const)('`openssl pkcs8` decrypts our %s PKCS#8', (cipher, shown) => {
    const key = loadPrivateKey(file('SM2.pem'));
    writeFileSync(P(`enc-${cipher}.pem`), encryptPrivateKeyPem(key, 'our pass', { cipher, iterations: 10_000, random: new SeededRandom(3) }));
    expect(opensslOk(['asn1parse', '-in', P(`enc-${cipher}.pem`)]).toString().toUpperCase()).toMatch(shown);
    const plain = opensslOk(['pkcs8', '-in', P(`enc-${cipher}.pem`), '-passin', 'pass:our pass']).toString();
    expect(decodePem(plain)[0]?.der).toEqual(exportPrivateKeyPkcs8(key));
    expect(openssl(['pkcs8', '-in', P(`enc-${cipher}.pem`), '-passin', 'pass:not ours', '-outform', 'DER']).code).not.toBe(0);
  });

  it.each(['SM2', 'RSA'] as const)('`openssl pkcs12 -info` reads our %s PKCS#12 with its chain', (kind) => {
    const key = loadPrivateKey(file(`${kind}.pem`));
    const p12 = writePkcs12(key, [certDer.RSA as Uint8Array, certDer[kind] as Uint8Array], { passphrase: 'ours', friendlyName: 'our seal', random: new SeededRandom(4), iterations: 4096 });
    writeFileSync(P(`ours-${kind}.p12`), p12);
    const info = openssl(['pkcs12', '-in', P(`ours-${kind}.p12`), '-passin', 'pass:ours', '-info', '-nodes']);
    expect(info.code).toBe(0);
    expect(info.stderr).toMatch(/MAC: sha256, Iteration 4096/);
    expect(info.stderr).toMatch(/PBES2, PBKDF2, AES-256-CBC, Iteration 4096, PRF hmacWithSHA256/);
    expect(info.stdout.toString()).toContain('friendlyName: our seal');
    const keyPem = opensslOk(['pkcs12', '-in', P(`ours-${kind}.p12`), '-passin', 'pass:ours', '-nocerts', '-nodes']);
    expect(new Uint8Array(opensslOk(['pkey', '-pubout', '-outform', 'DER'], { input: keyPem }))).toEqual(pub(kind));
    const leaf = opensslOk(['pkcs12', '-in', P(`ours-${kind}.p12`), '-passin', 'pass:ours', '-nokeys', '-clcerts']);
    expect(new Uint8Array(opensslOk(['x509', '-outform', 'DER'], { input: leaf }))).toEqual(certDer[kind]);
    expect(openssl(['pkcs12', '-in', P(`ours-${kind}.p12`), '-passin', 'pass:theirs', '-info', '-noout']).code).not.toBe(0);
  });
});

describe('signatures of our software keys verify in OpenSSL', () => {
  const data = utf8('公文 to seal');
  const DGST: Record<KeyType, string[]> = { SM2: ['-sm3', ...SM2_ID], 'EC-P256': ['-sha256'], 'EC-P384': ['-sha384'], RSA: ['-sha256'] };

  function opensslVerifies(key: PrivateKey | Uint8Array, message: Uint8Array, sig: Uint8Array, args: string[], tag: string): boolean {
    writeFileSync(P(`${tag}.pub.pem`), publicKeyToPem(key instanceof Uint8Array ? key : key.publicKey));
    writeFileSync(P(`${tag}.data`), message);
    writeFileSync(P(`${tag}.sig`), sig);
    return openssl(['dgst', ...args, '-verify', P(`${tag}.pub.pem`), '-signature', P(`${tag}.sig`), P(`${tag}.data`)]).code === 0;
  }

  it.each(KINDS)('%s: generated key, default algorithm; the tampered message fails', async (kind) => {
    const key = kind === 'RSA' ? loadPrivateKey(file('RSA.pem')) : await generateKeyPair(kind, { random: new SeededRandom(5) });
    const sig = await new SoftwareSigner(key, { random: new SeededRandom(6) }).sign(data);
    expect(opensslVerifies(key, data, sig, DGST[kind], `gen-${kind}`)).toBe(true);
    expect(opensslVerifies(key, utf8('公文 to seaL'), sig, DGST[kind], `gen-${kind}-t`)).toBe(false);
  });

  it('RSA-PSS with a 32-byte salt', async () => {
    const key = loadPrivateKey(file('RSA.pem'));
    const alg: SignatureAlgorithm = { name: 'RSA-PSS', hash: 'SHA-256' };
    const sig = await new SoftwareSigner(key).sign(data, alg);
    const args = ['-sha256', '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32'];
    expect(opensslVerifies(key, data, sig, args, 'pss')).toBe(true);
    expect(opensslVerifies(key, utf8('other'), sig, args, 'pss-t')).toBe(false);
  });

  it('an SM2 key from an OpenSSL PKCS#12 signs what its certificate verifies', async () => {
    opensslOk(['pkcs12', '-export', '-inkey', P('SM2.pem'), '-in', P('SM2.crt'), '-passout', 'pass:pw', '-out', P('sm2-sign.p12')]);
    const { key, certificates } = loadKeyAndCertificates(file('sm2-sign.p12'), { passphrase: 'pw' });
    const sig = await new SoftwareSigner(key).sign(data);
    writeFileSync(P('sm2-leaf.crt'), certificates[0] as Uint8Array);
    const certPub = new Uint8Array(opensslOk(['x509', '-inform', 'DER', '-in', P('sm2-leaf.crt'), '-pubkey', '-noout']));
    expect(opensslVerifies(new Uint8Array(opensslOk(['pkey', '-pubin', '-outform', 'DER'], { input: certPub })), data, sig, DGST.SM2, 'p12-sm2')).toBe(true);
  });
});
