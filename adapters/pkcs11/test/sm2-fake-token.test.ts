// SM2 through vendor mechanisms, against a fake token (SoftHSM2 has no SM2 mechanism). The fake
// signs like a real SM2 token; OpenSSL, with the signer ID given as distid, is the independent judge.
import { createECDH, createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SM2_DEFAULT_USER_ID, encodeEcPublicKey, type SignatureAlgorithm } from '@openseal/crypto';
import { SeededRandom, bigIntToBytes, bytesToBigInt, concatBytes, fromHex, utf8 } from '@openseal/kernel';
import {
  CKM,
  DEFAULT_MECHANISM_PROFILE,
  Pkcs11Signer,
  defineMechanismProfile,
  sm2Mechanisms,
  type Pkcs11Mechanism,
  type TokenSigningKey,
} from '@openseal/pkcs11';
import { openssl, tempDir } from '../../../testing/support/openssl.js';

// GB/T 32918.5 sm2p256v1, written out here so the fake does not share code with the signer.
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const CURVE_ABG = fromHex(
  'fffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffc' +
    '28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93' +
    '32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7' +
    'bc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0',
);
const SM2_E = CKM.VENDOR_DEFINED + 0x8001;
const SM2_SM3 = CKM.VENDOR_DEFINED + 0x8002;

const sm3 = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(createHash('sm3').update(concatBytes(...parts)).digest());
const mod = (a: bigint): bigint => ((a % N) + N) % N;
function modPow(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = mod(result * b);
    b = mod(b * b);
  }
  return result;
}

/** Test-only SM2 token: one key, signs e (GB/T 32918.2 §6.1 A3–A7) or hashes Z‖M itself. */
class FakeSm2Token implements TokenSigningKey {
  readonly keyType = 'SM2' as const;
  readonly publicKey: Uint8Array;
  readonly point: Uint8Array;
  readonly calls: { mechanism: Pkcs11Mechanism; input: Uint8Array }[] = [];
  readonly #d: bigint;
  readonly #random = new SeededRandom(7);

  constructor(
    readonly mechanisms: ReadonlySet<number>,
    readonly output: 'r-s' | 'der' | 'short' = 'r-s',
  ) {
    const ecdh = createECDH('SM2');
    ecdh.generateKeys();
    this.#d = bytesToBigInt(ecdh.getPrivateKey());
    this.point = new Uint8Array(ecdh.getPublicKey());
    this.publicKey = encodeEcPublicKey('SM2', this.point);
  }

  offers(mechanism: number): boolean {
    return this.mechanisms.has(mechanism);
  }

  async sign(mechanism: Pkcs11Mechanism, input: Uint8Array): Promise<Uint8Array> {
    this.calls.push({ mechanism, input });
    let e: Uint8Array;
    if (mechanism.mechanism === SM2_E) e = input;
    else if (mechanism.mechanism === SM2_SM3) e = sm3(this.za(mechanism.parameter instanceof Uint8Array ? mechanism.parameter : SM2_DEFAULT_USER_ID), input);
    else throw new Error(`fake token: mechanism ${mechanism.mechanism} not supported`);
    const [r, s] = this.signE(bytesToBigInt(e));
    const rs = concatBytes(bigIntToBytes(r, 32), bigIntToBytes(s, 32));
    if (this.output === 'short') return rs.subarray(1);
    if (this.output === 'r-s') return rs;
    const int = (v: bigint): Uint8Array => {
      const b = bigIntToBytes(v);
      const body = (b[0] as number) & 0x80 ? concatBytes(Uint8Array.of(0), b) : b;
      return concatBytes(Uint8Array.of(0x02, body.length), body);
    };
    const body = concatBytes(int(r), int(s));
    return concatBytes(Uint8Array.of(0x30, body.length), body);
  }

  async close(): Promise<void> {}

  za(id: Uint8Array): Uint8Array {
    return sm3(Uint8Array.of((id.length * 8) >> 8, (id.length * 8) & 0xff), id, CURVE_ABG, this.point.subarray(1));
  }

