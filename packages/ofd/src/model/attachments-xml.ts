import type { XmlElement } from '../xml/xml-element.js';
import { serializeOfdXml, x, xText } from '../xml/xml-writer.js';
import { assign } from './assign.js';
import type { ReadContext } from './xml-read.js';
import { expectRoot, kids, kidText, optBool, optNumber, optString, reqKidText, reqString } from './xml-read.js';

/** CT_Attachment (Attachments.xsd); ID is an xs:ID (a string), FileLoc relative to Attachments.xml. */
export interface CT_Attachment {
  id: string;
  name: string;
  format?: string;
  creationDate?: string;
  modDate?: string;
  /** Size in KB as the producer wrote it. */
  size?: number;
  visible?: boolean;
  usage?: string;
  fileLoc: string;
}

export interface AttachmentsXml {
  attachments: CT_Attachment[];
}

export function parseAttachmentsXml(root: XmlElement, ctx: ReadContext): AttachmentsXml {
  expectRoot(root, 'Attachments', ctx);
  return {
    attachments: kids(root, 'Attachment').map((a) => {
      const att: CT_Attachment = { id: reqString(a, 'ID', ctx), name: reqString(a, 'Name', ctx), fileLoc: reqKidText(a, 'FileLoc', ctx) };
      assign(att, 'format', optString(a, 'Format'));
      assign(att, 'creationDate', optString(a, 'CreationDate'));
      assign(att, 'modDate', optString(a, 'ModDate'));
      assign(att, 'size', optNumber(a, 'Size', ctx));
      assign(att, 'visible', optBool(a, 'Visible', ctx));
      assign(att, 'usage', optString(a, 'Usage'));
      return att;
    }),
  };
}

export function serializeAttachmentsXml(a: AttachmentsXml): Uint8Array {
  return serializeOfdXml(
    x('Attachments', [], a.attachments.map((att) =>
      x('Attachment', [
        ['ID', att.id], ['Name', att.name], ['Format', att.format], ['CreationDate', att.creationDate], ['ModDate', att.modDate],
        ['Size', att.size], ['Visible', att.visible], ['Usage', att.usage],
      ], xText('FileLoc', att.fileLoc)),
    )),
  );
}

/** CustomTags.xml (CustomTags.xsd); `typeId` is a vendor attribute seen on tax invoices instead of NameSpace. */
export interface CustomTagsXml {
  tags: Array<{ nameSpace?: string; typeId?: string; schemaLoc?: string; fileLoc: string }>;
}

export function parseCustomTagsXml(root: XmlElement, ctx: ReadContext): CustomTagsXml {
  expectRoot(root, 'CustomTags', ctx);
  return {
    tags: kids(root, 'CustomTag').map((t) => {
      const tag: CustomTagsXml['tags'][number] = { fileLoc: reqKidText(t, 'FileLoc', ctx) };
      assign(tag, 'nameSpace', optString(t, 'NameSpace'));
      assign(tag, 'typeId', optString(t, 'TypeID'));
      assign(tag, 'schemaLoc', kidText(t, 'SchemaLoc'));
      return tag;
    }),
  };
}
