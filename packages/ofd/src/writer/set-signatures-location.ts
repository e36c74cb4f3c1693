import { InvalidArgumentError } from '@openseal/kernel';
import { kids } from '../model/xml-read.js';
import { expectRoot } from '../model/xml-read.js';
import { parseXml } from '../xml/parse-xml.js';
import { XmlElement } from '../xml/xml-element.js';
import type { XmlLimits } from '../xml/xml-limits.js';
import { serializeXmlElement } from '../xml/xml-writer.js';

/**
 * Returns OFD.xml with DocBody/Signatures set to `loc` (OFD.xsd: the last child of DocBody). The first
 * signature of a document does this (docs: ofd-signature digest, signing step 1); every other element and attribute is kept,
 * with its prefix and namespace declarations, and the part is re-serialised once.
 */
export function setSignaturesLocation(ofdXml: Uint8Array, loc: string, options: { docIndex?: number; xmlLimits?: Partial<XmlLimits> } = {}): Uint8Array {
  const root = parseXml(ofdXml, 'OFD.xml', options.xmlLimits);
  expectRoot(root, 'OFD', { part: 'OFD.xml' });
  const docIndex = options.docIndex ?? 0;
  const body = kids(root, 'DocBody')[docIndex];
  if (body === undefined) throw new InvalidArgumentError(`OFD.xml has no DocBody ${docIndex}`, { docIndex });
  const existing = kids(body, 'Signatures')[0];
  if (existing !== undefined) {
    existing.children.splice(0, existing.children.length, loc);
  } else {
    const qname = body.prefix === '' ? 'Signatures' : `${body.prefix}:Signatures`;
    body.children.push(new XmlElement(qname, body.uri, 'Signatures', [], [loc]));
  }
  return serializeXmlElement(root);
}
