import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
import { OfdError, OfdLimitExceededError, OfdXmlError, OfdXmlForbiddenError } from '../errors.js';
import { decodeXml } from './decode-xml.js';
import type { XmlAttribute } from './xml-element.js';
import { XmlElement } from './xml-element.js';
import type { XmlLimits } from './xml-limits.js';
import { xmlLimits } from './xml-limits.js';

// saxes (jsdom's parser): pure JS, browser-safe, namespace-aware, strict XML 1.0, and event-driven, so
// limits apply before a tree exists; it never reads DTD entity declarations or fetches anything.
/**
 * Parses one XML part safely. No DTD is processed: any DOCTYPE is refused outright (so external
 * entities — XXE — and entity-expansion bombs never run), only the five predefined entities and
 * character references are known, and the streaming parser stops at the first limit crossed.
 * Namespaces are resolved (saxes, XML Namespaces 1.0); comments and processing instructions are dropped.
 */
export function parseXml(bytes: Uint8Array, part: string, limits: Partial<XmlLimits> = {}): XmlElement {
  const lim = xmlLimits(limits);
  if (bytes.length > lim.maxBytes) throw new OfdLimitExceededError('XML size', lim.maxBytes, bytes.length, part);
  const text = decodeXml(bytes, part);

  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let elements = 0;

  parser.on('error', (e) => {
    throw new OfdXmlError(part, e.message, { cause: e });
  });
  parser.on('doctype', () => {
    throw new OfdXmlForbiddenError(part, 'DOCTYPE declaration');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    elements++;
    if (elements > lim.maxElements) throw new OfdLimitExceededError('XML element count', lim.maxElements, elements, part);
    if (stack.length + 1 > lim.maxDepth) throw new OfdLimitExceededError('XML nesting depth', lim.maxDepth, stack.length + 1, part);
    const attributes: XmlAttribute[] = [];
    for (const name of Object.keys(tag.attributes)) {
      const a = tag.attributes[name];
      if (a === undefined) continue;
      attributes.push({ qname: a.name, uri: a.uri, local: a.local, value: a.value });
    }
    if (attributes.length > lim.maxAttributesPerElement) {
      throw new OfdLimitExceededError('XML attributes per element', lim.maxAttributesPerElement, attributes.length, part);
    }
    const element = new XmlElement(tag.name, tag.uri ?? '', tag.local ?? tag.name, attributes);
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = element;
    else parent.children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (t: string): void => {
    const parent = stack[stack.length - 1];
    if (parent === undefined || t.length === 0) return;
    const last = parent.children[parent.children.length - 1];
    if (typeof last === 'string') parent.children[parent.children.length - 1] = last + t;
    else parent.children.push(t);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  try {
    parser.write(text).close();
  } catch (e) {
    if (e instanceof OfdError) throw e;
    throw new OfdXmlError(part, e instanceof Error ? e.message : String(e), { cause: e });
  }
  if (root === undefined) throw new OfdXmlError(part, 'no root element');
  return root;
}

