import { OctetString } from '@peculiar/asn1-schema';
import { PKCS12Attribute } from '@peculiar/asn1-pfx';
import { id_pkcs9_at_friendlyName, id_pkcs9_at_localKeyId } from '@peculiar/asn1-pkcs9';
import { checkDer, encodeDer, readDerHeader } from '@openseal/asn1';
import { concatBytes } from '@openseal/kernel';

/** The PKCS#9 bag attributes OpenSeal reads and writes (RFC 7292 §4.2, RFC 2985 §5.5.1–2). */
export interface BagAttributes {
  friendlyName?: string;
  localKeyId?: Uint8Array;
}

const BMP_STRING = 0x1e;

function derLength(n: number): Uint8Array {
  if (n < 0x80) return new Uint8Array([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return new Uint8Array([0x80 | bytes.length, ...bytes]);
}

/** DER BMPString (UTF-16BE code units). */
export function encodeBmpString(text: string): Uint8Array {
  const body = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    body[2 * i] = c >> 8;
    body[2 * i + 1] = c & 0xff;
  }
  return concatBytes(new Uint8Array([BMP_STRING]), derLength(body.length), body);
}

/** Decodes a DER BMPString; undefined when the value is not one. */
export function decodeBmpString(der: Uint8Array): string | undefined {
  checkDer(der);
  const h = readDerHeader(der, 0);
  if (h.tag !== BMP_STRING || h.length % 2 !== 0) return undefined;
  let out = '';
  for (let i = h.headerLength; i < der.length; i += 2) out += String.fromCharCode(((der[i] as number) << 8) | (der[i + 1] as number));
  return out;
}

export function encodeBagAttributes(attrs: BagAttributes): PKCS12Attribute[] | undefined {
  const out: PKCS12Attribute[] = [];
  if (attrs.friendlyName !== undefined) out.push(attribute(id_pkcs9_at_friendlyName, encodeBmpString(attrs.friendlyName)));
  if (attrs.localKeyId !== undefined) out.push(attribute(id_pkcs9_at_localKeyId, encodeDer(new OctetString(attrs.localKeyId))));
  return out.length > 0 ? out : undefined;
}

// asn1-pfx 2.11's PKCS12Attribute constructor drops its parameters, so the fields are set afterwards.
function attribute(attrId: string, value: Uint8Array): PKCS12Attribute {
  const attr = new PKCS12Attribute();
  attr.attrId = attrId;
  attr.attrValues = [value.slice().buffer as ArrayBuffer];
  return attr;
}

/** Reads friendlyName and localKeyId; other attributes and malformed values of these two are ignored. */
export function decodeBagAttributes(attrs: readonly PKCS12Attribute[] | undefined): BagAttributes {
  const out: BagAttributes = {};
  for (const attr of attrs ?? []) {
    const first = attr.attrValues[0];
    if (!first) continue;
    const value = new Uint8Array(first);
    if (attr.attrId === id_pkcs9_at_friendlyName) {
      const name = decodeBmpString(value);
      if (name !== undefined) out.friendlyName = name;
    } else if (attr.attrId === id_pkcs9_at_localKeyId) {
      checkDer(value);
      const h = readDerHeader(value, 0);
      if (h.tag === 0x04) out.localKeyId = value.slice(h.headerLength);
    }
  }
  return out;
}
