import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EncryptedPrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import type { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { OID, encodeDer, parseDer } from '@openseal/asn1';
import { SeededRandom, toHex, utf8 } from '@openseal/kernel';
import { KeyPassphraseError, createEcPrivateKey, parsePrivateKey, type PrivateKey } from '@openseal/crypto';
import {
  encryptPrivateKey,
  encryptPrivateKeyPem,
  loadKeyAndCertificates,
  loadPrivateKey,
  readPkcs12,
  writePkcs12,
} from '@openseal/crypto/node';
import { PBES2_params, PBKDF2_params } from '../src/keys/pbe-params.js';
import { fakeCertificate } from './support/fake-certificate.js';

const rsaPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ecPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsa = parsePrivateKey(new Uint8Array(rsaPair.privateKey.export({ format: 'der', type: 'pkcs8' })));
const p256 = parsePrivateKey(new Uint8Array(ecPair.privateKey.export({ format: 'der', type: 'pkcs8' })));
const sm2 = (): PrivateKey => createEcPrivateKey('SM2', new Uint8Array(32).fill(0x5a));

const FAST = 2048; // OpenSSL's default count keeps these tests quick

function expectPassphraseError(fn: () => unknown, reason: 'missing' | 'wrong'): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KeyPassphraseError);
    expect((e as KeyPassphraseError).details['reason']).toBe(reason);
    return;
  }
  expect.fail('expected KEY_PASSPHRASE_INVALID');
}

describe('encrypted PKCS#8 (PBES2)', () => {
  it('writes PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, and reads it back', () => {
    const der = encryptPrivateKey(p256, 'correct horse', { cipher: 'AES-256-CBC', iterations: FAST, random: new SeededRandom(1) });
    const info = parseDer(der, EncryptedPrivateKeyInfo);
    expect(info.encryptionAlgorithm.algorithm).toBe(OID.pbes2);
    const pbes2 = parseDer(new Uint8Array(info.encryptionAlgorithm.parameters as ArrayBuffer), PBES2_params);
    expect(pbes2.encryptionScheme.algorithm).toBe(OID.aes256CBC);
    const kdf = parseDer(new Uint8Array(pbes2.keyDerivationFunc.parameters as ArrayBuffer), PBKDF2_params);
    expect(kdf.prf?.algorithm).toBe(OID.hmacWithSHA256);
    expect(toHex(new Uint8Array(kdf.iterationCount))).toBe('0800');
    expect(loadPrivateKey(der, { passphrase: 'correct horse' }).publicKey).toEqual(p256.publicKey);
  });

  it('round-trips SM4-CBC with HMAC-SM3 and with HMAC-SHA256', () => {
    for (const prf of ['HMAC-SM3', 'HMAC-SHA256'] as const) {
      const pem = encryptPrivateKeyPem(rsa, '密码 passphrase', { cipher: 'SM4-CBC', prf, iterations: FAST, random: new SeededRandom(2) });
      expect(pem).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');
      expect(loadPrivateKey(pem, { passphrase: '密码 passphrase' }).publicKey).toEqual(rsa.publicKey);
    }
  });

  it('reads HMAC-SM3 under both OIDs in use (GM/T 0006 401.2 and GM/T 0091 401.3.1)', () => {
    const der = encryptPrivateKey(p256, 'pw', { cipher: 'SM4-CBC', prf: 'HMAC-SM3', iterations: FAST, random: new SeededRandom(20) });
    const info = parseDer(der, EncryptedPrivateKeyInfo);
    const pbes2 = parseDer(new Uint8Array(info.encryptionAlgorithm.parameters as ArrayBuffer), PBES2_params);
    const kdf = parseDer(new Uint8Array(pbes2.keyDerivationFunc.parameters as ArrayBuffer), PBKDF2_params);
    expect(kdf.prf?.algorithm).toBe('1.2.156.10197.1.401.2');
    (kdf.prf as AlgorithmIdentifier).algorithm = '1.2.156.10197.1.401.3.1';
    pbes2.keyDerivationFunc.parameters = encodeDer(kdf).buffer as ArrayBuffer;
    info.encryptionAlgorithm.parameters = encodeDer(pbes2).buffer as ArrayBuffer;
    expect(loadPrivateKey(encodeDer(info), { passphrase: 'pw' }).publicKey).toEqual(p256.publicKey);
    (kdf.prf as AlgorithmIdentifier).algorithm = OID.hmacWithSHA256;
    pbes2.keyDerivationFunc.parameters = encodeDer(kdf).buffer as ArrayBuffer;
    info.encryptionAlgorithm.parameters = encodeDer(pbes2).buffer as ArrayBuffer;
    expect(() => loadPrivateKey(encodeDer(info), { passphrase: 'pw' })).toThrow(KeyPassphraseError);
  });

  it('is deterministic for a given RandomSource and differs for another', () => {
    const opts = (seed: number) => ({ cipher: 'AES-256-CBC' as const, iterations: FAST, random: new SeededRandom(seed) });
    expect(encryptPrivateKey(p256, 'pw', opts(3))).toEqual(encryptPrivateKey(p256, 'pw', opts(3)));
    expect(encryptPrivateKey(p256, 'pw', opts(3))).not.toEqual(encryptPrivateKey(p256, 'pw', opts(4)));
  });

  it('reports a wrong and a missing passphrase as KEY_PASSPHRASE_INVALID', () => {
    const der = encryptPrivateKey(p256, 'right', { cipher: 'AES-256-CBC', iterations: FAST, random: new SeededRandom(5) });
    expectPassphraseError(() => loadPrivateKey(der, { passphrase: 'wrong' }), 'wrong');
    expectPassphraseError(() => loadPrivateKey(der), 'missing');
  });

  it('refuses to encrypt with an empty passphrase', () => {
    expect(() => encryptPrivateKey(p256, '', { cipher: 'AES-256-CBC', random: new SeededRandom(1) })).toThrow(/empty passphrase/);
  });

  it('reads PKCS#8 that OpenSSL encrypted (through node:crypto) with AES-128 and 3DES', () => {
    for (const cipher of ['aes-128-cbc', 'des-ede3-cbc']) {
      const pem = ecPair.privateKey.export({ format: 'pem', type: 'pkcs8', cipher, passphrase: 'node-pw' });
      expect(loadPrivateKey(pem, { passphrase: 'node-pw' }).publicKey).toEqual(p256.publicKey);
      expectPassphraseError(() => loadPrivateKey(pem, { passphrase: 'nope' }), 'wrong');
    }
  });

  it('refuses a hostile iteration count before deriving anything', () => {
    const der = encryptPrivateKey(p256, 'pw', { cipher: 'AES-256-CBC', iterations: 50_000, random: new SeededRandom(6) });
    expect(() => loadPrivateKey(der, { passphrase: 'pw', limits: { maxIterations: 10_000 } })).toThrow(expect.objectContaining({ code: 'LIMIT_EXCEEDED' }) as Error);
  });
});

