import { describe, expect, it } from 'vitest';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { fromHex, SeededRandom, toHex } from '@openseal/kernel';
import { gcmDecrypt, gcmEncrypt, gctr } from '../src/index.js';
import {
  nodeGcmBlockCipher,
  sm4CbcDecrypt,
  sm4CbcEncrypt,
  sm4Ctr,
  sm4EcbDecrypt,
  sm4EcbEncrypt,
  sm4GcmDecrypt,
  sm4GcmEncrypt,
} from '../src/node/index.js';

// sm-vectors.md §2.
const KEY = fromHex('0123456789abcdeffedcba9876543210');
const BLOCK = fromHex('0123456789abcdeffedcba9876543210');

describe('SM4 (GB/T 32907) on node:crypto', () => {
  it('example 1: one block in ECB', () => {
    expect(toHex(sm4EcbEncrypt(KEY, BLOCK, { padding: false }))).toBe('681edf34d206965e86b3e94f536e4246');
    expect(toHex(sm4EcbDecrypt(KEY, fromHex('681edf34d206965e86b3e94f536e4246'), { padding: false }))).toBe(toHex(BLOCK));
  });

  it('example 2: the block encrypted 1,000,000 times', () => {
    // CBC over zero blocks with IV = the block gives C_i = E(C_(i-1)): the whole chain in one native call.
    const chain = sm4CbcEncrypt(KEY, BLOCK, new Uint8Array(16 * 1_000_000), { padding: false });
    expect(toHex(chain.subarray(chain.length - 16))).toBe('595298c7c6fd271f0402f804c33d3f66');
  });

  it('CBC: the generated vector, and PKCS#7 padding round trips', () => {
    const iv = fromHex('000102030405060708090a0b0c0d0e0f');
    const two = fromHex(toHex(BLOCK) + toHex(BLOCK));
    expect(toHex(sm4CbcEncrypt(KEY, iv, two, { padding: false }))).toBe('a9a268883a336315bac0c9c9ff350ab1b236a4a85616d4aabf0a83555c7d4115');
    const random = new SeededRandom(2);
    for (const length of [0, 1, 15, 16, 17, 100]) {
      const data = random.bytes(length);
      const ct = sm4CbcEncrypt(KEY, iv, data);
      expect(ct.length).toBe((Math.floor(length / 16) + 1) * 16);
      expect(sm4CbcDecrypt(KEY, iv, ct)).toEqual(data);
      expect(sm4EcbDecrypt(KEY, sm4EcbEncrypt(KEY, data))).toEqual(data);
    }
  });

  it('reports a wrong key on padded decryption as CRYPTO_OPERATION_FAILED (or garbage), never a crash', () => {
    const iv = new Uint8Array(16);
    const ct = sm4CbcEncrypt(KEY, iv, new Uint8Array(5));
    const wrong = KEY.slice();
    wrong[0] = (wrong[0] as number) ^ 1;
    let failures = 0;
    for (let i = 0; i < 8; i++) {
      wrong[1] = i;
      try {
        expect(sm4CbcDecrypt(wrong, iv, ct)).not.toEqual(new Uint8Array(5));
      } catch (e) {
        expect(e).toMatchObject({ code: 'CRYPTO_OPERATION_FAILED' });
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(0);
    expect(() => sm4EcbEncrypt(new Uint8Array(15), BLOCK)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => sm4EcbEncrypt(KEY, new Uint8Array(5), { padding: false })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('CTR equals ECB of the counter blocks XOR the data', () => {
    const counter = fromHex('000000000000000000000000fffffffe');
    const data = new SeededRandom(4).bytes(50);
    const ct = sm4Ctr(KEY, counter, data);
    const blocks = fromHex('000000000000000000000000fffffffe' + '000000000000000000000000ffffffff' + '00000000000000000000000100000000' + '00000000000000000000000100000001');
    const stream = sm4EcbEncrypt(KEY, blocks, { padding: false });
    expect(toHex(ct)).toBe(toHex(data.map((b, i) => b ^ (stream[i] as number))));
    expect(sm4Ctr(KEY, counter, ct)).toEqual(data);
  });
});

describe('GCM over SM4 (NIST SP 800-38D; RFC 8998)', () => {
  const key = fromHex('0123456789ABCDEFFEDCBA9876543210');
  const iv = fromHex('00001234567800000000ABCD');
  const aad = fromHex('FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2');
  const plaintext = fromHex(['AA', 'BB', 'CC', 'DD', 'EE', 'FF', 'EE', 'AA'].map((b) => b.repeat(8)).join(''));
  const ciphertext = '17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D';
  const tag = '83DE3541E4C2B58177E065A9BF7B62EC';

  it('reproduces the RFC 8998 vector and decrypts it', () => {
    const sealed = sm4GcmEncrypt(key, iv, plaintext, { aad });
    expect(toHex(sealed.ciphertext)).toBe(ciphertext.toLowerCase());
    expect(toHex(sealed.tag)).toBe(tag.toLowerCase());
    expect(sm4GcmDecrypt(key, iv, fromHex(ciphertext), fromHex(tag), { aad })).toEqual(plaintext);
  });

  it('tamper twins: a flipped ciphertext, tag or AAD byte fails with CRYPTO_OPERATION_FAILED', () => {
    const flip = (hex: string, i: number): Uint8Array => {
      const b = fromHex(hex);
      b[i] = (b[i] as number) ^ 0x80;
      return b;
    };
    const failed = expect.objectContaining({ code: 'CRYPTO_OPERATION_FAILED' });
    expect(() => sm4GcmDecrypt(key, iv, flip(ciphertext, 10), fromHex(tag), { aad })).toThrow(failed);
    expect(() => sm4GcmDecrypt(key, iv, fromHex(ciphertext), flip(tag, 15), { aad })).toThrow(failed);
    expect(() => sm4GcmDecrypt(key, iv, fromHex(ciphertext), fromHex(tag), { aad: flip(toHex(aad), 0) })).toThrow(failed);
    expect(() => sm4GcmDecrypt(key, iv, fromHex(ciphertext), fromHex(tag).subarray(0, 8), { aad })).toThrow(failed);
  });

  it('the same GCM code over AES agrees with OpenSSL aes-128-gcm for any IV length and short tags', () => {
    const random = new SeededRandom(8);
    const aesKey = random.bytes(16);
    const cipher = nodeGcmBlockCipher('aes-128', aesKey);
    for (const [ivLength, length, aadLength, tagLength] of [
      [12, 0, 0, 16], [12, 1, 5, 16], [12, 64, 20, 12], [1, 33, 0, 16], [8, 100, 17, 14], [16, 48, 16, 16], [60, 257, 3, 16],
    ] as const) {
      const nonce = random.bytes(ivLength);
      const data = random.bytes(length);
      const extra = random.bytes(aadLength);
      const ours = gcmEncrypt(cipher, nonce, data, { aad: extra, tagLength });
      const c = createCipheriv('aes-128-gcm', aesKey, nonce, { authTagLength: tagLength });
      c.setAAD(extra);
      const theirs = Buffer.concat([c.update(data), c.final()]);
      expect(toHex(ours.ciphertext)).toBe(theirs.toString('hex'));
      expect(toHex(ours.tag)).toBe(c.getAuthTag().toString('hex'));
      const d = createDecipheriv('aes-128-gcm', aesKey, nonce, { authTagLength: tagLength });
      d.setAAD(extra);
      d.setAuthTag(ours.tag);
      expect(new Uint8Array(Buffer.concat([d.update(ours.ciphertext), d.final()]))).toEqual(data);
      expect(gcmDecrypt(cipher, nonce, ours.ciphertext, ours.tag, { aad: extra })).toEqual(data);
    }
  });

  it('GCTR increments only the low 32 bits of the counter (inc32), unlike plain CTR', () => {
    const random = new SeededRandom(12);
    const cipher = nodeGcmBlockCipher('aes-128', random.bytes(16));
    const prefix = '0102030405060708090a0b0c';
    const data = random.bytes(40);
    const stream: number[] = [];
    for (const low of ['fffffffe', 'ffffffff', '00000000']) stream.push(...cipher.encryptBlock(fromHex(prefix + low)));
    const out = gctr(cipher, fromHex(prefix + 'fffffffe'), data);
    expect(toHex(out)).toBe(toHex(data.map((b, i) => b ^ (stream[i] as number))));
  });
});
