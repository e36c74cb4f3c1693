import { derTlv } from '../x509/der-writer.js';

/**
 * GeneralizedTime in UTC ("YYYYMMDDHHMMSS[.fff]Z"); the fraction has no trailing zeros and is left out
 * when zero (X.690 §11.7, RFC 3161 §2.4.2, RFC 6960 §4.2.2.1).
 */
export function derGeneralizedTime(at: Date, withMilliseconds = false): Uint8Array {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  let text = `${p(at.getUTCFullYear(), 4)}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}`;
  const ms = at.getUTCMilliseconds();
  if (withMilliseconds && ms !== 0) text += `.${p(ms, 3).replace(/0+$/, '')}`;
  return derTlv(0x18, Uint8Array.from(`${text}Z`, (c) => c.charCodeAt(0)));
}

/** The instant truncated to whole seconds (what a seconds-precision GeneralizedTime carries). */
export function wholeSeconds(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}
