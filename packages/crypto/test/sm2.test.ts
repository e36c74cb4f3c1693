import { describe, expect, it } from 'vitest';
import { fromHex, SeededRandom, toHex, utf8 } from '@openseal/kernel';
import {
  pureSm2Arithmetic,
  PURE_SM2,
  Sm2,
  sm2Decrypt,
  sm2Encrypt,
  sm2GeneratePrivateKey,
  sm2IsValidPublicKey,
  sm2PublicKeyFromPrivate,
  sm2Sign,
  sm2Verify,
  sm2Za,
  signatureDerToRaw,
  signatureRawToDer,
  WeierstrassCurve,
} from '../src/index.js';
import { NODE_SM2 } from '../src/node/index.js';
import { FixedRandom } from './support/fixed-random.js';
import { ENC_6_1, ENC_6_2, SIG_5_1, SIG_5_2, TEST_CURVE } from './sm2-vectors.js';

const testCurveSm2 = new Sm2(pureSm2Arithmetic(new WeierstrassCurve(TEST_CURVE)));
const engines: [string, Sm2][] = [
  ['pure JS', PURE_SM2],
  ['Node-accelerated', NODE_SM2],
];

function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] as number) ^ 0x01;
  return copy;
}

describe('SM2 signature on the GB/T 32918 test curve (vector 5.2)', () => {
  const v = SIG_5_2;
  it('derives the public key, Z, and with fixed k the exact r and s', () => {
    expect(toHex(testCurveSm2.publicKeyFromPrivate(fromHex(v.d)))).toBe(v.publicKey);
    expect(toHex(testCurveSm2.za(fromHex(v.publicKey), fromHex(v.userId)))).toBe(v.za);
    const sig = testCurveSm2.sign(fromHex(v.d), fromHex(v.message), { userId: fromHex(v.userId), random: new FixedRandom(fromHex(v.k)) });
    expect(toHex(signatureDerToRaw(sig, 32))).toBe(v.r + v.s);
    expect(testCurveSm2.verify(fromHex(v.publicKey), fromHex(v.message), sig, { userId: fromHex(v.userId) })).toBe(true);
  });
  it('rejects the signature with the default ID or a changed message', () => {
    const sig = fromHex(v.r + v.s);
    expect(testCurveSm2.verify(fromHex(v.publicKey), fromHex(v.message), sig)).toBe(false);
    expect(testCurveSm2.verify(fromHex(v.publicKey), flip(fromHex(v.message), 0), sig, { userId: fromHex(v.userId) })).toBe(false);
  });
});

describe('SM2 encryption on the GB/T 32918 test curve (vector 6.2)', () => {
  const v = ENC_6_2;
  it('with fixed k gives exactly C1‖C3‖C2 and decrypts back', () => {
    const ct = testCurveSm2.encrypt(fromHex(v.publicKey), fromHex(v.message), { random: new FixedRandom(fromHex(v.k)), format: 'c1c3c2' });
    expect(toHex(ct)).toBe(v.c1 + v.c3 + v.c2);
    expect(toHex(testCurveSm2.decrypt(fromHex(v.d), ct, { format: 'c1c3c2' }))).toBe(v.message);
  });
});

