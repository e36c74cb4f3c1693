import { derTlv } from '../x509/der-writer.js';

/** RFC 3161 §2.4.2 PKIFailureInfo named bits. */
export const PKI_FAILURE_INFO = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  timeNotAvailable: 14,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
  addInfoNotAvailable: 17,
  systemFailure: 25,
} as const;

export type PkiFailureInfo = keyof typeof PKI_FAILURE_INFO;

/** Names of the bits set in a BIT STRING value (bit 0 is the most significant bit of the first octet). */
export function decodeFailureInfo(value: Uint8Array): PkiFailureInfo[] {
  return (Object.entries(PKI_FAILURE_INFO) as [PkiFailureInfo, number][]).filter(([, bit]) => {
    const octet = value[bit >> 3];
    return octet !== undefined && (octet & (0x80 >> (bit & 7))) !== 0;
  }).map(([name]) => name);
}

/** DER named-bit BIT STRING with one bit set; trailing zero bits are dropped (X.690 §11.2.2). */
export function encodeFailureInfo(info: PkiFailureInfo): Uint8Array {
  const bit = PKI_FAILURE_INFO[info];
  const bytes = new Uint8Array((bit >> 3) + 1);
  bytes[bit >> 3] = 0x80 >> (bit & 7);
  return derTlv(0x03, Uint8Array.of(7 - (bit & 7)), bytes);
}