describe('legacy OpenSSL PEM encryption (Proc-Type / DEK-Info)', () => {
  it.each(['aes-256-cbc', 'aes-128-cbc', 'des-ede3-cbc'])('decrypts SEC 1 and PKCS#1 keys under %s', (cipher) => {
    const ec = ecPair.privateKey.export({ format: 'pem', type: 'sec1', cipher, passphrase: 'legacy' }) as string;
    expect(ec).toContain('Proc-Type: 4,ENCRYPTED');
    expect(loadPrivateKey(ec, { passphrase: 'legacy' }).publicKey).toEqual(p256.publicKey);
    const r = rsaPair.privateKey.export({ format: 'pem', type: 'pkcs1', cipher, passphrase: 'legacy' }) as string;
    expect(loadPrivateKey(r, { passphrase: 'legacy' }).publicKey).toEqual(rsa.publicKey);
    expectPassphraseError(() => loadPrivateKey(r, { passphrase: 'legacy!' }), 'wrong');
    expectPassphraseError(() => loadPrivateKey(ec), 'missing');
  });
});

describe('PKCS#12', () => {
  const leaf = fakeCertificate(p256.publicKey, 'seal', 1);
  const ca = fakeCertificate(rsa.publicKey, 'ca', 2);

  it('writes key and chain, and reads them back with the key certificate first', () => {
    const p12 = writePkcs12(p256, [ca, leaf], { passphrase: 'p12-pw', random: new SeededRandom(7), friendlyName: '公章 seal', iterations: FAST });
    const read = readPkcs12(p12, { passphrase: 'p12-pw' });
    expect(read.key.keyType).toBe('EC-P256');
    expect(read.key.publicKey).toEqual(p256.publicKey);
    expect(read.certificates).toEqual([leaf, ca]);
    expect(read.friendlyName).toBe('公章 seal');
    expect(loadKeyAndCertificates(p12, { passphrase: 'p12-pw' }).certificates).toHaveLength(2);
    expect(loadPrivateKey(p12, { passphrase: 'p12-pw' }).publicKey).toEqual(p256.publicKey);
  });

  it('writes a key-only file and an SM4 file', () => {
    const keyOnly = writePkcs12(rsa, [], { passphrase: 'x', random: new SeededRandom(8), iterations: FAST });
    expect(readPkcs12(keyOnly, { passphrase: 'x' }).certificates).toEqual([]);
    const gm = writePkcs12(rsa, [ca], { passphrase: 'x', random: new SeededRandom(9), iterations: FAST, cipher: 'SM4-CBC' });
    expect(readPkcs12(gm, { passphrase: 'x' }).key.publicKey).toEqual(rsa.publicKey);
  });

  it('reports a wrong or missing passphrase, and a tampered file, through the MAC', () => {
    const p12 = writePkcs12(p256, [leaf], { passphrase: 'p12-pw', random: new SeededRandom(10), iterations: FAST });
    expectPassphraseError(() => readPkcs12(p12, { passphrase: 'P12-pw' }), 'wrong');
    expectPassphraseError(() => readPkcs12(p12), 'missing');
    const tampered = p12.slice();
    tampered[200] = (tampered[200] as number) ^ 0x01;
    expect(() => readPkcs12(tampered, { passphrase: 'p12-pw' })).toThrow(expect.objectContaining({ code: expect.stringMatching(/^(KEY_|ASN1_)/) as string }) as Error);
  });

  it('pairs bundled PEM certificates with their key', () => {
    const pem = `${encryptPrivateKeyPem(p256, 'pw', { cipher: 'AES-256-CBC', iterations: FAST, random: new SeededRandom(11) })}`;
    const bundle = [toPem(ca), pem, toPem(leaf)].join('');
    const loaded = loadKeyAndCertificates(utf8(bundle), { passphrase: 'pw' });
    expect(loaded.key.publicKey).toEqual(p256.publicKey);
    expect(loaded.certificates).toEqual([leaf, ca]);
  });

  it('carries SM2 keys', () => {
    const key = sm2();
    const p12 = writePkcs12(key, [fakeCertificate(key.publicKey, 'sm2')], { passphrase: 'sm2', random: new SeededRandom(12), iterations: FAST });
    const back = readPkcs12(p12, { passphrase: 'sm2' });
    expect(back.key.keyType).toBe('SM2');
    expect(back.key.publicKey).toEqual(key.publicKey);
  });
});

function toPem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
