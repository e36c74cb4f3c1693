import { OfdXmlError } from '../errors.js';

/**
 * Bytes → string per XML 1.0 appendix F: a BOM wins, else the declared encoding, else UTF-8.
 * OFD parts are UTF-8 in practice; GBK/GB2312 declarations are read as GB18030 (their superset).
 * Undecodable bytes are an error, never silently replaced.
 */
export function decodeXml(bytes: Uint8Array, part: string): string {
  let label = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    start = 3;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    label = 'utf-16be';
    start = 2;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    label = 'utf-16le';
    start = 2;
  } else {
    label = declaredEncoding(bytes) ?? 'utf-8';
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch (e) {
    throw new OfdXmlError(part, `unsupported encoding ${JSON.stringify(label)}`, { cause: e });
  }
  try {
    return decoder.decode(bytes.subarray(start));
  } catch (e) {
    throw new OfdXmlError(part, `bytes are not valid ${label}`, { cause: e });
  }
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, 256)));
  const m = /^<\?xml[^?]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  if (m === null) return undefined;
  const name = (m[1] as string).toLowerCase();
  if (name === 'gbk' || name === 'gb2312' || name === 'gb18030' || name === 'cp936') return 'gb18030';
  // A UTF-16 declaration without a BOM is not decodable as ASCII-compatible text; treat as UTF-8 and let it fail.
  if (name.startsWith('utf-16')) return 'utf-8';
  return name;
}