describe.each(engines)('SM2 on sm2p256v1 (%s)', (_name, sm2) => {
  const v = SIG_5_1;
  const pub = fromHex(v.publicKey);
  const msg = fromHex(v.message);

  it('vector 5.1: public key, Z, exact r and s with fixed k', () => {
    expect(toHex(sm2.publicKeyFromPrivate(fromHex(v.d)))).toBe(v.publicKey);
    expect(toHex(sm2.za(pub))).toBe(v.za);
    expect(toHex(sm2.hash(sm2.za(pub), msg))).toBe(v.e);
    const sig = sm2.sign(fromHex(v.d), msg, { random: new FixedRandom(fromHex(v.k)) });
    expect(toHex(sig)).toBe(`3046022100${v.r}022100${v.s}`);
  });

  it('vector 5.1 verifies as DER and as raw r‖s; tamper twins fail', () => {
    const raw = fromHex(v.r + v.s);
    const der = signatureRawToDer(raw);
    expect(sm2.verify(pub, msg, der)).toBe(true);
    expect(sm2.verify(pub, msg, raw)).toBe(true);
    expect(sm2.verify(pub, flip(msg, 3), der)).toBe(false);
    expect(sm2.verify(pub, msg, flip(raw, 5))).toBe(false); // r changed
    expect(sm2.verify(pub, msg, flip(raw, 40))).toBe(false); // s changed
    expect(sm2.verify(pub, msg, der, { userId: utf8('1234567812345679') })).toBe(false);
    expect(sm2.verify(flip(pub, 64), msg, der)).toBe(false); // not on the curve
  });

  it('rejects out-of-range and garbage signatures without throwing', () => {
    const n = sm2.curve.n.toString(16);
    const s = v.s;
    for (const bad of [
      '00'.repeat(32) + s, // r = 0
      n + s, // r = n
      v.r + '00'.repeat(32), // s = 0
      '', '30', '3000', '300602010102010', 'ff'.repeat(64), '30440220' + v.r + '0220' + v.s + '00',
    ]) {
      expect(sm2.verify(pub, msg, fromHex(bad.length % 2 ? bad + '0' : bad))).toBe(false);
    }
    expect(sm2.verify(pub, msg, fromHex(`3045022100${v.r}0220${v.s}`))).toBe(false); // length mismatch
    expect(sm2.verify(new Uint8Array(65), msg, fromHex(v.r + v.s))).toBe(false);
  });

  it('round-trips sign/verify with a generated key and a custom user ID', () => {
    const random = new SeededRandom(7);
    for (let i = 0; i < 5; i++) {
      const d = sm2.generatePrivateKey(random);
      const p = sm2.publicKeyFromPrivate(d);
      const m = random.bytes(i * 50);
      const userId = utf8(`user-${i}@example`);
      const sig = sm2.sign(d, m, { random, userId });
      expect(sm2.verify(p, m, sig, { userId })).toBe(true);
      expect(PURE_SM2.verify(p, m, sig, { userId })).toBe(true); // both engines agree
      expect(sm2.verify(p, m, sig)).toBe(false);
    }
  });

  it('a key verified many times moves to a precomputed table and still rejects tampered signatures', () => {
    const random = new SeededRandom(21);
    const d = sm2.generatePrivateKey(random);
    const p = sm2.publicKeyFromPrivate(d);
    for (let i = 0; i < 24; i++) {
      const m = random.bytes(40);
      const sig = sm2.sign(d, m, { random });
      expect(sm2.verify(p, m, sig)).toBe(true);
      expect(sm2.verify(p, flip(m, 0), sig)).toBe(false);
      expect(sm2.verify(p, m, flip(sig, sig.length - 1))).toBe(false);
    }
    expect(sm2.curve.pointTable(sm2.curve.decodePoint(p)!)).not.toBeNull();
  });

  it('vector 6.1: with fixed k the exact C1, C3, C2 and GB/T 35276 DER', () => {
    const e = ENC_6_1;
    const der = sm2.encrypt(fromHex(e.publicKey), fromHex(e.message), { random: new FixedRandom(fromHex(e.k)) });
    expect(toHex(der)).toBe(e.der);
    const raw = sm2.encrypt(fromHex(e.publicKey), fromHex(e.message), { random: new FixedRandom(fromHex(e.k)), format: 'c1c3c2' });
    expect(toHex(raw)).toBe(e.c1 + e.c3 + e.c2);
    const legacy = sm2.encrypt(fromHex(e.publicKey), fromHex(e.message), { random: new FixedRandom(fromHex(e.k)), format: 'c1c2c3' });
    expect(toHex(legacy)).toBe(e.c1 + e.c2 + e.c3);
    expect(toHex(sm2.decrypt(fromHex(e.d), der))).toBe(e.message);
    expect(toHex(sm2.decrypt(fromHex(e.d), raw, { format: 'c1c3c2' }))).toBe(e.message);
    expect(toHex(sm2.decrypt(fromHex(e.d), legacy, { format: 'c1c2c3' }))).toBe(e.message);
  });

  it('refuses altered ciphertexts with CRYPTO_OPERATION_FAILED', () => {
    const e = ENC_6_1;
    const raw = fromHex(e.c1 + e.c3 + e.c2);
    for (const index of [10, 70, 100, raw.length - 1]) {
      expect(() => sm2.decrypt(fromHex(e.d), flip(raw, index), { format: 'c1c3c2' })).toThrow(
        expect.objectContaining({ code: 'CRYPTO_OPERATION_FAILED' }),
      );
    }
    expect(() => sm2.decrypt(fromHex(e.d), flip(fromHex(e.der), 120))).toThrow(expect.objectContaining({ code: 'CRYPTO_OPERATION_FAILED' }));
    expect(() => sm2.decrypt(fromHex(e.d), fromHex('3003020101'))).toThrow(expect.objectContaining({ code: 'CRYPTO_OPERATION_FAILED' }));
    expect(() => sm2.decrypt(fromHex(e.d), raw.subarray(0, 90), { format: 'c1c3c2' })).toThrow(
      expect.objectContaining({ code: 'CRYPTO_OPERATION_FAILED' }),
    );
  });

  it('encrypts and decrypts empty and multi-block messages', () => {
    const random = new SeededRandom(3);
    const d = sm2.generatePrivateKey(random);
    const p = sm2.publicKeyFromPrivate(d);
    for (const length of [0, 1, 32, 33, 1000]) {
      const m = random.bytes(length);
      expect(sm2.decrypt(d, sm2.encrypt(p, m, { random }))).toEqual(m);
    }
  });
});

