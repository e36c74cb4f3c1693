import { concatBytes } from '@openseal/kernel';
import { derBitString, derOid, derTlv } from '../der/der-build.js';
import { derSignatureValue } from '../seal/seal-signature-value.js';
import type { PreparedSesSignature } from './prepare-ses-signature.js';

export interface FinishSesSignatureOptions {
  /** RFC 3161 TimeStampToken (DER) over the signature value, written as [0] EXPLICIT BIT STRING. */
  readonly timeStamp?: Uint8Array;
}

/**
 * Stage 3: assembles SES_Signature v4 { toSign, cert, signatureAlgID, signature[, timeStamp] } around
 * the exact TBS_Sign bytes that were signed. SM2/ECDSA values are always written as DER SEQUENCE{r,s}.
 */
export function finishSesSignature(prepared: PreparedSesSignature, signatureValue: Uint8Array, options: FinishSesSignatureOptions = {}): Uint8Array {
  const value = derSignatureValue(signatureValue, prepared.signatureAlgorithm);
  const parts = [
    prepared.toBeSigned,
    derTlv(0x04, prepared.signerCertificate),
    derOid(prepared.signatureAlgorithmOid),
    derBitString(value),
  ];
  if (options.timeStamp) parts.push(derTlv(0xa0, derBitString(options.timeStamp)));
  return derTlv(0x30, concatBytes(...parts));
}
