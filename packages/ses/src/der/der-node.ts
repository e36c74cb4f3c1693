import { checkDer, readDerHeader, type DerLimits } from '@openseal/asn1';
import { OpenSealError } from '@openseal/kernel';
import { SealMalformedError } from '../errors.js';

/** One TLV of a DER input, as exact byte ranges: signatures are checked over the bytes as stored. */
export interface DerNode {
  /** First identifier octet (class, constructed bit, tag number < 31). */
  readonly tag: number;
  readonly constructed: boolean;
  /** The whole TLV. */
  readonly bytes: Uint8Array;
  readonly content: Uint8Array;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  VISIBLE_STRING: 0x1a,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  CONTEXT_0: 0xa0,
} as const;

/**
 * Guards `bytes` (size, depth, node count: asn1 checkDer) and returns its single top-level TLV.
 * Throws SEAL_MALFORMED naming `what` for anything that is not exactly one well-formed TLV.
 */
export function readDerRoot(bytes: Uint8Array, what: string, limits?: Partial<DerLimits>): DerNode {
  try {
    checkDer(bytes, limits);
    const node = nodeAt(bytes, 0, bytes.length);
    if (node.bytes.length !== bytes.length) throw new SealMalformedError(what, 'trailing bytes after the structure');
    return node;
  } catch (e) {
    if (e instanceof SealMalformedError) throw e;
    if (e instanceof OpenSealError) throw new SealMalformedError(what, e.message, {}, { cause: e });
    throw e;
  }
}

/** The TLVs inside a constructed node, in order. */
export function derChildren(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  const c = node.content;
  let p = 0;
  while (p < c.length) {
    const child = nodeAt(c, p, c.length);
    out.push(child);
    p += child.bytes.length;
  }
  return out;
}

function nodeAt(bytes: Uint8Array, offset: number, end: number): DerNode {
  const h = readDerHeader(bytes, offset, end);
  const contentStart = offset + h.headerLength;
  const stop = contentStart + h.length;
  return { tag: h.tag, constructed: h.constructed, bytes: bytes.subarray(offset, stop), content: bytes.subarray(contentStart, stop) };
}