describe('SM2 module functions and key checks', () => {
  it('exposes the default-curve functions', () => {
    const random = new SeededRandom(11);
    const d = sm2GeneratePrivateKey(random);
    const p = sm2PublicKeyFromPrivate(d);
    expect(sm2IsValidPublicKey(p)).toBe(true);
    expect(sm2Za(p)).toHaveLength(32);
    const sig = sm2Sign(d, utf8('hello'), { random });
    expect(sm2Verify(p, utf8('hello'), sig)).toBe(true);
    expect(sm2Verify(p, utf8('hellO'), sig)).toBe(false);
    expect(sm2Decrypt(d, sm2Encrypt(p, utf8('secret'), { random }))).toEqual(utf8('secret'));
  });

  it('rejects private keys outside [1, n-2] and public keys off the curve', () => {
    const n = PURE_SM2.curve.n;
    for (const d of [0n, n - 1n, n]) {
      const bytes = fromHex(d.toString(16).padStart(64, '0'));
      expect(() => sm2PublicKeyFromPrivate(bytes)).toThrow(expect.objectContaining({ code: 'KEY_FORMAT_INVALID' }));
    }
    expect(() => sm2PublicKeyFromPrivate(new Uint8Array(31).fill(1))).toThrow(expect.objectContaining({ code: 'KEY_FORMAT_INVALID' }));
    expect(sm2IsValidPublicKey(flip(fromHex(SIG_5_1.publicKey), 1))).toBe(false);
    expect(sm2IsValidPublicKey(fromHex('00'))).toBe(false);
    expect(() => sm2Za(flip(fromHex(SIG_5_1.publicKey), 1))).toThrow(expect.objectContaining({ code: 'KEY_FORMAT_INVALID' }));
    expect(() => sm2Encrypt(flip(fromHex(SIG_5_1.publicKey), 1), utf8('x'), { random: new SeededRandom(1) })).toThrow(
      expect.objectContaining({ code: 'KEY_FORMAT_INVALID' }),
    );
  });

  it('signs with a caller-supplied public key, and notices a private key array changed in place', () => {
    const random = new SeededRandom(31);
    const d = sm2GeneratePrivateKey(random);
    const p = sm2PublicKeyFromPrivate(d);
    expect(sm2Verify(p, utf8('m'), sm2Sign(d, utf8('m'), { random, publicKey: p }))).toBe(true);
    expect(() => sm2Sign(d, utf8('m'), { random, publicKey: p.subarray(1) })).toThrow(expect.objectContaining({ code: 'KEY_FORMAT_INVALID' }));
    d.set(sm2GeneratePrivateKey(random));
    const p2 = sm2PublicKeyFromPrivate(d);
    expect(toHex(p2)).not.toBe(toHex(p));
    expect(sm2Verify(p2, utf8('m'), sm2Sign(d, utf8('m'), { random }))).toBe(true);
  });

  it('draws k ∈ [1, n-1] by rejection: a candidate ≥ n is skipped', () => {
    const n = PURE_SM2.curve.n;
    const tooBig = fromHex((n + 5n).toString(16));
    const sig = sm2Sign(fromHex(SIG_5_1.d), fromHex(SIG_5_1.message), { random: new FixedRandom(tooBig, fromHex(SIG_5_1.k)) });
    expect(toHex(signatureDerToRaw(sig, 32))).toBe(SIG_5_1.r + SIG_5_1.s);
  });
});
