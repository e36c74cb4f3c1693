import { Asn1MalformedError } from './errors.js';

/** Limits applied to every DER input before a schema parser sees it. */
export interface DerLimits {
  /** Largest accepted input in bytes. */
  maxBytes: number;
  /** Deepest accepted nesting of constructed values. */
  maxDepth: number;
  /** Most TLVs accepted in one input (bounds total work). */
  maxNodes: number;
}

export const DEFAULT_DER_LIMITS: DerLimits = { maxBytes: 64 * 1024 * 1024, maxDepth: 48, maxNodes: 2_000_000 };

export interface DerHeader {
  tag: number; // first identifier octet
  constructed: boolean;
  headerLength: number;
  length: number;
}

/** Reads one DER header at `offset` (definite lengths only, as DER requires). */
export function readDerHeader(bytes: Uint8Array, offset: number, end = bytes.length): DerHeader {
  if (offset >= end) throw new Asn1MalformedError('unexpected end of data', { offset });
  const tag = bytes[offset] as number;
  let p = offset + 1;
  if ((tag & 0x1f) === 0x1f) {
    // high-tag-number form: base-128 digits, at most 4 bytes
    let n = 0;
    for (;;) {
      if (p >= end) throw new Asn1MalformedError('truncated tag', { offset });
      const b = bytes[p++] as number;
      if (++n > 4) throw new Asn1MalformedError('tag number too large', { offset });
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= end) throw new Asn1MalformedError('truncated length', { offset });
  const first = bytes[p++] as number;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else if (first === 0x80) {
    throw new Asn1MalformedError('indefinite length is not DER', { offset });
  } else {
    const n = first & 0x7f;
    if (n > 4) throw new Asn1MalformedError('length field too large', { offset, octets: n });
    if (p + n > end) throw new Asn1MalformedError('truncated length', { offset });
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (bytes[p++] as number);
  }
  const headerLength = p - offset;
  if (offset + headerLength + length > end) {
    throw new Asn1MalformedError('length runs past the end of the enclosing value', { offset, length });
  }
  return { tag, constructed: (tag & 0x20) !== 0, headerLength, length };
}

/**
 * Walks the whole TLV tree iteratively (no recursion, so hostile nesting cannot overflow the stack)
 * and checks every length against its container, the depth and node-count limits.
 * Returns the length of the first top-level value; trailing bytes are an error unless allowed.
 */
export function checkDer(
  bytes: Uint8Array,
  limits: Partial<DerLimits> = {},
  options: { allowTrailing?: boolean } = {},
): number {
  const lim = { ...DEFAULT_DER_LIMITS, ...limits };
  if (bytes.length > lim.maxBytes) throw new Asn1MalformedError('input too large', { bytes: bytes.length, limit: lim.maxBytes });
  if (bytes.length === 0) throw new Asn1MalformedError('empty input');
  const top = readDerHeader(bytes, 0);
  const topEnd = top.headerLength + top.length;
  if (!options.allowTrailing && topEnd !== bytes.length) {
    throw new Asn1MalformedError('trailing data after the DER value', { trailing: bytes.length - topEnd });
  }
  // stack of container ends
  const ends: number[] = [];
  let offset = 0;
  let nodes = 0;
  while (offset < topEnd) {
    while (ends.length > 0 && offset === ends[ends.length - 1]) ends.pop();
    const limitEnd = ends.length > 0 ? (ends[ends.length - 1] as number) : topEnd;
    const h = readDerHeader(bytes, offset, limitEnd);
    if (++nodes > lim.maxNodes) throw new Asn1MalformedError('too many elements', { limit: lim.maxNodes });
    const valueStart = offset + h.headerLength;
    if (h.constructed && h.length > 0) {
      if (ends.length + 1 > lim.maxDepth) throw new Asn1MalformedError('nesting too deep', { limit: lim.maxDepth });
      ends.push(valueStart + h.length);
      offset = valueStart;
    } else {
      offset = valueStart + h.length;
    }
  }
  return topEnd;
}
