import { concatBytes } from '@openseal/kernel';

/** A DER TLV with definite length (X.690 §8.1.3) around already-encoded content. */
export function derTlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  let header: number[];
  if (n < 0x80) header = [tag, n];
  else {
    const lenBytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) lenBytes.unshift(v & 0xff);
    header = [tag, 0x80 | lenBytes.length, ...lenBytes];
  }
  return concatBytes(new Uint8Array(header), content);
}

/** SEQUENCE { parts… } from the parts' exact encodings. */
export function derSequenceOf(...parts: Uint8Array[]): Uint8Array {
  return derTlv(0x30, concatBytes(...parts));
}

/** GeneralizedTime in DER form: UTC, whole seconds, "YYYYMMDDHHMMSSZ" (X.690 §11.7). */
export function derGeneralizedTime(date: Date): Uint8Array {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const text = `${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
  return derTlv(0x18, new TextEncoder().encode(text));
}

/** BIT STRING with no unused bits. */
export function derBitString(bytes: Uint8Array): Uint8Array {
  return derTlv(0x03, concatBytes(new Uint8Array([0]), bytes));
}

/** INTEGER for small non-negative values. */
export function derSmallInteger(value: number): Uint8Array {
  const bytes: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  if (bytes.length === 0 || ((bytes[0] as number) & 0x80) !== 0) bytes.unshift(0);
  return derTlv(0x02, new Uint8Array(bytes));
}

/** OBJECT IDENTIFIER from dotted text (X.690 §8.19). */
export function derOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map((a) => BigInt(a));
  const out: number[] = [];
  const push = (v: bigint): void => {
    const chunk: number[] = [Number(v & 0x7fn)];
    for (let x = v >> 7n; x > 0n; x >>= 7n) chunk.unshift(Number(x & 0x7fn) | 0x80);
    out.push(...chunk);
  };
  push((arcs[0] ?? 0n) * 40n + (arcs[1] ?? 0n));
  for (const a of arcs.slice(2)) push(a);
  return derTlv(0x06, new Uint8Array(out));
}
