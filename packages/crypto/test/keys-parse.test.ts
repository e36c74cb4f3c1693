import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PrivateKeyInfo, PrivateKey as Pkcs8Octets } from '@peculiar/asn1-pkcs8';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { RSAPrivateKey } from '@peculiar/asn1-rsa';
import { OID, encodeDer, parseDer } from '@openseal/asn1';
import { OpenSealError, bigIntToBytes, bytesToBigInt, fromHex, toHex } from '@openseal/kernel';
import {
  CryptoUnsupportedError,
  KeyFormatError,
  createEcPrivateKey,
  detectDerContainer,
  encodePem,
  exportPrivateKeyPkcs8,
  exportPublicKeySpki,
  parsePkcs8PrivateKey,
  parsePrivateKey,
  parseKeyAlgName,
  parsePublicKey,
  privateKeyToPem,
  readKeyMaterial,
  type EcPrivateKey,
  type RsaPrivateKey,
} from '@openseal/crypto';
import { encodeSec1PrivateKey } from '../src/keys/sec1.js';
import { EC_CURVES } from '../src/keys/ec-curves.js';

// Key pairs are made once per file; RSA generation is the slow part.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });

const der = (k: KeyObject, type: 'pkcs8' | 'sec1' | 'pkcs1'): Uint8Array => new Uint8Array(k.export({ format: 'der', type } as never) as Buffer);
const spki = (k: KeyObject): Uint8Array => new Uint8Array(k.export({ format: 'der', type: 'spki' }));

// GB/T 32918.5-2017 Annex A / sm-vectors §5.1
const SM2_D = fromHex('3945208F7B2144B13F36E38AC6D39F9588939369 2860B51A42FB81EF4DF7C5B8');
const SM2_POINT = fromHex(
  '04' + '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020' + 'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
);

describe('PKCS#8, SEC 1 and PKCS#1 parsing', () => {
  it.each([
    ['RSA', rsa, 'RSA'],
    ['EC P-256', p256, 'EC-P256'],
    ['EC P-384', p384, 'EC-P384'],
  ] as const)('reads a %s PKCS#8 key with the same public key as node:crypto', (_n, pair, keyType) => {
    const key = parsePkcs8PrivateKey(der(pair.privateKey, 'pkcs8'));
    expect(key.keyType).toBe(keyType);
    expect(toHex(key.publicKey)).toBe(toHex(spki(pair.publicKey)));
  });

  it.each([
    ['RSA', rsa],
    ['EC P-256', p256],
    ['EC P-384', p384],
  ] as const)('exports %s PKCS#8 byte-identical to OpenSSL (via node:crypto)', (_n, pair) => {
    const original = der(pair.privateKey, 'pkcs8');
    expect(toHex(exportPrivateKeyPkcs8(parsePkcs8PrivateKey(original)))).toBe(toHex(original));
  });

  it('reads SEC 1 (with curve parameters) and PKCS#1, as DER and as PEM', () => {
    const ec = parsePrivateKey(der(p256.privateKey, 'sec1'));
    expect(ec.keyType).toBe('EC-P256');
    expect(ec.publicKey).toEqual(spki(p256.publicKey));
    const pem = encodePem('EC PRIVATE KEY', der(p384.privateKey, 'sec1'));
    expect(parsePrivateKey(pem).publicKey).toEqual(spki(p384.publicKey));
    const r = parsePrivateKey(encodePem('RSA PRIVATE KEY', der(rsa.privateKey, 'pkcs1'))) as RsaPrivateKey;
    expect(r.keyType).toBe('RSA');
    expect(r.bits).toBe(2048);
    expect(r.publicKey).toEqual(spki(rsa.publicKey));
  });

  it('recognises each DER container by its shape', () => {
    expect(detectDerContainer(der(p256.privateKey, 'pkcs8'))).toBe('pkcs8');
    expect(detectDerContainer(der(p256.privateKey, 'sec1'))).toBe('sec1');
    expect(detectDerContainer(der(rsa.privateKey, 'pkcs1'))).toBe('pkcs1');
    expect(() => detectDerContainer(spki(p256.publicKey))).toThrow(KeyFormatError);
  });

  it('keeps private material out of JSON', () => {
    const key = parsePkcs8PrivateKey(der(p256.privateKey, 'pkcs8')) as EcPrivateKey;
    const json = JSON.stringify(key);
    expect(json).not.toContain('"d"');
    expect(json).not.toContain(toHex(key.d));
    expect(key.d).toHaveLength(32);
    expect(JSON.stringify(parsePrivateKey(der(rsa.privateKey, 'pkcs1')))).not.toContain('pkcs1');
  });

  it('returns PEM-bundled certificates beside the key', () => {
    const text = privateKeyToPem(parsePkcs8PrivateKey(der(p256.privateKey, 'pkcs8'))) + encodePem('CERTIFICATE', fromHex('3003020101'));
    const material = readKeyMaterial(text);
    expect(material.key.container).toBe('pkcs8');
    expect(material.certificates).toEqual([fromHex('3003020101')]);
  });
});

