import { bytesToBigInt } from '@openseal/kernel';
import { KeyFormatError } from '../errors.js';

/** Reads a DER INTEGER's content octets as a positive safe integer (iteration counts, key lengths). */
export function positiveInteger(content: ArrayBuffer | Uint8Array, what: string): number {
  const bytes = content instanceof Uint8Array ? content : new Uint8Array(content);
  if (bytes.length === 0 || bytes.length > 7 || ((bytes[0] as number) & 0x80) !== 0) throw new KeyFormatError(`${what} is not a positive integer`);
  const value = Number(bytesToBigInt(bytes));
  if (value < 1) throw new KeyFormatError(`${what} is not a positive integer`);
  return value;
}
