/** ISO 32000-2 §7.6.4.3 Algorithms 2, 4, 5 and 7: Standard handler revisions 2–4 (MD5 + RC4). */
import { md5 } from '@noble/hashes/legacy.js';
import { concatBytes, equalBytes } from '@openseal/kernel';
import { rc4 } from './rc4.js';

// §7.6.4.3 Algorithm 2 step a): the 32-byte padding string.
const PAD = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

export interface LegacyParams {
  readonly r: number;
  readonly keyLength: number; // bytes
  readonly o: Uint8Array;
  readonly u: Uint8Array;
  readonly p: number;
  readonly id0: Uint8Array;
  readonly encryptMetadata: boolean;
}

/** Passwords of revisions 2–4 are PDFDocEncoding bytes, padded or truncated to 32. */
export function padPassword(password: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  const n = Math.min(32, password.length);
  out.set(password.subarray(0, n));
  out.set(PAD.subarray(0, 32 - n), n);
  return out;
}

/** Algorithm 2: the file encryption key from a (padded) user password. */
export function legacyFileKey(padded: Uint8Array, p: LegacyParams): Uint8Array {
  const pBytes = Uint8Array.from([p.p & 0xff, (p.p >> 8) & 0xff, (p.p >> 16) & 0xff, (p.p >>> 24) & 0xff]);
  const tail = p.r >= 4 && !p.encryptMetadata ? Uint8Array.from([0xff, 0xff, 0xff, 0xff]) : new Uint8Array(0);
  let h = md5(concatBytes(padded, p.o.subarray(0, 32), pBytes, p.id0, tail));
  const n = p.r === 2 ? 5 : p.keyLength;
  if (p.r >= 3) for (let i = 0; i < 50; i++) h = md5(h.subarray(0, n));
  return h.slice(0, n);
}

/** Algorithms 4/5: the /U value that a given key produces (only the first 16 bytes count for R ≥ 3). */
function computeU(key: Uint8Array, p: LegacyParams): Uint8Array {
  if (p.r === 2) return rc4(key, PAD);
  let x = rc4(key, md5(concatBytes(PAD, p.id0)));
  for (let i = 1; i <= 19; i++) x = rc4(key.map((b) => b ^ i), x);
  return x;
}

/** Algorithm 6: the key when `password` is the user password, else undefined. */
export function legacyUserKey(password: Uint8Array, p: LegacyParams): Uint8Array | undefined {
  const key = legacyFileKey(padPassword(password), p);
  const u = computeU(key, p);
  const n = p.r === 2 ? 32 : 16;
  return equalBytes(u.subarray(0, n), p.u.subarray(0, n)) ? key : undefined;
}

/** Algorithm 7: recovers the user password from /O with the owner password, then opens with it. */
export function legacyOwnerKey(password: Uint8Array, p: LegacyParams): Uint8Array | undefined {
  let h = md5(padPassword(password));
  if (p.r >= 3) for (let i = 0; i < 50; i++) h = md5(h);
  const rc4Key = h.subarray(0, p.r === 2 ? 5 : p.keyLength);
  let user = p.o.subarray(0, 32);
  if (p.r === 2) user = rc4(rc4Key, user);
  else for (let i = 19; i >= 0; i--) user = rc4(rc4Key.map((b) => b ^ i), user);
  return legacyUserKey(user, p);
}

/** Algorithm 1: the key for one object (with "sAlT" for AES-128). */
export function objectKey(fileKey: Uint8Array, num: number, gen: number, aes: boolean): Uint8Array {
  const extra = Uint8Array.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]);
  const salt = aes ? Uint8Array.from([0x73, 0x41, 0x6c, 0x54]) : new Uint8Array(0);
  return md5(concatBytes(fileKey, extra, salt)).slice(0, Math.min(fileKey.length + 5, 16));
}
