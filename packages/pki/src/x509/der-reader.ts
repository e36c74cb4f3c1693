import { readDerHeader } from '@openseal/asn1';

/** One TLV inside already-guarded DER: `start` is the tag offset, `end` one past the value. */
export interface DerNode {
  readonly tag: number;
  readonly start: number;
  readonly valueStart: number;
  readonly end: number;
}

/** The TLV that starts at `offset` (input must have passed checkDer). */
export function derNodeAt(bytes: Uint8Array, offset: number, end = bytes.length): DerNode {
  const h = readDerHeader(bytes, offset, end);
  const valueStart = offset + h.headerLength;
  return { tag: h.tag, start: offset, valueStart, end: valueStart + h.length };
}

/** The direct children of a constructed TLV. */
export function derChildren(bytes: Uint8Array, node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  let p = node.valueStart;
  while (p < node.end) {
    const child = derNodeAt(bytes, p, node.end);
    out.push(child);
    p = child.end;
  }
  return out;
}

/** The complete TLV bytes of a node (a copy, so callers may keep it). */
export function derSlice(bytes: Uint8Array, node: DerNode): Uint8Array {
  return bytes.slice(node.start, node.end);
}

/** The value bytes of a node (a copy). */
export function derValue(bytes: Uint8Array, node: DerNode): Uint8Array {
  return bytes.slice(node.valueStart, node.end);
}

/** Decodes OBJECT IDENTIFIER content octets to dotted form (X.690 §8.19). */
export function decodeOid(content: Uint8Array): string {
  const parts: bigint[] = [];
  let acc = 0n;
  for (const b of content) {
    acc = (acc << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      parts.push(acc);
      acc = 0n;
    }
  }
  const first = parts.shift() ?? 0n;
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...parts].join('.');
}
