import { KeyFormatError, decodePem, encodePem, looksLikePem as textLooksLikePem } from '@openseal/crypto';
import { PemInvalidError } from './errors.js';

/** One PEM block (RFC 7468). */
export interface CertPemBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

/** Whether text (or bytes holding text) contains a PEM block. */
export function looksLikePem(input: Uint8Array | string): boolean {
  return textLooksLikePem(typeof input === 'string' ? input : new TextDecoder('latin1').decode(input.subarray(0, 4096)));
}

/** Every PEM block in `text` (the shared codec of @openseal/crypto); throws PKI_PEM_INVALID on a broken block. */
export function decodePemBlocks(text: string): CertPemBlock[] {
  try {
    return decodePem(text);
  } catch (e) {
    if (e instanceof KeyFormatError) throw new PemInvalidError(e.message, { ...e.details }, { cause: e });
    throw e;
  }
}

/** DER as a PEM block with 64-character lines (RFC 7468 §2). */
export function encodePemBlock(label: string, der: Uint8Array): string {
  return encodePem(label, der);
}