describe('SM2 keys', () => {
  it('computes the GB/T 32918.5 Annex A public key from d and encodes it as id-ecPublicKey + sm2p256v1', () => {
    const key = createEcPrivateKey('SM2', SM2_D);
    expect(toHex(key.point)).toBe(toHex(SM2_POINT));
    const info = parsePublicKey(key.publicKey);
    expect(info.keyType).toBe('SM2');
  });

  it('exports PKCS#8 as OpenSSL 3 does and reads it back', () => {
    const key = createEcPrivateKey('SM2', SM2_D, SM2_POINT);
    const pkcs8 = exportPrivateKeyPkcs8(key);
    const info = parseDer(pkcs8, PrivateKeyInfo);
    expect(info.privateKeyAlgorithm.algorithm).toBe(OID.ecPublicKey);
    expect(toHex(new Uint8Array(info.privateKeyAlgorithm.parameters as ArrayBuffer))).toBe('06082a811ccf5501822d');
    const back = parsePkcs8PrivateKey(pkcs8) as EcPrivateKey;
    expect(back.keyType).toBe('SM2');
    expect(back.d).toEqual(SM2_D);
  });

  it('accepts PKCS#8 whose algorithm is the SM2 OID itself (absent, NULL or named-curve parameters)', () => {
    const inner = encodeSec1PrivateKey(SM2_D, SM2_POINT);
    for (const parameters of [undefined, null, fromHex('06082a811ccf5501822d').buffer as ArrayBuffer]) {
      const pkcs8 = encodeDer(
        new PrivateKeyInfo({
          version: 0,
          privateKeyAlgorithm: new AlgorithmIdentifier(parameters === undefined ? { algorithm: OID.sm2 } : { algorithm: OID.sm2, parameters }),
          privateKey: new Pkcs8Octets(inner),
        }),
      );
      const key = parsePrivateKey(pkcs8);
      expect(key.keyType).toBe('SM2');
      expect(key.publicKey).toEqual(createEcPrivateKey('SM2', SM2_D).publicKey);
    }
  });

  it('reads SEC 1 with the SM2 curve and no public key, computing the point', () => {
    const sec1 = encodeSec1PrivateKey(SM2_D, undefined, EC_CURVES.SM2);
    const key = parsePrivateKey(encodePem('SM2 PRIVATE KEY', sec1)) as EcPrivateKey;
    expect(key.point).toEqual(SM2_POINT);
  });
});

describe('refusals', () => {
  it('refuses an EC key whose public point is not d·G', () => {
    const other = createEcPrivateKey('SM2', bigIntToBytes(bytesToBigInt(SM2_D) + 1n, 32));
    expect(() => parsePrivateKey(encodeSec1PrivateKey(SM2_D, other.point, EC_CURVES.SM2))).toThrow(/does not match/);
  });

  it.each([
    ['zero', 0n],
    ['n-1 for SM2 (GB/T 32918.1 allows at most n-2)', EC_CURVES.SM2.n - 1n],
    ['n', EC_CURVES.SM2.n],
  ])('refuses an SM2 scalar equal to %s', (_n, d) => {
    expect(() => createEcPrivateKey('SM2', bigIntToBytes(d, 32))).toThrow(KeyFormatError);
  });

  it('refuses an RSA key whose modulus is not p·q', () => {
    const rsaKey = parseDer(der(rsa.privateKey, 'pkcs1'), RSAPrivateKey);
    const q = bytesToBigInt(new Uint8Array(rsaKey.prime2));
    rsaKey.prime2 = bigIntToBytes(q + 2n).buffer as ArrayBuffer;
    expect(() => parsePrivateKey(encodeDer(rsaKey))).toThrow(KeyFormatError);
  });

  it('refuses an RSA key with a damaged CRT value (a faulty CRT signature can leak a factor)', () => {
    const rsaKey = parseDer(der(rsa.privateKey, 'pkcs1'), RSAPrivateKey);
    const qInv = new Uint8Array(rsaKey.coefficient);
    qInv[qInv.length - 1] = (qInv[qInv.length - 1] as number) ^ 0x02;
    rsaKey.coefficient = qInv.buffer as ArrayBuffer;
    expect(() => parsePrivateKey(encodeDer(rsaKey))).toThrow(/CRT/);
  });

  it('refuses a SEC 1 key that names no curve', () => {
    expect(() => parsePrivateKey(encodeSec1PrivateKey(SM2_D, SM2_POINT))).toThrow(/does not name its curve/);
  });

  it('refuses Ed25519 with CRYPTO_UNSUPPORTED', () => {
    const ed = generateKeyPairSync('ed25519');
    expect(() => parsePrivateKey(der(ed.privateKey, 'pkcs8'))).toThrow(CryptoUnsupportedError);
  });

  it('refuses two private keys in one PEM input rather than guessing', () => {
    const pem = privateKeyToPem(parsePkcs8PrivateKey(der(p256.privateKey, 'pkcs8')));
    expect(() => parsePrivateKey(pem + pem)).toThrow(/more than one private key/);
  });

  it('sends encrypted containers to the Node loader', () => {
    expect(() => parsePrivateKey(encodePem('ENCRYPTED PRIVATE KEY', fromHex('3003020101')))).toThrow(/loadPrivateKey/);
  });

  it.each([
    ['empty input', new Uint8Array(0)],
    ['random bytes', fromHex('deadbeef00112233')],
    ['a truncated SEQUENCE', fromHex('30820100020100')],
    ['a PEM label with no key', encodePem('PUBLIC KEY', fromHex('3003020101'))],
  ])('throws a typed error for %s', (_n, input) => {
    expect(() => parsePrivateKey(input)).toThrow(OpenSealError);
  });

  it('exposes the public key as SPKI', () => {
    const key = parsePkcs8PrivateKey(der(p256.privateKey, 'pkcs8'));
    expect(exportPublicKeySpki(key)).toEqual(spki(p256.publicKey));
  });
});

describe('parseKeyAlgName', () => {
  it('maps the CLI names', () => {
    expect(parseKeyAlgName('sm2')).toEqual({ keyType: 'SM2' });
    expect(parseKeyAlgName('RSA3072')).toEqual({ keyType: 'RSA', rsaBits: 3072 });
    expect(parseKeyAlgName('p384')).toEqual({ keyType: 'EC-P384' });
    expect(() => parseKeyAlgName('ed25519')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
  });
});
