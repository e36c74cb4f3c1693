// Interoperability with the machine's OpenSSL 3: SM2 signatures (default and custom user ID) and
// encryption both ways, and RSA/ECDSA signatures both ways. OpenSSL is the independent peer.
import { generateKeyPairSync, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, fromHex, SeededRandom, toBase64, toHex, utf8 } from '@openseal/kernel';
import { encodeEcPublicKey, sm2Decrypt, sm2Encrypt, sm2PublicKeyFromPrivate, sm2Sign, sm2Verify, type SignatureAlgorithm } from '@openseal/crypto';
import { BrowserCryptoProvider } from '@openseal/crypto/browser';
import { NodeCryptoProvider, nodeSign, nodeSm2Decrypt, nodeSm2Encrypt, nodeSm2Sign, nodeSm2Verify, nodeDigest } from '@openseal/crypto/node';
import { openssl, opensslOk, tempDir } from '../support/openssl.js';

const DEFAULT_ID = '1234567812345678';
const tmp = tempDir('openseal-sm2-interop-');
afterAll(() => tmp.cleanup());

function pem(label: string, der: Uint8Array): string {
  const b64 = toBase64(der).replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** Minimal PKCS#8 PrivateKeyInfo for an SM2 key (RFC 5208 / RFC 5915 ECPrivateKey with the point). */
function sm2Pkcs8(d: Uint8Array, point: Uint8Array): Uint8Array {
  const ecPrivateKey = concatBytes(fromHex('306b020101' + '0420'), d, fromHex('a144034200'), point);
  return concatBytes(fromHex('308187020100' + '301306072a8648ce3d020106082a811ccf5501822d' + '046d'), ecPrivateKey);
}

function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] as number) ^ 0x01;
  return copy;
}

const signers = [
  ['pure JS', sm2Sign, sm2Verify],
  ['Node-accelerated', nodeSm2Sign, nodeSm2Verify],
] as const;