  private signE(e: bigint): [bigint, bigint] {
    for (;;) {
      const k = mod(bytesToBigInt(this.#random.bytes(32)));
      if (k === 0n) continue;
      const ecdh = createECDH('SM2');
      ecdh.setPrivateKey(Buffer.from(bigIntToBytes(k, 32)));
      const x1 = bytesToBigInt(ecdh.getPublicKey().subarray(1, 33));
      const r = mod(e + x1);
      if (r === 0n || r + k === N) continue;
      const s = mod(modPow(1n + this.#d, N - 2n) * (k - r * this.#d));
      if (s !== 0n) return [r, s];
    }
  }
}

const tmp = tempDir('openseal-sm2-fake-');
afterAll(() => tmp.cleanup());

/** OpenSSL's SM2 verification with the signer ID as distid (OpenSSL's default ID is empty). */
function opensslSm2Verifies(token: FakeSm2Token, data: Uint8Array, signature: Uint8Array, userId: string): boolean {
  const der = Buffer.from(token.publicKey);
  writeFileSync(tmp.path('sm2.pub.pem'), `-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----\n`);
  writeFileSync(tmp.path('sm2.sig'), signature);
  const r = openssl(['dgst', '-sm3', '-verify', tmp.path('sm2.pub.pem'), '-sigopt', `distid:${userId}`, '-signature', tmp.path('sm2.sig')], { input: data });
  return r.code === 0 && r.stdout.toString().includes('Verified OK');
}

const MESSAGE = utf8('电子公章 OpenSeal SM2 message');
const flipped = (m: Uint8Array): Uint8Array => Uint8Array.from(m, (b, i) => (i === 3 ? b ^ 0x01 : b));
const SM2_DEFAULT: SignatureAlgorithm = { name: 'SM2', hash: 'SM3' };
const ALICE = 'ALICE123@YAHOO.COM';
const ALICE_ALG: SignatureAlgorithm = { name: 'SM2', hash: 'SM3', userId: utf8(ALICE) };

const profile = (mechanisms: ReturnType<typeof sm2Mechanisms>) =>
  defineMechanismProfile(DEFAULT_MECHANISM_PROFILE, { name: 'fake-sm2-token', mechanisms: { 'SM2/SM3': mechanisms } });

describe('SM2 on a vendor token (fake)', () => {
  it('sends e = SM3(Z‖M) to an "SM2 over e" mechanism and returns DER that OpenSSL verifies with the standard ID', async () => {
    const token = new FakeSm2Token(new Set([SM2_E]));
    const signer = new Pkcs11Signer(token, { profile: profile(sm2Mechanisms({ overE: SM2_E })) });
    expect(signer.algorithm).toEqual(SM2_DEFAULT);
    const signature = await signer.sign(MESSAGE);
    expect(token.calls[0]?.input).toEqual(sm3(token.za(SM2_DEFAULT_USER_ID), MESSAGE));
    expect(signature[0]).toBe(0x30);
    expect(opensslSm2Verifies(token, MESSAGE, signature, '1234567812345678')).toBe(true);
    expect(opensslSm2Verifies(token, flipped(MESSAGE), signature, '1234567812345678')).toBe(false);
    expect(opensslSm2Verifies(token, MESSAGE, signature, ALICE)).toBe(false);
  });

  it('uses the requested signer ID for Z', async () => {
    const token = new FakeSm2Token(new Set([SM2_E]));
    const signer = new Pkcs11Signer(token, { profile: profile(sm2Mechanisms({ overE: SM2_E })), algorithm: ALICE_ALG });
    const signature = await signer.sign(MESSAGE);
    expect(opensslSm2Verifies(token, MESSAGE, signature, ALICE)).toBe(true);
    expect(opensslSm2Verifies(token, MESSAGE, signature, '1234567812345678')).toBe(false);
  });

  it('passes M and the ID as parameter to an "SM2 with SM3" mechanism, and accepts DER output', async () => {
    const token = new FakeSm2Token(new Set([SM2_SM3]), 'der');
    const signer = new Pkcs11Signer(token, { profile: profile(sm2Mechanisms({ withSm3: SM2_SM3, idParameter: true, output: 'der' })) });
    const signature = await signer.sign(MESSAGE, ALICE_ALG);
    expect(token.calls[0]).toEqual({ mechanism: { mechanism: SM2_SM3, parameter: utf8(ALICE) }, input: MESSAGE });
    expect(opensslSm2Verifies(token, MESSAGE, signature, ALICE)).toBe(true);
    expect(opensslSm2Verifies(token, flipped(MESSAGE), signature, ALICE)).toBe(false);
  });

  it('uses a fixed-ID "SM2 with SM3" mechanism only for the default ID, falling back to "over e" otherwise', async () => {
    const both = new FakeSm2Token(new Set([SM2_E, SM2_SM3]));
    const signer = new Pkcs11Signer(both, { profile: profile([...sm2Mechanisms({ withSm3: SM2_SM3 }), ...sm2Mechanisms({ overE: SM2_E })]) });
    expect(signer.mechanismFor(SM2_DEFAULT).mechanism).toBe(SM2_SM3);
    expect(signer.mechanismFor(ALICE_ALG).mechanism).toBe(SM2_E);
    expect(opensslSm2Verifies(both, MESSAGE, await signer.sign(MESSAGE, ALICE_ALG), ALICE)).toBe(true);
    expect(opensslSm2Verifies(both, MESSAGE, await signer.sign(MESSAGE), '1234567812345678')).toBe(true);

    const fixedOnly = new Pkcs11Signer(new FakeSm2Token(new Set([SM2_SM3])), { profile: profile(sm2Mechanisms({ withSm3: SM2_SM3 })) });
    await expect(fixedOnly.sign(MESSAGE, ALICE_ALG)).rejects.toMatchObject({ code: 'PKCS11_MECHANISM_UNSUPPORTED' });
  });

  it('refuses SM2 with the default profile (no standard mechanism) and with mechanisms the token lacks', async () => {
    const token = new FakeSm2Token(new Set([SM2_E]));
    await expect(new Pkcs11Signer(token).sign(MESSAGE)).rejects.toMatchObject({ code: 'PKCS11_MECHANISM_UNSUPPORTED', details: { algorithm: 'SM2/SM3' } });
    const other = new Pkcs11Signer(token, { profile: profile(sm2Mechanisms({ overE: SM2_E + 1 })) });
    await expect(other.sign(MESSAGE)).rejects.toMatchObject({ code: 'PKCS11_MECHANISM_UNSUPPORTED', details: { tried: ['CKM_VENDOR_DEFINED+0x8002'] } });
    expect(() => new Pkcs11Signer(token, { algorithm: { name: 'ECDSA', hash: 'SHA-256' } })).toThrow(expect.objectContaining({ code: 'KEY_ALGORITHM_MISMATCH' }));
  });

  it('reports PKCS11_DEVICE_ERROR for an r‖s of the wrong length', async () => {
    const token = new FakeSm2Token(new Set([SM2_E]), 'short');
    const signer = new Pkcs11Signer(token, { profile: profile(sm2Mechanisms({ overE: SM2_E })) });
    await expect(signer.sign(MESSAGE)).rejects.toMatchObject({ code: 'PKCS11_DEVICE_ERROR', details: { length: 63, expectedLength: 64 } });
  });
});
