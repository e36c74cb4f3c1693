import type { RandomSource } from '@openseal/kernel';
import { SerialNumberExhaustedError } from '../x509/errors.js';
import { serialHexFromContent } from '../x509/serial-number.js';

/** Tells whether a serial (lowercase hex, `Certificate.serialNumber` form) was already issued by this CA. */
export type SerialNumberCheck = (serialHex: string) => boolean | Promise<boolean>;

const MAX_ATTEMPTS = 8;

/**
 * A fresh positive serial of 16 random octets (at least 64 random bits, as CA/Browser Forum BR §7.1
 * asks): the top bit is cleared so the INTEGER stays positive, and a zero first octet becomes 0x01 so
 * the encoding keeps 16 octets. Redrawn on collision; throws PKI_SERIAL_EXHAUSTED after 8 attempts.
 */
export async function randomSerialNumber(random: RandomSource, isSerialUsed?: SerialNumberCheck): Promise<string> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const bytes = random.bytes(16);
    bytes[0] = ((bytes[0] as number) & 0x7f) || 0x01;
    const serial = serialHexFromContent(bytes);
    if (!isSerialUsed || !(await isSerialUsed(serial))) return serial;
  }
  throw new SerialNumberExhaustedError(MAX_ATTEMPTS);
}
