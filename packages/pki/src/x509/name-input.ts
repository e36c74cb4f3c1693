import { utf8 } from '@openseal/kernel';
import { derOid, derSequence, derSetOf, derTlv } from './der-writer.js';
import { STRING_TAGS, type StringType } from './directory-string.js';
import { DistinguishedName, type NameAttribute, type NameRdn } from './distinguished-name.js';
import { NameInvalidError } from './errors.js';
import { IA5_ATTRIBUTES, PRINTABLE_ATTRIBUTES, attributeTypeOid } from './name-attributes.js';

/**
 * A name to put in a certificate or CRL:
 * - an ordered list of RDNs, most significant first: `[{ C: 'CN' }, { O: '某某市人民政府' }, { CN: '…' }]`
 *   (an object with several keys is one multi-valued RDN; keys are short names or dotted OIDs);
 * - an RFC 4514 string `'CN=…,O=…,C=CN'` (least significant first, as RFC 4514 writes it);
 * - an OpenSSL-style string `'/C=CN/O=…/CN=…'` (most significant first);
 * - a DistinguishedName (used as is, byte for byte).
 */
export type NameInput = DistinguishedName | string | ReadonlyArray<Readonly<Record<string, string>>>;

/** Turns a NameInput into a DistinguishedName with its DER encoding (RFC 5280 §4.1.2.4 string choices). */
export function toDistinguishedName(input: NameInput): DistinguishedName {
  if (input instanceof DistinguishedName) return input;
  const pairs: Array<Array<[string, string]>> =
    typeof input === 'string' ? parseDnString(input) : input.map((rdn) => Object.entries(rdn));
  const rdns: NameRdn[] = pairs.map((rdn) => {
    if (rdn.length === 0) throw new NameInvalidError('empty RDN');
    return rdn.map(([key, value]) => attribute(key, value));
  });
  const der = derSequence(...rdns.map((rdn) => derSetOf(rdn.map(encodeAttribute))));
  return new DistinguishedName(rdns, der);
}

function attribute(key: string, value: string): NameAttribute {
  const type = attributeTypeOid(key);
  if (!type) throw new NameInvalidError(`unknown attribute type "${key}"`, { type: key });
  if (value.length === 0) throw new NameInvalidError(`empty value for ${key}`, { type: key });
  let stringType: StringType = 'UTF8String';
  if (PRINTABLE_ATTRIBUTES.has(type)) {
    if (!/^[A-Za-z0-9 '()+,\-./:=?]+$/.test(value)) {
      throw new NameInvalidError(`${key} must be a PrintableString`, { type: key, value });
    }
    if (type === '2.5.4.6' && !/^[A-Z]{2}$/.test(value)) throw new NameInvalidError('C must be a two-letter country code', { value });
    stringType = 'PrintableString';
  } else if (IA5_ATTRIBUTES.has(type)) {
    if (!/^[\x20-\x7e]+$/.test(value)) throw new NameInvalidError(`${key} must be ASCII`, { type: key, value });
    stringType = 'IA5String';
  }
  return { type, value, stringType };
}

function encodeAttribute(a: NameAttribute): Uint8Array {
  const tag = STRING_TAGS[a.stringType ?? 'UTF8String'];
  return derSequence(derOid(a.type), derTlv(tag, utf8(a.value)));
}

const ESC_SPACE = '\uE000';
const ESC_HASH = '\uE001';

/** Splits an RFC 4514 or OpenSSL slash DN string into RDNs, most significant first. */
export function parseDnString(text: string): Array<Array<[string, string]>> {
  const trimmed = text.trimStart(); // trailing blanks are trimmed per value, so "\ " at the end survives
  if (trimmed.trim() === '') return [];
  const slash = trimmed.startsWith('/');
  const body = slash ? trimmed.slice(1) : trimmed;
  const rdnSep = slash ? '/' : ',';
  const rdns: Array<Array<[string, string]>> = [];
  let current: Array<[string, string]> = [];
  let key = '';
  let value = '';
  let inValue = false;
  let quoted = false;
  const finishAttr = (): void => {
    if (!inValue) throw new NameInvalidError(`missing "=" in "${text}"`);
    const v = value.trim();
    if (v.startsWith('#')) throw new NameInvalidError('"#"-encoded (BER) values are not supported in DN strings');
    current.push([key.trim(), v.replaceAll(ESC_SPACE, ' ').replaceAll(ESC_HASH, '#')]);
    key = '';
    value = '';
    inValue = false;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '\\') {
      const next = body.slice(i + 1, i + 3);
      if (/^[0-9a-fA-F]{2}$/.test(next)) {
        const bytes: number[] = [];
        while (body[i] === '\\' && /^[0-9a-fA-F]{2}$/.test(body.slice(i + 1, i + 3))) {
          bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
          i += 3;
        }
        i -= 1;
        const decoded = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bytes));
        if (inValue) value += decoded;
        else key += decoded;
        continue;
      }
      const escaped = body[i + 1];
      if (escaped === undefined) throw new NameInvalidError(`dangling "\\" in "${text}"`);
      // markers keep an escaped space from trimming and an escaped "#" from the BER-value check
      if (inValue) value += escaped === ' ' ? ESC_SPACE : escaped === '#' ? ESC_HASH : escaped;
      else key += escaped;
      i += 1;
      continue;
    }
    if (c === '"' && inValue && !slash) {
      quoted = !quoted;
      continue;
    }
    if (!quoted && !inValue && c === '=') {
      inValue = true;
      continue;
    }
    if (!quoted && c === '+') {
      finishAttr();
      continue;
    }
    if (!quoted && (c === rdnSep || (!slash && c === ';'))) {
      finishAttr();
      rdns.push(current);
      current = [];
      continue;
    }
    if (inValue) value += c;
    else key += c;
  }
  if (quoted) throw new NameInvalidError(`unterminated quote in "${text}"`);
  finishAttr();
  rdns.push(current);
  return slash ? rdns : rdns.reverse();
}
