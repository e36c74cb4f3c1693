import { constants, createPublicKey, verify } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom, utf8 } from '@openseal/kernel';
import {
  CryptoUnsupportedError,
  KeyAlgorithmMismatchError,
  parsePublicKey,
  sm2Verify,
  type PrivateKey,
  type SignatureAlgorithm,
} from '@openseal/crypto';
import { SoftwareSigner, generateKeyPair } from '@openseal/crypto/node';

const data = utf8('to be signed: 公文 seal');
const keys: Partial<Record<'SM2' | 'RSA' | 'EC-P256' | 'EC-P384', PrivateKey>> = {};

beforeAll(async () => {
  keys.SM2 = await generateKeyPair('SM2', { random: new SeededRandom(42) });
  keys.RSA = await generateKeyPair('RSA', { rsaBits: 2048, random: new SeededRandom(1) });
  keys['EC-P256'] = await generateKeyPair('EC-P256', { random: new SeededRandom(1) });
  keys['EC-P384'] = await generateKeyPair('EC-P384', { random: new SeededRandom(1) });
});

const key = (t: keyof typeof keys): PrivateKey => keys[t] as PrivateKey;

/** Independent check with node:crypto (RSA/ECDSA) or the SM2 verifier. */
function nodeVerifies(k: PrivateKey, alg: SignatureAlgorithm, message: Uint8Array, sig: Uint8Array): boolean {
  if (alg.name === 'SM2') {
    const info = parsePublicKey(k.publicKey);
    if (info.keyType === 'RSA') return false;
    return sm2Verify(info.point, message, sig, alg.userId === undefined ? {} : { userId: alg.userId });
  }
  const pub = createPublicKey({ key: Buffer.from(k.publicKey), format: 'der', type: 'spki' });
  const hash = alg.hash.replace('-', '').toLowerCase();
  if (alg.name === 'RSA-PSS') return verify(hash, message, { key: pub, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength ?? constants.RSA_PSS_SALTLEN_AUTO }, sig);
  return verify(hash, message, { key: pub, dsaEncoding: 'der' }, sig);
}

function tampered(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  out[out.length >> 1] = (out[out.length >> 1] as number) ^ 0x01;
  return out;
}

describe('generateKeyPair', () => {
  it('makes keys of each type with a consistent public key', () => {
    expect(key('SM2').keyType).toBe('SM2');
    expect(key('RSA')).toMatchObject({ keyType: 'RSA', bits: 2048 });
    expect(parsePublicKey(key('EC-P384').publicKey).keyType).toBe('EC-P384');
  });

  it('derives SM2 keys from the RandomSource (same seed, same key)', async () => {
    const again = await generateKeyPair('SM2', { random: new SeededRandom(42) });
    expect(again.publicKey).toEqual(key('SM2').publicKey);
    const other = await generateKeyPair('SM2', { random: new SeededRandom(43) });
    expect(other.publicKey).not.toEqual(key('SM2').publicKey);
  });

  it('refuses RSA sizes other than 2048/3072/4096', async () => {
    await expect(generateKeyPair('RSA', { rsaBits: 1024 as 2048, random: new SeededRandom(1) })).rejects.toThrow(/2048, 3072 or 4096/);
  });
});

