import { hash } from 'node:crypto';
import { CryptoUnsupportedError } from '../../errors.js';

/** Hashes usable with the PKCS#12 KDF: Node name, block size v and output size u in bytes. */
const KDF_HASHES: Readonly<Record<string, { v: number; u: number }>> = {
  sha1: { v: 64, u: 20 },
  sha256: { v: 64, u: 32 },
  sha384: { v: 128, u: 48 },
  sha512: { v: 128, u: 64 },
  sm3: { v: 64, u: 32 },
};

/** RFC 7292 Appendix B.3 purposes. */
export const PKCS12_KDF_KEY = 1;
export const PKCS12_KDF_IV = 2;
export const PKCS12_KDF_MAC = 3;

/** RFC 7292 Appendix B.1: the password as a BMPString with two trailing zero octets. */
export function pkcs12Password(passphrase: string): Uint8Array {
  const out = new Uint8Array(passphrase.length * 2 + 2);
  for (let i = 0; i < passphrase.length; i++) {
    const c = passphrase.charCodeAt(i);
    out[2 * i] = c >> 8;
    out[2 * i + 1] = c & 0xff;
  }
  return out;
}

/**
 * The PKCS#12 key derivation function (RFC 7292 Appendix B.2). `password` is already
 * BMP-encoded (see pkcs12Password); `id` is 1 (key), 2 (IV) or 3 (MAC key).
 */
export function pkcs12Kdf(hashName: string, password: Uint8Array, salt: Uint8Array, id: number, iterations: number, length: number): Uint8Array {
  const h = KDF_HASHES[hashName];
  if (!h) throw new CryptoUnsupportedError(`PKCS#12 KDF hash ${hashName}`);
  const { v, u } = h;
  const D = new Uint8Array(v).fill(id);
  const fill = (src: Uint8Array): Uint8Array => {
    const out = new Uint8Array(v * Math.ceil(src.length / v));
    for (let i = 0; i < out.length; i++) out[i] = src[i % src.length] as number;
    return out;
  };
  const I = new Uint8Array([...fill(salt), ...fill(password)]);
  const out = new Uint8Array(length);
  const input = new Uint8Array(v + I.length);
  for (let produced = 0; produced < length; ) {
    input.set(D, 0);
    input.set(I, v);
    let A: Uint8Array = hash(hashName, input, 'buffer');
    for (let r = 1; r < iterations; r++) A = hash(hashName, A, 'buffer');
    out.set(A.subarray(0, Math.min(u, length - produced)), produced);
    produced += u;
    if (produced >= length) break;
    // B.2 step 6: I_j = (I_j + B + 1) mod 2^(8v), B = A repeated to v bytes.
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (I[j + k] as number) + (A[k % u] as number) + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out;
}
