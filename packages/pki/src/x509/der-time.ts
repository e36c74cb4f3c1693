import { Asn1StructureError } from '@openseal/asn1';

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?Z$/;

/**
 * Decodes UTCTime (tag 0x17) or GeneralizedTime (0x18) content, UTC only (RFC 5280 §4.1.2.5; seconds
 * may be missing in UTCTime from older issuers). UTCTime years 50–99 are 19xx. Rejects impossible dates.
 */
export function decodeDerTime(tag: number, content: Uint8Array): Date {
  const text = new TextDecoder('latin1').decode(content);
  let parts: number[];
  let millis = 0;
  if (tag === 0x17) {
    const m = UTC_TIME.exec(text);
    if (!m) throw new Asn1StructureError('UTCTime');
    const yy = Number(m[1]);
    parts = [yy >= 50 ? 1900 + yy : 2000 + yy, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? '0')];
  } else if (tag === 0x18) {
    const m = GENERALIZED_TIME.exec(text);
    if (!m) throw new Asn1StructureError('GeneralizedTime');
    parts = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])];
    millis = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  } else {
    throw new Asn1StructureError('Time');
  }
  const [y, mo, d, h, mi, s] = parts as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, millis));
  if (y < 100) date.setUTCFullYear(y); // Date.UTC maps 0–99 to 1900–1999
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) throw new Asn1StructureError('Time');
  return date;
}
