import { concatBytes, equalBytes, InvalidArgumentError } from '@openseal/kernel';
import { CryptoOperationError } from '../errors.js';
import { Ghash } from './ghash.js';

/** What GCM needs from a 128-bit block cipher keyed once (e.g. SM4 or AES on node:crypto). */
export interface GcmBlockCipher {
  /** E_K(block) for one 16-byte block. */
  encryptBlock(block: Uint8Array): Uint8Array;
  /**
   * Counter-mode keystream XOR starting at `counter`, incrementing the whole 128-bit block
   * big-endian (the usual CTR mode); GCM only ever calls it where the low 32 bits do not wrap.
   */
  ctr(counter: Uint8Array, data: Uint8Array): Uint8Array;
}

export interface GcmOptions {
  /** Additional authenticated data. */
  aad?: Uint8Array;
  /** Tag length in bytes, 12–16 (SP 800-38D §5.2.1.2); default 16. */
  tagLength?: number;
}

export interface GcmSealed {
  ciphertext: Uint8Array;
  tag: Uint8Array;
}

/** NIST SP 800-38D §7.1 GCM-AE. */
export function gcmEncrypt(cipher: GcmBlockCipher, iv: Uint8Array, plaintext: Uint8Array, options: GcmOptions = {}): GcmSealed {
  const tagLength = options.tagLength ?? 16;
  if (!Number.isInteger(tagLength) || tagLength < 12 || tagLength > 16) {
    throw new InvalidArgumentError('GCM tag length must be 12 to 16 bytes', { tagLength });
  }
  const { h, j0 } = setUp(cipher, iv);
  const ciphertext = gctr(cipher, inc32(j0), plaintext);
  const tag = computeTag(cipher, h, j0, options.aad ?? new Uint8Array(0), ciphertext).subarray(0, tagLength);
  return { ciphertext, tag };
}

/** NIST SP 800-38D §7.2 GCM-AD; a tag mismatch fails with CRYPTO_OPERATION_FAILED and no plaintext. */
export function gcmDecrypt(cipher: GcmBlockCipher, iv: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, options: Omit<GcmOptions, 'tagLength'> = {}): Uint8Array {
  if (tag.length < 12 || tag.length > 16) throw new CryptoOperationError('GCM decryption: tag length must be 12 to 16 bytes');
  const { h, j0 } = setUp(cipher, iv);
  const expected = computeTag(cipher, h, j0, options.aad ?? new Uint8Array(0), ciphertext).subarray(0, tag.length);
  if (!equalBytes(expected, tag)) throw new CryptoOperationError('GCM decryption: authentication tag mismatch');
  return gctr(cipher, inc32(j0), ciphertext);
}

function setUp(cipher: GcmBlockCipher, iv: Uint8Array): { h: Ghash; j0: Uint8Array } {
  if (iv.length === 0) throw new InvalidArgumentError('GCM IV must not be empty');
  const hBytes = cipher.encryptBlock(new Uint8Array(16));
  const h = new Ghash(hBytes);
  let j0: Uint8Array;
  if (iv.length === 12) {
    j0 = concatBytes(iv, new Uint8Array([0, 0, 0, 1]));
  } else {
    // §7.1 step 2: J0 = GHASH(IV ‖ 0^(s+64) ‖ [len(IV)]_64)
    j0 = new Ghash(hBytes).update(iv).update(lengthBlock(0, iv.length)).digest();
  }
  return { h, j0 };
}

function computeTag(cipher: GcmBlockCipher, h: Ghash, j0: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const s = h.update(aad).update(ciphertext).update(lengthBlock(aad.length, ciphertext.length)).digest();
  return gctr(cipher, j0, s);
}

/** §6.5 GCTR_K(ICB, X) with inc32: split where the low 32 bits of the counter would wrap. */
export function gctr(cipher: GcmBlockCipher, icb: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(data.length);
  const counter = icb.slice();
  let offset = 0;
  while (offset < data.length) {
    const low = ((counter[12] as number) * 0x1000000 + ((counter[13] as number) << 16) + ((counter[14] as number) << 8) + (counter[15] as number));
    const blocksBeforeWrap = 0x100000000 - low;
    const take = Math.min(data.length - offset, blocksBeforeWrap * 16);
    out.set(cipher.ctr(counter, data.subarray(offset, offset + take)), offset);
    offset += take;
    counter.fill(0, 12); // the low 32 bits wrapped to zero; the upper 96 bits stay
  }
  return out;
}

function inc32(block: Uint8Array): Uint8Array {
  const out = block.slice();
  for (let i = 15; i >= 12; i--) {
    out[i] = ((out[i] as number) + 1) & 0xff;
    if (out[i] !== 0) break;
  }
  return out;
}

// [len(A)]_64 ‖ [len(C)]_64 in bits.
function lengthBlock(aadBytes: number, dataBytes: number): Uint8Array {
  const out = new Uint8Array(16);
  writeBits(out, 0, aadBytes);
  writeBits(out, 8, dataBytes);
  return out;
}

function writeBits(out: Uint8Array, offset: number, bytes: number): void {
  const high = Math.floor(bytes / 0x20000000);
  const low = (bytes * 8) >>> 0;
  for (let i = 0; i < 4; i++) {
    out[offset + i] = (high >>> (24 - 8 * i)) & 0xff;
    out[offset + 4 + i] = (low >>> (24 - 8 * i)) & 0xff;
  }
}
