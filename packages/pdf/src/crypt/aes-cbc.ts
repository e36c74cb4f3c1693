/** AES-CBC as ISO 32000-2 §7.6.3.2 uses it: a 16-byte IV prepended, PKCS#5 padding. */
import { cbc } from '@noble/ciphers/aes.js';
import type { RandomSource } from '@openseal/kernel';
import { concatBytes } from '@openseal/kernel';

/** Decrypts leniently: a ragged tail is dropped and bad padding is left in place, as readers do. */
export function aesCbcDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length < 32) return new Uint8Array(0);
  const iv = data.subarray(0, 16);
  const body = data.subarray(16, 16 + Math.floor((data.length - 16) / 16) * 16);
  const plain = cbc(key, iv, { disablePadding: true }).decrypt(body);
  const pad = plain[plain.length - 1] as number;
  if (pad < 1 || pad > 16 || pad > plain.length) return plain;
  for (let i = plain.length - pad; i < plain.length; i++) if (plain[i] !== pad) return plain;
  return plain.subarray(0, plain.length - pad);
}

export function aesCbcEncrypt(key: Uint8Array, data: Uint8Array, random: RandomSource): Uint8Array {
  const iv = random.bytes(16);
  const pad = 16 - (data.length % 16);
  const padded = new Uint8Array(data.length + pad);
  padded.set(data);
  padded.fill(pad, data.length);
  return concatBytes(iv, cbc(key, iv, { disablePadding: true }).encrypt(padded));
}

/** AES-CBC without padding and with an explicit IV (key derivation of revisions 5 and 6). */
export function aesCbcRaw(key: Uint8Array, iv: Uint8Array, data: Uint8Array, mode: 'encrypt' | 'decrypt'): Uint8Array {
  const c = cbc(key, iv, { disablePadding: true });
  return mode === 'encrypt' ? c.encrypt(data) : c.decrypt(data);
}
