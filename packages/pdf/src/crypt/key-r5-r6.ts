/** ISO 32000-2 §7.6.4.3.3–4 Algorithms 2.A and 2.B: AES-256 file keys (Standard handler R5 and R6). */
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, equalBytes } from '@openseal/kernel';
import { aesCbcRaw } from './aes-cbc.js';

export interface Aes256Params {
  readonly r: number;
  readonly o: Uint8Array; // 48 bytes: hash ‖ validation salt ‖ key salt
  readonly u: Uint8Array; // 48 bytes
  readonly oe: Uint8Array; // 32 bytes
  readonly ue: Uint8Array; // 32 bytes
}

/** §7.6.4.3.3: passwords are UTF-8 after SASLprep (approximated by NFKC), at most 127 bytes. */
export function aes256PasswordBytes(password: string): Uint8Array {
  return new TextEncoder().encode(password.normalize('NFKC')).subarray(0, 127);
}

/** Algorithm 2.B (R6); R5 uses plain SHA-256. `udata` is the 48-byte /U for owner checks, else empty. */
export function hashR6(password: Uint8Array, salt: Uint8Array, udata: Uint8Array, r: number): Uint8Array {
  let k = sha256(concatBytes(password, salt, udata));
  if (r === 5) return k;
  for (let round = 0; ; round++) {
    const block = concatBytes(password, k, udata);
    const k1 = new Uint8Array(block.length * 64);
    for (let i = 0; i < 64; i++) k1.set(block, i * block.length);
    const e = aesCbcRaw(k.subarray(0, 16), k.subarray(16, 32), k1, 'encrypt');
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i] as number;
    const mod = sum % 3; // the first 16 bytes as a big-endian number, mod 3
    k = mod === 0 ? sha256(e) : mod === 1 ? sha384(e) : sha512(e);
    if (round >= 63 && (e[e.length - 1] as number) <= round + 1 - 32) break;
  }
  return k.subarray(0, 32);
}

const ZERO_IV = new Uint8Array(16);

/**
 * Algorithm 2.A steps: returns the 32-byte file key and which password matched, or undefined. The user
 * password is tried first (one hash fewer for the common case; if both match, "user" is the safer answer).
 */
export function aes256FileKey(password: Uint8Array, p: Aes256Params): { key: Uint8Array; owner: boolean } | undefined {
  const u48 = p.u.subarray(0, 48);
  if (equalBytes(hashR6(password, p.u.subarray(32, 40), new Uint8Array(0), p.r), p.u.subarray(0, 32))) {
    const ik = hashR6(password, p.u.subarray(40, 48), new Uint8Array(0), p.r);
    return { key: aesCbcRaw(ik, ZERO_IV, p.ue.subarray(0, 32), 'decrypt'), owner: false };
  }
  if (equalBytes(hashR6(password, p.o.subarray(32, 40), u48, p.r), p.o.subarray(0, 32))) {
    const ik = hashR6(password, p.o.subarray(40, 48), u48, p.r);
    return { key: aesCbcRaw(ik, ZERO_IV, p.oe.subarray(0, 32), 'decrypt'), owner: true };
  }
  return undefined;
}
