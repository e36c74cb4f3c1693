// The CryptoProvider contract, run against every provider (Node, browser; later in Chromium through a
// describe/it/expect shim). Imports nothing but vitest's describe/it/expect and browser-safe modules.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '@openseal/kernel';
import { encodeEcPublicKey, signatureRawToDer, type CryptoProvider, type DigestAlgorithm, type SignatureAlgorithm } from '../src/index.js';
import { MESSAGE_HEX, SIGNATURE_FIXTURES } from './fixtures/signature-fixtures.js';
import { SIG_5_1 } from './sm2-vectors.js';

const DIGESTS: [DigestAlgorithm, string, string][] = [
  // GB/T 32905 examples; FIPS 180-4 "abc" examples.
  ['SM3', 'abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
  ['SM3', 'abcd'.repeat(16), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
  ['SM3', '', '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b'],
  ['SHA-1', 'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  ['SHA-256', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ['SHA-384', 'abc', 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7'],
  ['SHA-512', 'abc', 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f'],
];

function flip(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  const i = index < 0 ? copy.length + index : index;
  copy[i] = (copy[i] as number) ^ 0x01;
  return copy;
}

export function describeCryptoProviderContract(name: string, make: () => CryptoProvider): void {
  describe(`CryptoProvider contract: ${name}`, () => {
    const provider = make();
    const message = fromHex(MESSAGE_HEX);

    describe('digests', () => {
      it.each(DIGESTS)('%s of "%s"', (alg, input, expected) => {
        expect(toHex(provider.digest(alg, utf8(input)))).toBe(expected);
        const h = provider.createHash(alg);
        const bytes = utf8(input);
        for (let i = 0; i < bytes.length; i += 7) h.update(bytes.subarray(i, i + 7));
        expect(h.algorithm).toBe(alg);
        expect(toHex(h.digest())).toBe(expected);
      });

      it('refuses an unknown digest with CRYPTO_UNSUPPORTED', () => {
        expect(() => provider.digest('MD5' as DigestAlgorithm, utf8('x'))).toThrow(expect.objectContaining({ code: 'CRYPTO_UNSUPPORTED' }));
        expect(() => provider.createHash('SHA3-256' as DigestAlgorithm)).toThrow(expect.objectContaining({ code: 'CRYPTO_UNSUPPORTED' }));
      });
    });

    describe('SM2 (GB/T 32918.5 vector 5.1, default user ID)', () => {
      const spki = encodeEcPublicKey('SM2', fromHex(SIG_5_1.publicKey));
      const msg = fromHex(SIG_5_1.message);
      const raw = fromHex(SIG_5_1.r + SIG_5_1.s);
      const der = signatureRawToDer(raw);
      const sm2: SignatureAlgorithm = { name: 'SM2', hash: 'SM3' };

      it('verifies as DER and as raw r‖s', async () => {
        expect(await provider.verify(sm2, spki, msg, der)).toBe(true);
        expect(await provider.verify(sm2, spki, msg, raw)).toBe(true);
        expect(await provider.verify({ ...sm2, userId: utf8('1234567812345678') }, spki, msg, der)).toBe(true);
      });

      it('tamper twins: flipped message byte, flipped r, wrong user ID', async () => {
        expect(await provider.verify(sm2, spki, flip(msg, 0), der)).toBe(false);
        expect(await provider.verify(sm2, spki, msg, flip(raw, 7))).toBe(false);
        expect(await provider.verify({ ...sm2, userId: utf8('ALICE123@YAHOO.COM') }, spki, msg, der)).toBe(false);
        expect(await provider.verify({ ...sm2, userId: new Uint8Array(0) }, spki, msg, der)).toBe(false);
      });
    });

    describe('signatures made by OpenSSL', () => {
      it.each(SIGNATURE_FIXTURES.map((f) => [f.id, f] as const))('%s verifies; its tamper twins do not', async (_id, f) => {
        const spki = fromHex(f.spki);
        const sig = fromHex(f.signature);
        expect(await provider.verify(f.algorithm, spki, message, sig)).toBe(true);
        expect(await provider.verify(f.algorithm, spki, flip(message, 5), sig)).toBe(false);
        expect(await provider.verify(f.algorithm, spki, message, flip(sig, -3))).toBe(false);
        expect(await provider.verify(f.algorithm, spki, message, flip(sig, Math.floor(sig.length / 2)))).toBe(false);
      });

      it('accepts ECDSA as raw r‖s too, and rejects it with a different hash', async () => {
        const f = SIGNATURE_FIXTURES.find((x) => x.id === 'p256-sha256')!;
        const der = fromHex(f.signature);
        const rawHex = derToRawHex(der, 32);
        expect(await provider.verify(f.algorithm, fromHex(f.spki), message, fromHex(rawHex))).toBe(true);
        expect(await provider.verify({ name: 'ECDSA', hash: 'SHA-384' }, fromHex(f.spki), message, der)).toBe(false);
      });

      it('RSA-PSS with another salt length or hash does not verify', async () => {
        const f = SIGNATURE_FIXTURES.find((x) => x.id === 'rsa2048-pss-sha256')!;
        const spki = fromHex(f.spki);
        const sig = fromHex(f.signature);
        expect(await provider.verify({ name: 'RSA-PSS', hash: 'SHA-256' }, spki, message, sig)).toBe(true); // default salt = 32
        expect(await provider.verify({ name: 'RSA-PSS', hash: 'SHA-256', saltLength: 20 }, spki, message, sig)).toBe(false);
        expect(await provider.verify({ name: 'RSA-PSS', hash: 'SHA-384', saltLength: 32 }, spki, message, sig)).toBe(false);
        expect(await provider.verify({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, spki, message, sig)).toBe(false);
      });
    });

    describe('bad keys and garbage signatures give false', () => {
      const byId = (id: string) => SIGNATURE_FIXTURES.find((x) => x.id === id)!;

      it('a key of another type than the algorithm', async () => {
        const rsa = byId('rsa2048-pkcs1-sha256');
        const p256 = byId('p256-sha256');
        const sm2 = byId('sm2-default-id');
        const pssOnly = byId('rsapss-only-key-pss-sha256');
        expect(await provider.verify({ name: 'ECDSA', hash: 'SHA-256' }, fromHex(rsa.spki), message, fromHex(p256.signature))).toBe(false);
        expect(await provider.verify({ name: 'SM2', hash: 'SM3' }, fromHex(p256.spki), message, fromHex(sm2.signature))).toBe(false);
        expect(await provider.verify({ name: 'ECDSA', hash: 'SM3' }, fromHex(sm2.spki), message, fromHex(sm2.signature))).toBe(false);
        expect(await provider.verify({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, fromHex(sm2.spki), message, fromHex(rsa.signature))).toBe(false);
        expect(await provider.verify({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, fromHex(pssOnly.spki), message, fromHex(pssOnly.signature))).toBe(false);
      });

      it('a malformed or off-curve key', async () => {
        const p256 = byId('p256-sha256');
        const sm2 = byId('sm2-default-id');
        for (const f of [p256, sm2]) {
          const spki = fromHex(f.spki);
          expect(await provider.verify(f.algorithm, flip(spki, -1), message, fromHex(f.signature))).toBe(false); // off the curve
          expect(await provider.verify(f.algorithm, spki.subarray(0, 40), message, fromHex(f.signature))).toBe(false);
          expect(await provider.verify(f.algorithm, new Uint8Array(0), message, fromHex(f.signature))).toBe(false);
          expect(await provider.verify(f.algorithm, fromHex('30030201ff'), message, fromHex(f.signature))).toBe(false);
        }
      });

      it.each(SIGNATURE_FIXTURES.map((f) => [f.id, f] as const))('garbage signatures for %s', async (_id, f) => {
        const spki = fromHex(f.spki);
        const sig = fromHex(f.signature);
        for (const garbage of [new Uint8Array(0), new Uint8Array(1), sig.subarray(0, sig.length - 1), new Uint8Array(sig.length).fill(0xff), fromHex('3006020100020100'), new Uint8Array(sig.length)]) {
          expect(await provider.verify(f.algorithm, spki, message, garbage)).toBe(false);
        }
      });
    });

    describe('unsupported algorithms', () => {
      const sm2 = SIGNATURE_FIXTURES.find((x) => x.id === 'sm2-default-id')!;
      const rsa = SIGNATURE_FIXTURES.find((x) => x.id === 'rsa2048-pkcs1-sha256')!;
      const unsupported = expect.objectContaining({ code: 'CRYPTO_UNSUPPORTED' });
      it('rejects with CRYPTO_UNSUPPORTED rather than answering', async () => {
        await expect(provider.verify({ name: 'EdDSA' } as unknown as SignatureAlgorithm, fromHex(sm2.spki), message, fromHex(sm2.signature))).rejects.toEqual(unsupported);
        await expect(provider.verify({ name: 'SM2', hash: 'SHA-256' } as unknown as SignatureAlgorithm, fromHex(sm2.spki), message, fromHex(sm2.signature))).rejects.toEqual(unsupported);
        await expect(provider.verify({ name: 'ECDSA', hash: 'MD5' } as unknown as SignatureAlgorithm, fromHex(sm2.spki), message, fromHex(sm2.signature))).rejects.toEqual(unsupported);
        await expect(provider.verify({ name: 'RSA-PSS', hash: 'SM3' }, fromHex(rsa.spki), message, fromHex(rsa.signature))).rejects.toEqual(unsupported);
      });
    });
  });
}

// Test-local DER → raw conversion written independently of the code under test.
function derToRawHex(der: Uint8Array, size: number): string {
  let offset = 2;
  const parts: string[] = [];
  for (let i = 0; i < 2; i++) {
    const length = der[offset + 1] as number;
    const value = toHex(der.subarray(offset + 2, offset + 2 + length)).replace(/^(00)+/, '');
    parts.push(value.padStart(2 * size, '0'));
    offset += 2 + length;
  }
  return parts.join('');
}
