import { latin1, utf8Decode } from './text.js';
import { TAG, type DerNode } from './der-node.js';

/** Raised inside the readers when a field has the wrong type; the caller turns it into SEAL_MALFORMED. */
export class DerFieldError extends Error {
  constructor(readonly field: string, reason: string) {
    super(`${field}: ${reason}`);
  }
}

export function expectTag(node: DerNode | undefined, tag: number, field: string): DerNode {
  if (node === undefined) throw new DerFieldError(field, 'missing');
  if (node.tag !== tag) throw new DerFieldError(field, `expected tag 0x${tag.toString(16)}, got 0x${node.tag.toString(16)}`);
  return node;
}

export function readInteger(node: DerNode | undefined, field: string): number {
  const c = expectTag(node, TAG.INTEGER, field).content;
  if (c.length === 0 || c.length > 6) throw new DerFieldError(field, `INTEGER of ${c.length} bytes`);
  let v = (c[0] as number) & 0x80 ? -1 : 0;
  for (const b of c) v = v * 256 + b;
  return v;
}

export function readBoolean(node: DerNode | undefined, field: string): boolean {
  const c = expectTag(node, TAG.BOOLEAN, field).content;
  if (c.length !== 1) throw new DerFieldError(field, 'BOOLEAN must have one content byte');
  return c[0] !== 0;
}

/** OBJECT IDENTIFIER in dotted form (X.690 §8.19). */
export function readOid(node: DerNode | undefined, field: string): string {
  const c = expectTag(node, TAG.OID, field).content;
  if (c.length === 0 || c.length > 128) throw new DerFieldError(field, 'bad OBJECT IDENTIFIER length');
  const arcs: bigint[] = [];
  let v = 0n;
  for (let i = 0; i < c.length; i++) {
    const b = c[i] as number;
    v = (v << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(v);
      v = 0n;
    } else if (i === c.length - 1) throw new DerFieldError(field, 'truncated OBJECT IDENTIFIER');
  }
  const first = arcs[0] as bigint;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

/** Character strings: IA5, Printable, Visible and UTF8 (real files mix them), BMP for completeness. */
export function readString(node: DerNode | undefined, field: string): string {
  if (node === undefined) throw new DerFieldError(field, 'missing');
  switch (node.tag) {
    case TAG.UTF8_STRING:
      return utf8Decode(node.content);
    case TAG.IA5_STRING:
    case TAG.PRINTABLE_STRING:
    case TAG.VISIBLE_STRING:
      // Some producers put UTF-8 into IA5String; decoding as UTF-8 keeps ASCII unchanged.
      return utf8Decode(node.content);
    case TAG.BMP_STRING: {
      let s = '';
      for (let i = 0; i + 1 < node.content.length; i += 2) s += String.fromCharCode(((node.content[i] as number) << 8) | (node.content[i + 1] as number));
      return s;
    }
    default:
      throw new DerFieldError(field, `expected a character string, got tag 0x${node.tag.toString(16)}`);
  }
}

export function readOctetString(node: DerNode | undefined, field: string): Uint8Array {
  return expectTag(node, TAG.OCTET_STRING, field).content;
}

/** BIT STRING content without the unused-bits octet; OCTET STRING is accepted too (ofdrw: "兼容非标签章"). */
export function readBits(node: DerNode | undefined, field: string): Uint8Array {
  if (node === undefined) throw new DerFieldError(field, 'missing');
  if (node.tag === TAG.OCTET_STRING) return node.content;
  const c = expectTag(node, TAG.BIT_STRING, field).content;
  if (c.length === 0) throw new DerFieldError(field, 'empty BIT STRING');
  if (c[0] !== 0) throw new DerFieldError(field, `BIT STRING with ${c[0]} unused bits`);
  return c.subarray(1);
}

export interface ReadTime {
  readonly date: Date;
  /** How the time was written: 'GeneralizedTime', 'UTCTime' or 'text' (time text inside a BIT/OCTET STRING). */
  readonly encoding: 'GeneralizedTime' | 'UTCTime' | 'text';
  readonly text: string;
  /** True when the text had no zone and China Standard Time (+08:00) was assumed. */
  readonly zoneAssumed: boolean;
}

/** GeneralizedTime, UTCTime, or time text in a BIT/OCTET STRING (GM/T 0031 v1 timeInfo). */
export function readTime(node: DerNode | undefined, field: string): ReadTime {
  if (node === undefined) throw new DerFieldError(field, 'missing');
  let encoding: ReadTime['encoding'];
  let text: string;
  if (node.tag === TAG.GENERALIZED_TIME || node.tag === TAG.UTC_TIME) {
    encoding = node.tag === TAG.GENERALIZED_TIME ? 'GeneralizedTime' : 'UTCTime';
    text = latin1(node.content);
  } else if (node.tag === TAG.BIT_STRING || node.tag === TAG.OCTET_STRING) {
    encoding = 'text';
    text = latin1(readBits(node, field)).trim();
  } else throw new DerFieldError(field, `expected a time, got tag 0x${node.tag.toString(16)}`);
  const parsed = parseTimeText(text, encoding === 'UTCTime');
  if (parsed === undefined) throw new DerFieldError(field, `unreadable time ${JSON.stringify(text.slice(0, 40))}`);
  return { date: parsed.date, encoding, text, zoneAssumed: parsed.zoneAssumed };
}

const CST_OFFSET_MINUTES = 8 * 60;

/**
 * Parses X.680 GeneralizedTime/UTCTime text and the ISO-like forms seen in v1 files
 * ("2020-01-25T07:31:56.377Z", "2020-01-25 15:31:56"). Zoneless text is read as UTC+8.
 */
export function parseTimeText(text: string, utcTime = false): { date: Date; zoneAssumed: boolean } | undefined {
  const compact = utcTime
    ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?()(Z|[+-]\d{4})?$/.exec(text)
    : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,](\d{1,9}))?(Z|[+-]\d{4})?$/.exec(text);
  const iso = compact ? null : /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  const m = compact ?? iso;
  if (!m) return undefined;
  let year = Number(m[1]);
  if (utcTime) year += year < 50 ? 2000 : 1900; // RFC 5280 §4.1.2.5.1
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  const base = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5] ?? 0), Number(m[6] ?? 0), Math.floor(frac));
  const zone = m[8];
  let offsetMinutes = CST_OFFSET_MINUTES;
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone) {
    const digits = zone.replace(':', '');
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  const date = new Date(base - offsetMinutes * 60_000);
  if (Number.isNaN(date.getTime())) return undefined;
  return { date, zoneAssumed: zone === undefined };
}