describe('SM2 with OpenSSL', () => {
  const random = new SeededRandom(2024);
  // One key made by us, written as PKCS#8 for OpenSSL; one key made by OpenSSL, read back from its text dump.
  const ourD = fromHex('a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00');
  const ourPoint = sm2PublicKeyFromPrivate(ourD);
  let theirD: Uint8Array;
  let theirPoint: Uint8Array;
  const message = utf8('OpenSeal ↔ OpenSSL SM2 interoperability message');

  beforeAll(() => {
    writeFileSync(tmp.path('our-key.pem'), pem('PRIVATE KEY', sm2Pkcs8(ourD, ourPoint)));
    writeFileSync(tmp.path('our-pub.pem'), pem('PUBLIC KEY', encodeEcPublicKey('SM2', ourPoint)));
    writeFileSync(tmp.path('msg.bin'), message);
    opensslOk(['genpkey', '-algorithm', 'SM2', '-out', tmp.path('their-key.pem')]);
    const text = opensslOk(['pkey', '-in', tmp.path('their-key.pem'), '-text', '-noout']).toString();
    const field = (name: string): string => (new RegExp(`${name}:\\s*\\n((?:\\s+[0-9a-f:]+\\n)+)`).exec(text)?.[1] ?? '').replace(/[\s:]/g, '');
    theirD = fromHex(field('priv').padStart(64, '0'));
    theirPoint = fromHex(field('pub'));
    writeFileSync(tmp.path('their-pub.pem'), pem('PUBLIC KEY', encodeEcPublicKey('SM2', theirPoint)));
  });

  it('reads the same public point from an OpenSSL-generated private key', () => {
    expect(toHex(sm2PublicKeyFromPrivate(theirD))).toBe(toHex(theirPoint));
  });

  describe.each(signers)('signatures (%s)', (_name, sign, verify) => {
    it('OpenSSL verifies ours with the default ID (pkeyutl and dgst); not a tampered message', () => {
      const sig = sign(ourD, message, { random });
      writeFileSync(tmp.path('ours.sig'), sig);
      const pkeyutl = (msg: string) =>
        openssl(['pkeyutl', '-verify', '-rawin', '-digest', 'sm3', '-pubin', '-inkey', tmp.path('our-pub.pem'), '-pkeyopt', `distid:${DEFAULT_ID}`, '-in', msg, '-sigfile', tmp.path('ours.sig')]);
      expect(pkeyutl(tmp.path('msg.bin')).code).toBe(0);
      const dgst = openssl(['dgst', '-sm3', '-verify', tmp.path('our-pub.pem'), '-sigopt', `distid:${DEFAULT_ID}`, '-signature', tmp.path('ours.sig'), tmp.path('msg.bin')]);
      expect(dgst.code).toBe(0);
      writeFileSync(tmp.path('tampered.bin'), flip(message, 4));
      expect(pkeyutl(tmp.path('tampered.bin')).code).not.toBe(0);
      // OpenSSL without distid uses an empty ID: our default-ID signature must not verify there.
      expect(openssl(['dgst', '-sm3', '-verify', tmp.path('our-pub.pem'), '-signature', tmp.path('ours.sig'), tmp.path('msg.bin')]).code).not.toBe(0);
    });

    it('we verify OpenSSL signatures with the default ID; tamper twins fail', () => {
      const viaPkeyutl = opensslOk(['pkeyutl', '-sign', '-rawin', '-digest', 'sm3', '-inkey', tmp.path('their-key.pem'), '-pkeyopt', `distid:${DEFAULT_ID}`, '-in', tmp.path('msg.bin')]);
      const viaDgst = opensslOk(['dgst', '-sm3', '-sign', tmp.path('their-key.pem'), '-sigopt', `distid:${DEFAULT_ID}`, tmp.path('msg.bin')]);
      for (const sig of [new Uint8Array(viaPkeyutl), new Uint8Array(viaDgst)]) {
        expect(verify(theirPoint, message, sig)).toBe(true);
        expect(verify(theirPoint, flip(message, 0), sig)).toBe(false);
        expect(verify(theirPoint, message, flip(sig, 10))).toBe(false);
        expect(verify(ourPoint, message, sig)).toBe(false);
      }
    });

    it('a custom user ID, both ways', () => {
      const userId = utf8('seal-admin@openseal.example');
      const ours = sign(ourD, message, { random, userId });
      writeFileSync(tmp.path('custom.sig'), ours);
      const check = (id: string) =>
        openssl(['dgst', '-sm3', '-verify', tmp.path('our-pub.pem'), '-sigopt', `distid:${id}`, '-signature', tmp.path('custom.sig'), tmp.path('msg.bin')]).code;
      expect(check('seal-admin@openseal.example')).toBe(0);
      expect(check(DEFAULT_ID)).not.toBe(0);
      const theirs = new Uint8Array(opensslOk(['dgst', '-sm3', '-sign', tmp.path('their-key.pem'), '-sigopt', 'distid:seal-admin@openseal.example', tmp.path('msg.bin')]));
      expect(verify(theirPoint, message, theirs, { userId })).toBe(true);
      expect(verify(theirPoint, message, theirs)).toBe(false);
    });

    it('OpenSSL without distid signs with an empty ID, which we verify only when asked for it', () => {
      const sig = new Uint8Array(opensslOk(['dgst', '-sm3', '-sign', tmp.path('their-key.pem'), tmp.path('msg.bin')]));
      expect(verify(theirPoint, message, sig)).toBe(false);
      expect(verify(theirPoint, message, sig, { userId: new Uint8Array(0) })).toBe(true);
    });
  });

  describe.each([
    ['pure JS', sm2Encrypt, sm2Decrypt],
    ['Node-accelerated', nodeSm2Encrypt, nodeSm2Decrypt],
  ] as const)('encryption (%s)', (_name, encrypt, decrypt) => {
    it('OpenSSL decrypts our GB/T 35276 DER ciphertext; not a tampered one', () => {
      const plaintext = utf8('电子印章 OpenSeal — SM2 encryption interop, longer than one 32-byte KDF block');
      const ct = encrypt(ourPoint, plaintext, { random });
      writeFileSync(tmp.path('ours.ct'), ct);
      const out = openssl(['pkeyutl', '-decrypt', '-inkey', tmp.path('our-key.pem'), '-in', tmp.path('ours.ct')]);
      expect(out.code).toBe(0);
      expect(toHex(new Uint8Array(out.stdout))).toBe(toHex(plaintext));
      writeFileSync(tmp.path('tampered.ct'), flip(ct, ct.length - 2));
      expect(openssl(['pkeyutl', '-decrypt', '-inkey', tmp.path('our-key.pem'), '-in', tmp.path('tampered.ct')]).code).not.toBe(0);
    });

    it('we decrypt what OpenSSL encrypts; a tampered one fails with CRYPTO_OPERATION_FAILED', () => {
      const plaintext = utf8('from OpenSSL pkeyutl -encrypt');
      writeFileSync(tmp.path('plain.bin'), plaintext);
      const ct = new Uint8Array(opensslOk(['pkeyutl', '-encrypt', '-pubin', '-inkey', tmp.path('their-pub.pem'), '-in', tmp.path('plain.bin')]));
      expect(decrypt(theirD, ct)).toEqual(plaintext);
      expect(() => decrypt(theirD, flip(ct, ct.length - 1))).toThrow(expect.objectContaining({ code: 'CRYPTO_OPERATION_FAILED' }));
    });
  });
});

