import { parseXml, serializeSignaturesXml, serializeXmlElement, XmlElement, type XmlAttribute } from '@openseal/ofd';

export interface NewSignatureEntry {
  readonly id: string;
  readonly type: 'Seal' | 'Sign';
  /** ST_Loc of the new Signature.xml. */
  readonly baseLoc: string;
  /** The new MaxSignId (the last signature-side ID used). */
  readonly maxSignId: string;
}

/**
 * Returns Signatures.xml with the new entry appended and MaxSignId updated (GB/T 33190 §18.1). An existing
 * list is edited in place, so its prefixes, order and unknown content survive; it is never protected by
 * earlier signatures (planSignatureLayout refuses that case), so re-serialising it breaks nothing.
 */
export function addSignatureEntry(existing: Uint8Array | undefined, entry: NewSignatureEntry, part: string): Uint8Array {
  if (existing === undefined) {
    return serializeSignaturesXml({ maxSignId: entry.maxSignId, signatures: [{ id: entry.id, type: entry.type, baseLoc: entry.baseLoc }] });
  }
  const root = parseXml(existing, part);
  const qname = (local: string) => (root.prefix === '' ? local : `${root.prefix}:${local}`);
  const attr = (local: string, value: string): XmlAttribute => ({ qname: local, uri: '', local, value });
  const max = root.elements().filter((e) => e.local === 'MaxSignId');
  const last = max[max.length - 1];
  if (last !== undefined) last.children.splice(0, last.children.length, entry.maxSignId);
  else root.children.unshift(new XmlElement(qname('MaxSignId'), root.uri, 'MaxSignId', [], [entry.maxSignId]));
  root.children.push(new XmlElement(qname('Signature'), root.uri, 'Signature', [attr('ID', entry.id), attr('Type', entry.type), attr('BaseLoc', entry.baseLoc)], []));
  return serializeXmlElement(root);
}
