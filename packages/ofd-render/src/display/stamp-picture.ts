import type { SignatureInfo } from '@openseal/ofd';

/**
 * A seal's appearance picture (GB/T 38540 SES_ESPictrueInfo: `type` is "png", "jpg", "gif", "bmp", "ofd",
 * "svg"…, `bytes` its data). The seal structure is parsed above this package; the caller injects it.
 */
export interface StampPicture {
  readonly bytes: Uint8Array;
  readonly type: string;
}

/** Gives the picture of signature `signatureIndex` (order of Signatures.xml), or undefined when it has none. */
export type StampResolver = (signatureIndex: number, signature: SignatureInfo) => Promise<StampPicture | undefined> | StampPicture | undefined;