describe('RSA and ECDSA with OpenSSL', () => {
  const message = utf8('OpenSeal RSA/ECDSA interoperability message');
  const providers = [new NodeCryptoProvider(), new BrowserCryptoProvider()];
  const keys: Record<'RSA' | 'EC-P256' | 'EC-P384', { keyObject: KeyObject; spki: Uint8Array; pubPem: string; keyPem: string }> = {} as never;

  beforeAll(() => {
    writeFileSync(tmp.path('rsa-msg.bin'), message);
    const make = (name: 'RSA' | 'EC-P256' | 'EC-P384', args: string[]) => {
      const keyPem = tmp.path(`${name}.pem`);
      opensslOk(['genpkey', ...args, '-out', keyPem]);
      const pubPem = tmp.path(`${name}.pub.pem`);
      opensslOk(['pkey', '-in', keyPem, '-pubout', '-out', pubPem]);
      const spki = new Uint8Array(opensslOk(['pkey', '-in', keyPem, '-pubout', '-outform', 'DER']));
      keys[name] = { keyObject: createPrivateKey(readFileSync(keyPem)), spki, pubPem, keyPem };
    };
    make('RSA', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']);
    make('EC-P256', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    make('EC-P384', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384']);
  });

  const cases: ['RSA' | 'EC-P256' | 'EC-P384', SignatureAlgorithm, string[]][] = [
    ['RSA', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, ['-sha256']],
    ['RSA', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }, ['-sha512']],
    ['RSA', { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }, ['-sha256', '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:32']],
    ['EC-P256', { name: 'ECDSA', hash: 'SHA-256' }, ['-sha256']],
    ['EC-P256', { name: 'ECDSA', hash: 'SM3' }, ['-sm3']],
    ['EC-P384', { name: 'ECDSA', hash: 'SHA-384' }, ['-sha384']],
  ];

  it.each(cases)('%s %o: both providers verify OpenSSL signatures; tamper twins fail', async (name, alg, args) => {
    const sig = new Uint8Array(opensslOk(['dgst', ...args, '-sign', keys[name].keyPem, tmp.path('rsa-msg.bin')]));
    for (const provider of providers) {
      expect(await provider.verify(alg, keys[name].spki, message, sig)).toBe(true);
      expect(await provider.verify(alg, keys[name].spki, flip(message, 1), sig)).toBe(false);
      expect(await provider.verify(alg, keys[name].spki, message, flip(sig, 20))).toBe(false);
    }
  });

  it.each(cases)('%s %o: OpenSSL verifies signatures made by nodeSign; not tampered ones', async (name, alg, args) => {
    const sig = await nodeSign(alg, { keyType: name, keyObject: keys[name].keyObject }, message, new SeededRandom(1));
    writeFileSync(tmp.path('node.sig'), sig);
    const check = (file: string) => openssl(['dgst', ...args, '-verify', keys[name].pubPem, '-signature', tmp.path('node.sig'), file]).code;
    expect(check(tmp.path('rsa-msg.bin'))).toBe(0);
    writeFileSync(tmp.path('rsa-tampered.bin'), flip(message, 2));
    expect(check(tmp.path('rsa-tampered.bin'))).not.toBe(0);
  });

  it('SM3withRSA from nodeSign opens to the expected DigestInfo under OpenSSL', async () => {
    const sig = await nodeSign({ name: 'RSASSA-PKCS1-v1_5', hash: 'SM3' }, { keyType: 'RSA', keyObject: keys.RSA.keyObject }, message, new SeededRandom(1));
    writeFileSync(tmp.path('sm3rsa.sig'), sig);
    const recovered = opensslOk(['pkeyutl', '-verifyrecover', '-pubin', '-inkey', keys.RSA.pubPem, '-pkeyopt', 'rsa_padding_mode:pkcs1', '-in', tmp.path('sm3rsa.sig')]);
    expect(toHex(new Uint8Array(recovered))).toBe('3030300c06082a811ccf5501831105000420' + toHex(nodeDigest('SM3', message)));
    for (const provider of providers) {
      expect(await provider.verify({ name: 'RSASSA-PKCS1-v1_5', hash: 'SM3' }, keys.RSA.spki, message, sig)).toBe(true);
    }
  });

  it('nodeSign makes an SM2 signature OpenSSL verifies with the default ID', async () => {
    const d = fromHex('0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0');
    writeFileSync(tmp.path('sm2n-pub.pem'), pem('PUBLIC KEY', encodeEcPublicKey('SM2', sm2PublicKeyFromPrivate(d))));
    const sig = await nodeSign({ name: 'SM2', hash: 'SM3' }, { keyType: 'SM2', d }, message, new SeededRandom(3));
    writeFileSync(tmp.path('sm2n.sig'), sig);
    expect(openssl(['dgst', '-sm3', '-verify', tmp.path('sm2n-pub.pem'), '-sigopt', `distid:${DEFAULT_ID}`, '-signature', tmp.path('sm2n.sig'), tmp.path('rsa-msg.bin')]).code).toBe(0);
  });

  it('nodeSign refuses an algorithm the key cannot produce', async () => {
    await expect(nodeSign({ name: 'ECDSA', hash: 'SHA-256' }, { keyType: 'RSA', keyObject: keys.RSA.keyObject }, message, new SeededRandom(1))).rejects.toMatchObject({
      code: 'KEY_ALGORITHM_MISMATCH',
    });
    await expect(nodeSign({ name: 'ECDSA', hash: 'SHA-256' }, { keyType: 'EC-P384', keyObject: keys['EC-P256'].keyObject }, message, new SeededRandom(1))).rejects.toMatchObject({
      code: 'KEY_FORMAT_INVALID',
    });
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    await expect(nodeSign({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, { keyType: 'RSA', keyObject: small }, message, new SeededRandom(1))).rejects.toMatchObject({
      code: 'CRYPTO_UNSUPPORTED',
    });
  });
});
