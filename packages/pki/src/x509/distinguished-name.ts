import { Asn1StructureError, checkDer } from '@openseal/asn1';
import { toHex } from '@openseal/kernel';
import { decodeOid, derChildren, derNodeAt, derSlice, derValue } from './der-reader.js';
import { decodeStringValue, stringTypeForTag, type StringType } from './directory-string.js';
import { attributeShortName, attributeTypeOid } from './name-attributes.js';

/** One AttributeTypeAndValue of a name (RFC 5280 §4.1.2.4). */
export interface NameAttribute {
  /** Attribute type OID (e.g. 2.5.4.3 for CN). */
  readonly type: string;
  /** The decoded string; for a non-string value, "#" followed by the hex of its DER (RFC 4514 §2.4). */
  readonly value: string;
  /** The ASN.1 string type the value was encoded with; absent for non-string values. */
  readonly stringType?: StringType;
}

/** A RelativeDistinguishedName: usually one attribute, several for multi-valued RDNs. */
export type NameRdn = readonly NameAttribute[];

/**
 * An X.501 Name (RDNSequence) with its exact DER. RDNs are in encoded order (most significant first,
 * usually C, O, …, CN); `toString()` gives the RFC 4514 string, which lists them in reverse.
 */
export class DistinguishedName {
  readonly rdns: readonly NameRdn[];
  readonly der: Uint8Array;

  constructor(rdns: readonly NameRdn[], der: Uint8Array) {
    this.rdns = rdns;
    this.der = der;
  }

  /** Decodes a DER Name; throws ASN1_MALFORMED / ASN1_UNEXPECTED_STRUCTURE. */
  static fromDer(der: Uint8Array): DistinguishedName {
    checkDer(der);
    const top = derNodeAt(der, 0);
    if (top.tag !== 0x30) throw new Asn1StructureError('Name');
    const rdns: NameRdn[] = [];
    for (const set of derChildren(der, top)) {
      if (set.tag !== 0x31) throw new Asn1StructureError('Name');
      const attrs: NameAttribute[] = [];
      for (const atv of derChildren(der, set)) {
        const parts = atv.tag === 0x30 ? derChildren(der, atv) : [];
        const [typeNode, valueNode] = parts;
        if (parts.length !== 2 || !typeNode || !valueNode || typeNode.tag !== 0x06) throw new Asn1StructureError('Name');
        const type = decodeOid(derValue(der, typeNode));
        const stringType = stringTypeForTag(valueNode.tag);
        const text = stringType ? decodeStringValue(valueNode.tag, derValue(der, valueNode)) : undefined;
        attrs.push(
          stringType && text !== undefined
            ? { type, value: text, stringType }
            : { type, value: `#${toHex(derSlice(der, valueNode))}` },
        );
      }
      if (attrs.length === 0) throw new Asn1StructureError('Name');
      rdns.push(attrs);
    }
    return new DistinguishedName(rdns, der.slice());
  }

  /** All attributes in encoded order. */
  get attributes(): NameAttribute[] {
    return this.rdns.flat();
  }

  get isEmpty(): boolean {
    return this.rdns.length === 0;
  }

  /** The last value of an attribute type ("CN", "O", "2.5.4.97", …), the most specific one. */
  get(type: string): string | undefined {
    const all = this.getAll(type);
    return all[all.length - 1];
  }

  getAll(type: string): string[] {
    const oid = attributeTypeOid(type);
    return this.attributes.filter((a) => a.type === oid).map((a) => a.value);
  }

  get commonName(): string | undefined {
    return this.get('CN');
  }

  /** RFC 4514 string: RDNs in reverse order, "," between RDNs, "+" inside one. */
  toString(): string {
    return [...this.rdns]
      .reverse()
      .map((rdn) => rdn.map((a) => `${attributeShortName(a.type)}=${escapeValue(a)}`).join('+'))
      .join(',');
  }

  toJSON(): string {
    return this.toString();
  }

  /**
   * RFC 5280 §7.1 name matching: same RDN count, each RDN the same set of types with values equal
   * after case folding and whitespace collapsing (a simplified RFC 4518 preparation).
   */
  equals(other: DistinguishedName): boolean {
    if (this.der.length === other.der.length && this.der.every((b, i) => b === other.der[i])) return true;
    if (this.rdns.length !== other.rdns.length) return false;
    return this.rdns.every((rdn, i) => rdnEquals(rdn, other.rdns[i] ?? []));
  }
}

function rdnEquals(a: NameRdn, b: NameRdn): boolean {
  if (a.length !== b.length) return false;
  const key = (x: NameAttribute): string => `${x.type}=${prepare(x)}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.every((k, i) => k === right[i]);
}

function prepare(a: NameAttribute): string {
  if (a.stringType === undefined) return a.value.toLowerCase();
  return a.value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function escapeValue(a: NameAttribute): string {
  if (a.stringType === undefined) return a.value; // already "#hex"
  let v = a.value.replace(/[\\,+"<>;]/g, (c) => `\\${c}`).replace(/\0/g, '\\00');
  if (v.startsWith('#') || v.startsWith(' ')) v = `\\${v}`;
  if (v.endsWith(' ') && v.length > 0) v = `${v.slice(0, -1)}\\ `;
  return v;
}
