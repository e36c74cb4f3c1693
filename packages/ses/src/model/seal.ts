import type { ReadTime } from '../der/der-values.js';

/** 1 = GM/T 0031-2014, 4 = GB/T 38540-2020, 5 = GM/T 0031-2025 (known from ofdrw only). */
export type SealVersion = 1 | 4 | 5;

export interface SealPicture {
  /** SES_ESPictrueInfo.type: "PNG", "GIF", "JPG", "SVG", "OFD"… as written. */
  readonly type: string;
  readonly data: Uint8Array;
  /** Display size in millimetres. */
  readonly widthMm: number;
  readonly heightMm: number;
}

export interface SealExtension {
  readonly extnId: string;
  readonly critical: boolean;
  readonly value: Uint8Array;
}

/** Who may use the seal: SES_CertList (certListType 1 = certificates, 2 = certificate digests). */
export type SealCertList =
  | { readonly kind: 'certificates'; readonly certificates: readonly Uint8Array[] }
  | { readonly kind: 'digests'; readonly digests: ReadonlyArray<{ readonly type: string; readonly value: Uint8Array }> }
  /** Entries that are neither (one v1 producer writes IA5String identifiers). */
  | { readonly kind: 'other'; readonly entries: readonly string[] };

/** A parsed 电子印章 (SESeal) of any version, with the exact bytes the maker signature covers. */
export interface Seal {
  readonly version: SealVersion;
  readonly header: { readonly id: string; readonly version: number; readonly vid: string };
  readonly esId: string;
  /** SES_ESPropertyInfo.type: 1 单位印章, 2 个人印章; other values are business-defined. */
  readonly type: number;
  readonly name: string;
  readonly certListType: number;
  readonly certList: SealCertList;
  readonly createDate: ReadTime;
  readonly validStart: ReadTime;
  readonly validEnd: ReadTime;
  readonly picture: SealPicture;
  readonly extDatas: readonly SealExtension[];
  readonly maker: {
    /** DER X.509 certificate of the seal maker (制章者). */
    readonly certificate: Uint8Array;
    readonly signatureAlgorithmOid: string;
    readonly signature: Uint8Array;
  };
  /** v5: time-stamp over the maker signature. */
  readonly timeStamp?: Uint8Array;
  /** The whole SESeal as stored. */
  readonly der: Uint8Array;
  /** SES_SealInfo as stored: what v4/v5 makers sign. */
  readonly sealInfoDer: Uint8Array;
  /** DER SEQUENCE { sealInfo, cert, signatureAlgorithm } from the stored parts: what v1 makers sign. */
  readonly v1SignedData: Uint8Array;
}
