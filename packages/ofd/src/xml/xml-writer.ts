import { OfdXmlError } from '../errors.js';
import { OFD_NAMESPACE, OFD_PREFIX } from './ofd-namespace.js';
import type { XmlElement } from './xml-element.js';

export type XAttrValue = string | number | boolean | undefined;

/** An element to write: a local name in the OFD namespace, attributes in the order given, children. */
export interface XNode {
  readonly name: string;
  readonly attrs: ReadonlyArray<readonly [string, XAttrValue]>;
  readonly children: ReadonlyArray<XNode | string>;
}

/** Builds an XNode; undefined attributes and children are skipped, which keeps optional fields terse. */
export function x(name: string, attrs: ReadonlyArray<readonly [string, XAttrValue]> = [], ...children: Array<XNode | string | undefined | false | ReadonlyArray<XNode | undefined>>): XNode {
  const flat: Array<XNode | string> = [];
  for (const c of children) {
    if (c === undefined || c === false) continue;
    if (Array.isArray(c)) {
      for (const n of c as ReadonlyArray<XNode | undefined>) if (n !== undefined) flat.push(n);
    } else flat.push(c as XNode | string);
  }
  return { name, attrs, children: flat };
}

/** Element with text content only (e.g. `<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>`); undefined text → no element. */
export function xText(name: string, text: string | number | undefined, attrs: ReadonlyArray<readonly [string, XAttrValue]> = []): XNode | undefined {
  if (text === undefined) return undefined;
  return { name, attrs, children: [typeof text === 'number' ? formatNumber(text) : text] };
}

const encoder = new TextEncoder();

/** Serialises an OFD part: UTF-8, XML declaration, `ofd:` prefix on every element, 2016 namespace. */
export function serializeOfdXml(root: XNode): Uint8Array {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  writeNode(root, out, true);
  return encoder.encode(out.join(''));
}

function writeNode(node: XNode, out: string[], isRoot: boolean): void {
  out.push(`<${OFD_PREFIX}:${node.name}`);
  if (isRoot) out.push(` xmlns:${OFD_PREFIX}="${OFD_NAMESPACE}"`);
  for (const [name, value] of node.attrs) {
    if (value === undefined) continue;
    out.push(` ${name}="${escapeXml(formatValue(value), true)}"`);
  }
  if (node.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of node.children) {
    if (typeof child === 'string') out.push(escapeXml(child, false));
    else writeNode(child, out, false);
  }
  out.push(`</${OFD_PREFIX}:${node.name}>`);
}

/**
 * Re-serialises a parsed element tree with its own prefixes and namespace declarations, so a part can
 * be edited (e.g. OFD.xml gaining `<ofd:Signatures>`) without losing elements we do not model.
 */
export function serializeXmlElement(root: XmlElement): Uint8Array {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  const walk = (el: XmlElement): void => {
    out.push(`<${el.qname}`);
    for (const a of el.attributes) out.push(` ${a.qname}="${escapeXml(a.value, true)}"`);
    if (el.children.length === 0) {
      out.push('/>');
      return;
    }
    out.push('>');
    for (const c of el.children) {
      if (typeof c === 'string') out.push(escapeXml(c, false));
      else walk(c);
    }
    out.push(`</${el.qname}>`);
  };
  walk(root);
  return encoder.encode(out.join(''));
}

function formatValue(value: string | number | boolean): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

/**
 * Shortest decimal that reads back as the same double (JavaScript's own rule), never in exponent
 * form, which xs:double readers of ST_Array often reject; magnitudes below 1e-6 are written with 12 decimals.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot write non-finite number ${n}`);
  if (Object.is(n, -0) || n === 0) return '0';
  const s = String(n);
  if (!s.includes('e')) return s;
  if (Math.abs(n) >= 1e21) throw new RangeError(`number too large for OFD: ${n}`);
  const fixed = n.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

// XML 1.0 §2.2 Char: these code points cannot appear in a document at all, even escaped.
// eslint-disable-next-line no-control-regex
const INVALID_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function escapeXml(text: string, attribute: boolean): string {
  if (INVALID_CHARS.test(text)) throw new OfdXmlError('(output)', 'text contains a character XML 1.0 cannot carry');
  let s = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (attribute) s = s.replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
  else s = s.replace(/\r/g, '&#13;');
  return s;
}
