/** A minimal DER writer for structures whose exact bytes matter (names, TBS assembly). */

export function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function derTlv(tag: number, ...content: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const c of content) length += c.length;
  const len = derLength(length);
  const out = new Uint8Array(1 + len.length + length);
  out[0] = tag;
  out.set(len, 1);
  let p = 1 + len.length;
  for (const c of content) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

export function derSequence(...items: readonly Uint8Array[]): Uint8Array {
  return derTlv(0x30, ...items);
}

/** SET OF: X.690 §11.6 orders the encodings of the elements ascending. */
export function derSetOf(items: readonly Uint8Array[]): Uint8Array {
  const sorted = [...items].sort(compareBytes);
  return derTlv(0x31, ...sorted);
}

/** [n] EXPLICIT wrapper (context-specific, constructed). */
export function derExplicit(n: number, inner: Uint8Array): Uint8Array {
  return derTlv(0xa0 | n, inner);
}

export function derOid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map((p) => BigInt(p));
  const [a, b, ...rest] = parts;
  if (a === undefined || b === undefined) throw new RangeError(`invalid OID ${dotted}`);
  const out: number[] = [];
  for (const arc of [a * 40n + b, ...rest]) {
    const digits: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) digits.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...digits);
  }
  return derTlv(0x06, Uint8Array.from(out));
}

/** INTEGER from a non-negative bigint, minimal two's-complement content (X.690 §8.3). */
export function derUnsignedInteger(n: bigint): Uint8Array {
  if (n < 0n) throw new RangeError('negative integer');
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const raw = Uint8Array.from(hex.match(/../g) ?? ['00'], (h) => parseInt(h, 16));
  return derTlv(0x02, ((raw[0] as number) & 0x80) !== 0 ? Uint8Array.of(0, ...raw) : raw);
}

export function derBoolean(value: boolean): Uint8Array {
  return derTlv(0x01, Uint8Array.of(value ? 0xff : 0x00));
}

export function derOctetString(bytes: Uint8Array): Uint8Array {
  return derTlv(0x04, bytes);
}

export function derBitString(bytes: Uint8Array, unusedBits = 0): Uint8Array {
  return derTlv(0x03, Uint8Array.of(unusedBits), bytes);
}

/**
 * RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 (and before 1950);
 * always UTC with seconds and no fractions.
 */
export function derTime(date: Date): Uint8Array {
  const y = date.getUTCFullYear();
  const two = (n: number): string => String(n).padStart(2, '0');
  const rest = `${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
  if (y >= 1950 && y <= 2049) return derTlv(0x17, ascii(`${two(y % 100)}${rest}`));
  return derTlv(0x18, ascii(`${String(y).padStart(4, '0')}${rest}`));
}

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
