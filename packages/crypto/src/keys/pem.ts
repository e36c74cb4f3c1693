import { fromBase64, toBase64 } from '@openseal/kernel';
import { KeyFormatError } from '../errors.js';

/** One PEM block (RFC 7468), with RFC 1421 headers such as OpenSSL's `Proc-Type` / `DEK-Info`. */
export interface PemBlock {
  readonly label: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly der: Uint8Array;
}

const BEGIN = /^-----BEGIN ([\x21-\x2c\x2e-\x7e](?:[ -]?[\x21-\x2c\x2e-\x7e])*)?-----$/;
const END = /^-----END ([\x21-\x2c\x2e-\x7e](?:[ -]?[\x21-\x2c\x2e-\x7e])*)?-----$/;
const HEADER = /^([A-Za-z0-9-]+):\s*(.*)$/;
const BASE64_LINE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Whether `text` contains at least the start of a PEM block. */
export function looksLikePem(text: string): boolean {
  return text.includes('-----BEGIN ');
}

/**
 * Decodes every PEM block in `text` (RFC 7468 §2, lax: CRLF, indentation and text between blocks,
 * such as OpenSSL's "Bag Attributes", are tolerated). Throws KEY_FORMAT_INVALID when no block is
 * found, a block is not terminated, its END label differs, or its body is not base64.
 */
export function decodePem(text: string): PemBlock[] {
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: PemBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const begin = BEGIN.exec((lines[i] as string).trim());
    if (!begin) continue;
    const label = begin[1] ?? '';
    const headers: Record<string, string> = {};
    const body: string[] = [];
    let inHeaders = true;
    let closed = false;
    for (i++; i < lines.length; i++) {
      const line = (lines[i] as string).trim();
      const end = END.exec(line);
      if (end) {
        if ((end[1] ?? '') !== label) throw new KeyFormatError('PEM END label does not match BEGIN', { begin: label, end: end[1] ?? '' });
        closed = true;
        break;
      }
      if (line.startsWith('-----')) throw new KeyFormatError('PEM block is not terminated', { label });
      const header = inHeaders ? HEADER.exec(line) : null;
      if (header) {
        headers[header[1] as string] = (header[2] as string).trim();
        continue;
      }
      if (line === '') {
        if (body.length > 0) inHeaders = false;
        continue;
      }
      inHeaders = false;
      if (!BASE64_LINE.test(line)) throw new KeyFormatError('PEM body is not base64', { label, line: i + 1 });
      body.push(line);
    }
    if (!closed) throw new KeyFormatError('PEM block is not terminated', { label });
    const der = decodeBase64Body(body.join(''), label);
    blocks.push({ label, headers, der });
  }
  if (blocks.length === 0) throw new KeyFormatError('no PEM block found');
  return blocks;
}

function decodeBase64Body(base64: string, label: string): Uint8Array {
  if (base64.length === 0 || base64.length % 4 !== 0 || /=[^=]/.test(base64)) {
    throw new KeyFormatError('PEM body is not valid base64', { label });
  }
  try {
    return fromBase64(base64);
  } catch (e) {
    throw new KeyFormatError('PEM body is not valid base64', { label }, { cause: e });
  }
}

/** Encodes DER as a PEM block with 64-character lines (RFC 7468 §2) and a final newline. */
export function encodePem(label: string, der: Uint8Array, headers: Readonly<Record<string, string>> = {}): string {
  const b64 = toBase64(der);
  const out: string[] = [`-----BEGIN ${label}-----`];
  const names = Object.keys(headers);
  for (const name of names) out.push(`${name}: ${headers[name] as string}`);
  if (names.length > 0) out.push('');
  for (let i = 0; i < b64.length; i += 64) out.push(b64.slice(i, i + 64));
  out.push(`-----END ${label}-----`, '');
  return out.join('\n');
}
