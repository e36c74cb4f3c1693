import { bigIntToBytes, bytesToBigInt, concatBytes, equalBytes, fromHex } from '@openseal/kernel';
import type { DigestAlgorithm } from '../algorithms.js';

/** The public numbers of an RSA key. */
export interface RsaPublicNumbers {
  readonly modulus: bigint;
  readonly publicExponent: bigint;
}

/** DER of DigestInfo up to the digest bytes (RFC 8017 §9.2 note 1; SM3: OID 1.2.156.10197.1.401, NULL). */
const DIGEST_INFO_PREFIX: Readonly<Record<DigestAlgorithm, string>> = {
  'SHA-1': '3021300906052b0e03021a05000414',
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
  SM3: '3030300c06082a811ccf5501831105000420',
};

/**
 * RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2) of a precomputed digest, in BigInt. Used where
 * the platform cannot (WebCrypto has no SM3); strict encoding: DigestInfo with NULL parameters.
 */
export function rsaPkcs1v15VerifyDigest(key: RsaPublicNumbers, hash: DigestAlgorithm, digest: Uint8Array, signature: Uint8Array): boolean {
  const em = rsaPublicOperation(key, signature);
  if (!em) return false;
  const t = concatBytes(fromHex(DIGEST_INFO_PREFIX[hash]), digest);
  const psLength = em.length - t.length - 3;
  if (psLength < 8) return false;
  const expected = new Uint8Array(em.length);
  expected[1] = 0x01;
  expected.fill(0xff, 2, 2 + psLength);
  expected.set(t, 3 + psLength);
  return equalBytes(em, expected);
}

/**
 * RSASSA-PSS verification (RFC 8017 §8.1.2, EMSA-PSS-VERIFY §9.1.2) of a precomputed digest with
 * MGF1 over the same hash and an exact salt length.
 */
export function rsaPssVerifyDigest(
  key: RsaPublicNumbers,
  hashFn: (data: Uint8Array) => Uint8Array,
  mHash: Uint8Array,
  signature: Uint8Array,
  saltLength: number,
): boolean {
  const modBits = key.modulus.toString(2).length;
  const emBits = modBits - 1;
  const emLen = Math.ceil(emBits / 8);
  const full = rsaPublicOperation(key, signature);
  if (!full) return false;
  // I2OSP(m, emLen): when emLen < k the leading byte of the k-byte block must be zero.
  if (full.length > emLen && full[0] !== 0) return false;
  const em = full.subarray(full.length - emLen);
  const hLen = mHash.length;
  if (emLen < hLen + saltLength + 2 || em[emLen - 1] !== 0xbc) return false;
  const maskedDb = em.subarray(0, emLen - hLen - 1);
  const h = em.subarray(emLen - hLen - 1, emLen - 1);
  const topBits = 8 * emLen - emBits;
  const topMask = (0xff << (8 - topBits)) & 0xff;
  if (((maskedDb[0] as number) & topMask) !== 0) return false;
  const dbMask = mgf1(hashFn, h, maskedDb.length);
  const db = maskedDb.map((b, i) => b ^ (dbMask[i] as number));
  db[0] = (db[0] as number) & ~topMask;
  const psLength = emLen - hLen - saltLength - 2;
  for (let i = 0; i < psLength; i++) if (db[i] !== 0) return false;
  if (db[psLength] !== 0x01) return false;
  const salt = db.subarray(db.length - saltLength);
  return equalBytes(hashFn(concatBytes(new Uint8Array(8), mHash, salt)), h);
}

/** s^e mod n as a k-byte block (RFC 8017 §5.2.2 RSAVP1); null when s is not a k-byte integer below n. */
function rsaPublicOperation(key: RsaPublicNumbers, signature: Uint8Array): Uint8Array | null {
  const k = Math.ceil(key.modulus.toString(2).length / 8);
  if (signature.length !== k) return null;
  const s = bytesToBigInt(signature);
  if (s >= key.modulus) return null;
  return bigIntToBytes(modPow(s, key.publicExponent, key.modulus), k);
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** RFC 8017 §B.2.1 MGF1. */
function mgf1(hashFn: (data: Uint8Array) => Uint8Array, seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const counter = new Uint8Array(4);
  for (let offset = 0, c = 0; offset < length; c++) {
    counter[0] = c >>> 24;
    counter[1] = (c >>> 16) & 0xff;
    counter[2] = (c >>> 8) & 0xff;
    counter[3] = c & 0xff;
    const block = hashFn(concatBytes(seed, counter));
    out.set(block.subarray(0, Math.min(block.length, length - offset)), offset);
    offset += block.length;
  }
  return out;
}
