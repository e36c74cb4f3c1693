/**
 * ISO 32000-2 §7.6.4 Standard security handler: opens an /Encrypt dictionary with a password and
 * encrypts/decrypts strings and streams per object (§7.6.3), with crypt filters (§7.6.6) for V4/V5.
 */
import type { RandomSource } from '@openseal/kernel';
import { PdfDict, PdfName, PdfString, type PdfObject } from '../core/objects.js';
import { PdfMalformedError, PdfPasswordIncorrectError, PdfPasswordRequiredError, PdfUnsupportedError } from '../errors.js';
import { aesCbcDecrypt, aesCbcEncrypt } from './aes-cbc.js';
import { legacyOwnerKey, legacyUserKey, objectKey, type LegacyParams } from './key-r2-r4.js';
import { aes256FileKey, aes256PasswordBytes } from './key-r5-r6.js';
import { rc4 } from './rc4.js';

export type CryptMethod = 'None' | 'RC4' | 'AESV2' | 'AESV3';

export interface EncryptionInfo {
  readonly filter: string;
  readonly v: number;
  readonly r: number;
  /** File key length in bytes. */
  readonly keyLength: number;
  readonly stringMethod: CryptMethod;
  readonly streamMethod: CryptMethod;
  readonly encryptMetadata: boolean;
  /** Permission flags /P (Table 22). */
  readonly permissions: number;
  /** Which password opened the file. */
  readonly openedWith: 'user' | 'owner';
}

const bytesOf = (o: PdfObject | undefined): Uint8Array | undefined => (o instanceof PdfString ? o.bytes : undefined);

function cryptMethod(encrypt: PdfDict, filterName: string | undefined, resolve: (o: PdfObject | undefined) => PdfObject | undefined): CryptMethod {
  if (filterName === undefined || filterName === 'Identity') return 'None';
  const cf = resolve(encrypt.get('CF'));
  const f = cf instanceof PdfDict ? resolve(cf.get(filterName)) : undefined;
  if (!(f instanceof PdfDict)) throw new PdfMalformedError('crypt filter not defined', { filter: filterName });
  const cfm = f.getName('CFM') ?? 'None';
  if (cfm === 'V2') return 'RC4';
  if (cfm === 'AESV2' || cfm === 'AESV3' || cfm === 'None') return cfm;
  throw new PdfUnsupportedError('crypt filter method', { cfm });
}

export class StandardSecurityHandler {
  private constructor(
    readonly info: EncryptionInfo,
    /** The file encryption key: needed to encrypt objects appended to this file. Never log it. */
    readonly fileKey: Uint8Array,
  ) {}

  /** Opens with `password` (default: the empty user password). */
  static open(encrypt: PdfDict, id0: Uint8Array, password: string | undefined, resolve: (o: PdfObject | undefined) => PdfObject | undefined): StandardSecurityHandler {
    const filter = encrypt.getName('Filter');
    if (filter !== 'Standard') throw new PdfUnsupportedError('security handler', { filter });
    const num = (k: string, d: number): number => {
      const v = resolve(encrypt.get(k));
      return typeof v === 'number' ? v : d;
    };
    const v = num('V', 0);
    const r = num('R', 2);
    const o = bytesOf(resolve(encrypt.get('O')));
    const u = bytesOf(resolve(encrypt.get('U')));
    if (!o || !u) throw new PdfMalformedError('/Encrypt without /O or /U');
    const encryptMetadata = resolve(encrypt.get('EncryptMetadata')) !== false;
    const p = num('P', -1) | 0;
    let stringMethod: CryptMethod;
    let streamMethod: CryptMethod;
    if (v === 1 || v === 2 || v === 3) {
      stringMethod = streamMethod = 'RC4';
    } else if (v === 4 || v === 5) {
      stringMethod = cryptMethod(encrypt, encrypt.getName('StrF'), resolve);
      streamMethod = cryptMethod(encrypt, encrypt.getName('StmF'), resolve);
    } else throw new PdfUnsupportedError('encryption algorithm /V', { v });
    const tried = password ?? '';
    let key: Uint8Array | undefined;
    let owner = false;
    if (r >= 5) {
      const oe = bytesOf(resolve(encrypt.get('OE')));
      const ue = bytesOf(resolve(encrypt.get('UE')));
      if (!oe || !ue || o.length < 48 || u.length < 48 || oe.length < 32 || ue.length < 32) throw new PdfMalformedError('AES-256 /Encrypt without /OE, /UE or 48-byte /O, /U');
      const res = aes256FileKey(aes256PasswordBytes(tried), { r, o, u, oe, ue });
      key = res?.key;
      owner = res?.owner ?? false;
    } else if (r >= 2) {
      const lengthBits = v === 1 ? 40 : num('Length', v === 4 ? 128 : 40);
      const keyLength = Math.max(5, Math.min(16, Math.floor(lengthBits / 8)));
      const lp: LegacyParams = { r, keyLength, o, u, p, id0, encryptMetadata };
      const pw = Uint8Array.from(tried, (c) => c.charCodeAt(0) & 0xff);
      key = legacyUserKey(pw, lp);
      if (!key) {
        key = legacyOwnerKey(pw, lp);
        owner = key !== undefined;
      }
    } else throw new PdfUnsupportedError('Standard handler revision', { r });
    if (!key) {
      if (password === undefined || password === '') throw new PdfPasswordRequiredError(true);
      throw new PdfPasswordIncorrectError();
    }
    const info: EncryptionInfo = { filter, v, r, keyLength: key.length, stringMethod, streamMethod, encryptMetadata, permissions: p, openedWith: owner ? 'owner' : 'user' };
    return new StandardSecurityHandler(info, key);
  }

  #apply(method: CryptMethod, data: Uint8Array, num: number, gen: number, encrypt: RandomSource | undefined): Uint8Array {
    switch (method) {
      case 'None': return data;
      case 'RC4': return rc4(objectKey(this.fileKey, num, gen, false), data);
      case 'AESV2': {
        const k = objectKey(this.fileKey, num, gen, true);
        return encrypt ? aesCbcEncrypt(k, data, encrypt) : aesCbcDecrypt(k, data);
      }
      case 'AESV3': return encrypt ? aesCbcEncrypt(this.fileKey, data, encrypt) : aesCbcDecrypt(this.fileKey, data);
    }
  }

  decryptString(data: Uint8Array, num: number, gen: number): Uint8Array {
    return this.#apply(this.info.stringMethod, data, num, gen, undefined);
  }

  encryptString(data: Uint8Array, num: number, gen: number, random: RandomSource): Uint8Array {
    return this.#apply(this.info.stringMethod, data, num, gen, random);
  }

  /** Streams: /Type /XRef is never encrypted, nor /Metadata when /EncryptMetadata is false (§7.6.2). */
  streamExempt(dict: PdfDict): boolean {
    const type = dict.get('Type');
    if (type instanceof PdfName && type.value === 'XRef') return true;
    if (type instanceof PdfName && type.value === 'Metadata' && !this.info.encryptMetadata) return true;
    const f = dict.get('Filter');
    const first = Array.isArray(f) ? f[0] : f;
    return first instanceof PdfName && first.value === 'Crypt';
  }

  decryptStream(data: Uint8Array, num: number, gen: number): Uint8Array {
    return this.#apply(this.info.streamMethod, data, num, gen, undefined);
  }

  encryptStream(data: Uint8Array, num: number, gen: number, random: RandomSource): Uint8Array {
    return this.#apply(this.info.streamMethod, data, num, gen, random);
  }
}
