import { InvalidArgumentError, bytesToBigInt, fromHex, toHex } from '@openseal/kernel';

/** A serial number as accepted by the builders: hex string, unsigned big-endian bytes, or bigint. */
export type SerialNumberInput = string | Uint8Array | bigint;

/**
 * Hex (lowercase) of an INTEGER's content octets with redundant leading zero octets removed; this is
 * the form `Certificate.serialNumber` and CRL entries use, so serials compare as strings.
 */
export function serialHexFromContent(content: Uint8Array): string {
  let i = 0;
  while (i < content.length - 1 && content[i] === 0) i++;
  return toHex(content.subarray(i)) || '00';
}

/**
 * Minimal DER INTEGER content for a positive serial (RFC 5280 §4.1.2.2: positive, at most 20 octets).
 * Throws INVALID_ARGUMENT for zero, negative or oversized values.
 */
export function serialNumberContent(input: SerialNumberInput): Uint8Array {
  let n: bigint;
  if (typeof input === 'bigint') n = input;
  else if (typeof input === 'string') {
    try {
      n = bytesToBigInt(fromHex(input.length % 2 ? `0${input}` : input));
    } catch (e) {
      throw new InvalidArgumentError('serial number is not a hex string', { serialNumber: input, cause: String(e) });
    }
  } else n = bytesToBigInt(input);
  if (n <= 0n) throw new InvalidArgumentError('serial number must be positive', { serialNumber: String(n) });
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  if (hex.length > 40) throw new InvalidArgumentError('serial number is longer than 20 octets', { serialNumber: hex });
  return fromHex(hex);
}

/** The canonical hex form of any serial input (what `Certificate.serialNumber` would show). */
export function serialNumberHex(input: SerialNumberInput): string {
  return serialHexFromContent(serialNumberContent(input));
}
