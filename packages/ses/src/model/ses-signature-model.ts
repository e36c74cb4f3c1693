import type { ReadTime } from '../der/der-values.js';
import type { Seal, SealExtension } from './seal.js';

/** A parsed 电子签章 (SES_Signature), v1 or v4/v5, with the exact TBS_Sign bytes that were signed. */
export interface SesSignature {
  /** 1 (GM/T 0031-2014) or 4/5 (by the embedded seal's version). */
  readonly version: 1 | 4 | 5;
  /** TBS_Sign.version as written. */
  readonly tbsVersion: number;
  readonly seal: Seal;
  /** TBS_Sign.timeInfo: the claimed signing time. */
  readonly timeInfo: ReadTime;
  readonly dataHash: Uint8Array;
  /** The protection scope; for OFD the path of Signature.xml. */
  readonly propertyInfo: string;
  readonly extDatas: readonly SealExtension[];
  /** DER X.509 certificate of the signer (签章者). */
  readonly signerCertificate: Uint8Array;
  readonly signatureAlgorithmOid: string;
  readonly signature: Uint8Array;
  /** RFC 3161 TimeStampToken over `signature` (v4 optional field). */
  readonly timeStamp?: Uint8Array;
  readonly der: Uint8Array;
  /** TBS_Sign as stored: what the signer signed. */
  readonly toSignDer: Uint8Array;
}
