/** ISO 32000-2 §7.3 object syntax, written: numbers without exponents, escaped names and strings. */
import { PdfDict, PdfName, PdfPlaceholder, PdfRef, PdfStream, PdfString, type PdfObject } from '../core/objects.js';
import { PdfInvalidObjectError } from '../errors.js';
import type { ByteWriter } from './byte-writer.js';

export interface SerializeHooks {
  /** Encrypts a string of the object being written (absent for unencrypted files). */
  readonly encryptString?: (bytes: Uint8Array) => Uint8Array;
  /** Called with the offset (within the writer) and width of each placeholder written. */
  readonly onPlaceholder?: (p: PdfPlaceholder, offset: number) => void;
  readonly maxDepth?: number;
}

const HEX = '0123456789ABCDEF';

/** §7.3.3: integers as is; reals in plain decimal notation (no exponent), at most 10 decimals. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new PdfInvalidObjectError('number is not finite', { value: String(n) });
  if (Number.isInteger(n)) {
    if (!Number.isSafeInteger(n)) throw new PdfInvalidObjectError('integer out of range', { value: String(n) });
    return String(n);
  }
  if (Math.abs(n) >= 1e15) throw new PdfInvalidObjectError('real out of range', { value: String(n) });
  let s = n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  if (s === '-0') s = '0';
  return s;
}

/** §7.3.5: bytes outside ! … ~, `#` and delimiters are written as #xx. Non-latin1 text is UTF-8. */
export function formatName(value: string): string {
  const bytes = [...value].every((c) => c.charCodeAt(0) < 256) ? Uint8Array.from(value, (c) => c.charCodeAt(0)) : new TextEncoder().encode(value);
  let s = '/';
  for (const b of bytes) {
    if (b === 0) throw new PdfInvalidObjectError('name contains NUL');
    const plain = b > 0x20 && b < 0x7f && b !== 0x23 && !'()<>[]{}/%'.includes(String.fromCharCode(b));
    s += plain ? String.fromCharCode(b) : `#${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return s;
}

export function writeHexString(w: ByteWriter, bytes: Uint8Array): void {
  w.byte(0x3c);
  let s = '';
  for (const b of bytes) s += HEX[b >> 4]! + HEX[b & 15]!;
  w.text(s).byte(0x3e);
}

/** §7.3.4.2: a literal string, escaping (, ), \ and any byte that is not printable ASCII. */
export function writeLiteralString(w: ByteWriter, bytes: Uint8Array): void {
  let s = '(';
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) s += `\\${String.fromCharCode(b)}`;
    else if (b >= 0x20 && b < 0x7f) s += String.fromCharCode(b);
    else s += `\\${b.toString(8).padStart(3, '0')}`;
  }
  w.text(s + ')');
}

/** Writes a direct object (streams are written by the indirect-object writer only). */
export function serializeObject(w: ByteWriter, o: PdfObject, hooks: SerializeHooks = {}, depth = 0): void {
  if (depth > (hooks.maxDepth ?? 256)) throw new PdfInvalidObjectError('object nested too deeply');
  if (o === null) w.text('null');
  else if (o === true) w.text('true');
  else if (o === false) w.text('false');
  else if (typeof o === 'number') w.text(formatNumber(o));
  else if (o instanceof PdfName) w.text(formatName(o.value));
  else if (o instanceof PdfRef) {
    if (!Number.isSafeInteger(o.num) || o.num < 0 || !Number.isSafeInteger(o.gen) || o.gen < 0 || o.gen > 65535) throw new PdfInvalidObjectError('invalid reference', { num: o.num, gen: o.gen });
    w.text(`${o.num} ${o.gen} R`);
  } else if (o instanceof PdfString) {
    const bytes = hooks.encryptString ? hooks.encryptString(o.bytes) : o.bytes;
    if (o.hex || hooks.encryptString) writeHexString(w, bytes);
    else writeLiteralString(w, bytes);
  } else if (Array.isArray(o)) {
    w.byte(0x5b);
    o.forEach((x, i) => {
      if (i > 0) w.byte(0x20);
      serializeObject(w, x, hooks, depth + 1);
    });
    w.byte(0x5d);
  } else if (o instanceof PdfDict) {
    w.text('<<');
    for (const [k, v] of o.entries()) {
      w.text(formatName(k)).byte(0x20);
      serializeObject(w, v, hooks, depth + 1);
    }
    w.text('>>');
  } else if (o instanceof PdfPlaceholder) {
    if (!Number.isInteger(o.width) || o.width < 2 || (o.kind === 'contents' && o.width % 2 !== 0)) throw new PdfInvalidObjectError('invalid placeholder width', { width: o.width });
    hooks.onPlaceholder?.(o, w.length);
    // ByteRange: "[" + spaces + "]" patched later; Contents: "<" + zeros + ">" (§12.8.1).
    if (o.kind === 'byteRange') w.text('[' + ' '.repeat(o.width - 2) + ']');
    else w.text('<' + '0'.repeat(o.width - 2) + '>');
  } else if (o instanceof PdfStream) {
    throw new PdfInvalidObjectError('a stream must be an indirect object');
  } else {
    throw new PdfInvalidObjectError('not a PDF object');
  }
}
