/** KeyUsage bits (RFC 5280 §4.2.1.3), in bit order. */
export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation', // contentCommitment in X.509 (2005)
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

export type KeyUsage = (typeof KEY_USAGES)[number];

/** Decodes the BIT STRING content octets (first octet = unused bits). */
export function decodeKeyUsageBits(content: Uint8Array): KeyUsage[] {
  const bits = content.subarray(1);
  return KEY_USAGES.filter((_, i) => (((bits[i >> 3] ?? 0) >> (7 - (i & 7))) & 1) === 1);
}

/** BIT STRING content octets for a set of usages; DER drops trailing zero bits (X.690 §11.2.2). */
export function encodeKeyUsageBits(usages: readonly KeyUsage[]): Uint8Array {
  const indexes = usages.map((u) => KEY_USAGES.indexOf(u));
  const highest = Math.max(-1, ...indexes);
  if (highest < 0) return Uint8Array.of(0);
  const bytes = new Uint8Array((highest >> 3) + 1);
  for (const i of indexes) bytes[i >> 3] = (bytes[i >> 3] as number) | (0x80 >> (i & 7));
  const unused = 7 - (highest & 7);
  return Uint8Array.of(unused, ...bytes);
}
