import type { XmlElement } from '../xml/xml-element.js';
import type { XNode } from '../xml/xml-writer.js';

/** Converts a parsed element we keep unmodelled (shadings, patterns) back into an OFD XNode for writing. */
export function fromXmlElement(el: XmlElement): XNode {
  return {
    name: el.local,
    attrs: el.attributes.filter((a) => a.uri === '' && !a.qname.startsWith('xmlns')).map((a) => [a.local, a.value] as const),
    children: el.children.map((c) => (typeof c === 'string' ? c : fromXmlElement(c))),
  };
}
