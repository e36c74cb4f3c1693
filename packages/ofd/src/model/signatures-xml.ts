import type { XmlElement } from '../xml/xml-element.js';
import { serializeOfdXml, x, xText } from '../xml/xml-writer.js';
import { assign } from './assign.js';
import type { ReadContext } from './xml-read.js';
import { expectRoot, kids, optEnum, optString, reqString } from './xml-read.js';

/** A Signatures.xml entry (GB/T 33190 §18.1, 表66); IDs are strings ("s001", "2"), BaseLoc → Signature.xml. */
export interface SignatureEntry {
  id: string;
  type?: 'Seal' | 'Sign';
  baseLoc: string;
  /** OFD 2.0 (GM/T 0099): ID of the signature this one builds on. */
  relative?: string;
}

/** The signature list (签名列表, §18.1, 图85). Signature-side IDs are separate from MaxUnitID. */
export interface SignaturesXml {
  /** The last MaxSignId element (one sample carries two). */
  maxSignId?: string;
  signatures: SignatureEntry[];
}

export function parseSignaturesXml(root: XmlElement, ctx: ReadContext): SignaturesXml {
  expectRoot(root, 'Signatures', ctx);
  const list: SignaturesXml = {
    signatures: kids(root, 'Signature').map((s) => {
      const entry: SignatureEntry = { id: reqString(s, 'ID', ctx), baseLoc: reqString(s, 'BaseLoc', ctx) };
      assign(entry, 'type', optEnum(s, 'Type', ['Seal', 'Sign'] as const, ctx));
      assign(entry, 'relative', optString(s, 'Relative'));
      return entry;
    }),
  };
  const max = kids(root, 'MaxSignId');
  const last = max[max.length - 1];
  if (last !== undefined) list.maxSignId = last.text().trim();
  return list;
}

/** Writes Signatures.xml in XSD order: MaxSignId, then the Signature entries. */
export function serializeSignaturesXml(list: SignaturesXml): Uint8Array {
  return serializeOfdXml(
    x(
      'Signatures',
      [],
      xText('MaxSignId', list.maxSignId),
      list.signatures.map((s) => x('Signature', [['ID', s.id], ['Type', s.type], ['BaseLoc', s.baseLoc], ['Relative', s.relative]])),
    ),
  );
}
