import { bytesToBigInt } from '@openseal/kernel';

/** X.690 §8.3: INTEGER content octets (two's complement) as a bigint. */
export function integerContentToBigInt(content: Uint8Array): bigint {
  const unsigned = bytesToBigInt(content);
  const negative = content.length > 0 && ((content[0] as number) & 0x80) !== 0;
  return negative ? unsigned - (1n << BigInt(content.length * 8)) : unsigned;
}