describe('SoftwareSigner', () => {
  const cases: [keyof typeof keys, SignatureAlgorithm | undefined][] = [
    ['SM2', undefined],
    ['SM2', { name: 'SM2', hash: 'SM3', userId: utf8('ALICE123@YAHOO.COM') }],
    ['RSA', undefined],
    ['RSA', { name: 'RSA-PSS', hash: 'SHA-256' }],
    ['RSA', { name: 'RSA-PSS', hash: 'SHA-384', saltLength: 20 }],
    ['RSA', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }],
    ['EC-P256', { name: 'ECDSA', hash: 'SM3' }],
    ['EC-P256', undefined],
    ['EC-P256', { name: 'ECDSA', hash: 'SHA-384' }],
    ['EC-P384', undefined],
  ];

  it.each(cases)('%s %o: the signature verifies independently and its tamper twin does not', async (type, alg) => {
    const signer = new SoftwareSigner(key(type), { random: new SeededRandom(9) });
    const used = alg ?? signer.algorithm;
    const sig = await signer.sign(data, alg);
    expect(nodeVerifies(key(type), used, data, sig)).toBe(true);
    expect(nodeVerifies(key(type), used, tampered(data), sig)).toBe(false);
    expect(nodeVerifies(key(type), used, data, tampered(sig))).toBe(false);
  });

  it('emits DER SEQUENCE{r,s} for SM2 and ECDSA', async () => {
    for (const t of ['SM2', 'EC-P256', 'EC-P384'] as const) {
      const sig = await new SoftwareSigner(key(t)).sign(data);
      expect(sig[0]).toBe(0x30);
      expect(sig[1]).toBe(sig.length - 2);
    }
  });

  it('signs SM2 with the standard user ID by default, not the empty one', async () => {
    const sig = await new SoftwareSigner(key('SM2'), { random: new SeededRandom(3) }).sign(data);
    const info = parsePublicKey(key('SM2').publicKey);
    if (info.keyType === 'RSA') throw new Error('unexpected');
    expect(sm2Verify(info.point, data, sig)).toBe(true);
    expect(sm2Verify(info.point, data, sig, { userId: new Uint8Array(0) })).toBe(false);
  });

  it('takes SM2 k from the injected RandomSource', async () => {
    const a = await new SoftwareSigner(key('SM2'), { random: new SeededRandom(5) }).sign(data);
    const b = await new SoftwareSigner(key('SM2'), { random: new SeededRandom(5) }).sign(data);
    const c = await new SoftwareSigner(key('SM2'), { random: new SeededRandom(6) }).sign(data);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('uses the configured default algorithm', async () => {
    const signer = new SoftwareSigner(key('RSA'), { algorithm: { name: 'RSA-PSS', hash: 'SHA-256' } });
    expect(signer.algorithm.name).toBe('RSA-PSS');
    const sig = await signer.sign(data);
    expect(nodeVerifies(key('RSA'), { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 }, data, sig)).toBe(true);
    expect(nodeVerifies(key('RSA'), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, data, sig)).toBe(false);
  });

  it('refuses algorithms that do not fit the key with KEY_ALGORITHM_MISMATCH', async () => {
    expect(() => new SoftwareSigner(key('RSA'), { algorithm: { name: 'ECDSA', hash: 'SHA-256' } })).toThrow(KeyAlgorithmMismatchError);
    await expect(new SoftwareSigner(key('EC-P256')).sign(data, { name: 'SM2', hash: 'SM3' })).rejects.toThrow(KeyAlgorithmMismatchError);
    await expect(new SoftwareSigner(key('SM2')).sign(data, { name: 'ECDSA', hash: 'SHA-256' })).rejects.toThrow(KeyAlgorithmMismatchError);
    await expect(new SoftwareSigner(key('SM2')).sign(data, { name: 'RSA-PSS', hash: 'SHA-256' })).rejects.toThrow(KeyAlgorithmMismatchError);
  });

  it('refuses SHA-1 for new signatures, and RSA with SM3', async () => {
    await expect(new SoftwareSigner(key('RSA')).sign(data, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' })).rejects.toThrow(CryptoUnsupportedError);
    await expect(new SoftwareSigner(key('RSA')).sign(data, { name: 'RSA-PSS', hash: 'SM3' })).rejects.toThrow(CryptoUnsupportedError);
  });

  it('exposes the key type and SPKI, not the private key', () => {
    const signer = new SoftwareSigner(key('SM2'));
    expect(signer.keyType).toBe('SM2');
    expect(signer.publicKey).toEqual(key('SM2').publicKey);
    expect(JSON.stringify(signer)).not.toMatch(/"d"|pkcs1/);
  });
});
