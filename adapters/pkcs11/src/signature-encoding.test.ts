import { createHash, generateKeyPairSync, privateEncrypt, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '@openseal/kernel';
import { checkDerSignature, digestInfo, rawSignatureToDer } from './signature-encoding.js';

const data = new TextEncoder().encode('r‖s to DER');

describe('rawSignatureToDer', () => {
  it.each([
    { curve: 'P-256', hash: 'sha256', length: 64 },
    { curve: 'P-384', hash: 'sha384', length: 96 },
  ])('turns $curve r‖s from node into DER that node verifies (and not for other data)', ({ curve, hash, length }) => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
    for (let i = 0; i < 16; i++) {
      const raw = sign(hash, data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      const der = rawSignatureToDer(raw, length);
      expect(verify(hash, data, publicKey, der)).toBe(true);
      expect(verify(hash, data.subarray(1), publicKey, der)).toBe(false);
    }
  });

  it('adds a zero byte before a high bit and strips leading zeros', () => {
    const raw = new Uint8Array(64);
    raw[0] = 0x80;
    raw[63] = 0x05;
    expect(toHex(rawSignatureToDer(raw, 64))).toBe(`3026022100${'80' + '00'.repeat(31)}020105`);
  });

  it('reports PKCS11_DEVICE_ERROR for a length that is not the curve size', () => {
    expect(() => rawSignatureToDer(new Uint8Array(63), 64)).toThrow(expect.objectContaining({ code: 'PKCS11_DEVICE_ERROR' }));
  });
});

describe('checkDerSignature', () => {
  it('accepts SEQUENCE { INTEGER, INTEGER } and refuses anything else', () => {
    const good = fromHex('3006020101020102');
    expect(checkDerSignature(good)).toBe(good);
    for (const bad of ['3006020101040102', '30060201010201', '300702010102010200', '02020101', '']) {
      expect(() => checkDerSignature(fromHex(bad))).toThrow(expect.objectContaining({ code: 'PKCS11_DEVICE_ERROR' }));
    }
  });
});

describe('digestInfo', () => {
  it.each(['SHA-256', 'SHA-384', 'SHA-512'] as const)('padded by CKM_RSA_PKCS-style raw RSA gives the same bytes as RSASSA-PKCS1-v1_5 with %s', (hash) => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const nodeHash = hash.replace('-', '').toLowerCase();
    const info = digestInfo(hash, new Uint8Array(createHash(nodeHash).update(data).digest()));
    // privateEncrypt applies EMSA-PKCS1-v1_5 block type 1 padding, as CKM_RSA_PKCS does for signing.
    expect(privateEncrypt(privateKey, info)).toEqual(sign(nodeHash, data, privateKey));
  });

  it('has no DigestInfo for SM3 or SHA-1', () => {
    expect(() => digestInfo('SM3', new Uint8Array(32))).toThrow(expect.objectContaining({ code: 'PKCS11_MECHANISM_UNSUPPORTED' }));
    expect(() => digestInfo('SHA-1', new Uint8Array(20))).toThrow(expect.objectContaining({ code: 'PKCS11_MECHANISM_UNSUPPORTED' }));
  });
});
