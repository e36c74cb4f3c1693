import type { XmlElement } from '../xml/xml-element.js';
import type { XNode } from '../xml/xml-writer.js';
import { serializeOfdXml, x, xText } from '../xml/xml-writer.js';
import { assign } from './assign.js';
import type { ReadContext } from './xml-read.js';
import { expectRoot, kid, kids, kidText, optBool, optInt, optString, reqKid, reqKidText, reqString } from './xml-read.js';

/** CT_DocInfo (OFD.xsd); e-invoices carry 发票代码/发票号码/金额 in CustomDatas. */
export interface CT_DocInfo {
  docId?: string;
  title?: string;
  author?: string;
  subject?: string;
  abstract?: string;
  creationDate?: string;
  modDate?: string;
  docUsage?: string;
  cover?: string;
  keywords?: string[];
  creator?: string;
  creatorVersion?: string;
  customDatas?: Array<{ name: string; value: string }>;
}

export interface DocVersion {
  id: string;
  index: number;
  current?: boolean;
  baseLoc: string;
}

/** One DocBody: DocRoot → Document.xml; Signatures → the signature list (added by the first signature). */
export interface DocBody {
  docInfo: CT_DocInfo;
  docRoot: string;
  versions?: DocVersion[];
  signatures?: string;
}

/** OFD.xml, the package entry point (GB/T 33190 §7.4 主入口, OFD.xsd). */
export interface OfdXml {
  version: string;
  docType: string;
  docBodies: DocBody[];
}

const DOC_INFO_TEXT = [
  ['DocID', 'docId'],
  ['Title', 'title'],
  ['Author', 'author'],
  ['Subject', 'subject'],
  ['Abstract', 'abstract'],
  ['CreationDate', 'creationDate'],
  ['ModDate', 'modDate'],
  ['DocUsage', 'docUsage'],
  ['Cover', 'cover'],
] as const;

export function parseOfdXml(root: XmlElement, ctx: ReadContext): OfdXml {
  expectRoot(root, 'OFD', ctx);
  const bodies = kids(root, 'DocBody').map((body): DocBody => {
    const infoEl = kid(body, 'DocInfo');
    const docInfo: CT_DocInfo = {};
    if (infoEl !== undefined) {
      for (const [element, key] of DOC_INFO_TEXT) assign(docInfo, key, kid(infoEl, element)?.text());
      const keywords = kid(infoEl, 'Keywords');
      if (keywords !== undefined) docInfo.keywords = kids(keywords, 'Keyword').map((k) => k.text());
      assign(docInfo, 'creator', kid(infoEl, 'Creator')?.text());
      assign(docInfo, 'creatorVersion', kid(infoEl, 'CreatorVersion')?.text());
      const custom = kid(infoEl, 'CustomDatas');
      if (custom !== undefined) {
        docInfo.customDatas = kids(custom, 'CustomData').map((c) => ({ name: reqString(c, 'Name', ctx), value: c.text() }));
      }
    }
    const result: DocBody = { docInfo, docRoot: reqKidText(body, 'DocRoot', ctx) };
    const versions = kid(body, 'Versions');
    if (versions !== undefined) {
      result.versions = kids(versions, 'Version').map((v) => {
        const version: DocVersion = { id: reqString(v, 'ID', ctx), index: optInt(v, 'Index', ctx) ?? 0, baseLoc: reqString(v, 'BaseLoc', ctx) };
        assign(version, 'current', optBool(v, 'Current', ctx));
        return version;
      });
    }
    assign(result, 'signatures', kidText(body, 'Signatures'));
    return result;
  });
  if (bodies.length === 0) reqKid(root, 'DocBody', ctx);
  return { version: optString(root, 'Version') ?? '1.0', docType: optString(root, 'DocType') ?? 'OFD', docBodies: bodies };
}

/** Writes OFD.xml in XSD order (DocInfo children: DocID … CustomDatas). */
export function ofdXmlNode(ofd: OfdXml): XNode {
  return x(
    'OFD',
    [['Version', ofd.version], ['DocType', ofd.docType]],
    ofd.docBodies.map((b) =>
      x(
        'DocBody',
        [],
        x(
          'DocInfo',
          [],
          DOC_INFO_TEXT.map(([element, key]) => xText(element, b.docInfo[key])),
          b.docInfo.keywords === undefined ? undefined : x('Keywords', [], b.docInfo.keywords.map((k) => xText('Keyword', k))),
          xText('Creator', b.docInfo.creator),
          xText('CreatorVersion', b.docInfo.creatorVersion),
          b.docInfo.customDatas === undefined
            ? undefined
            : x('CustomDatas', [], b.docInfo.customDatas.map((c) => xText('CustomData', c.value, [['Name', c.name]]))),
        ),
        xText('DocRoot', b.docRoot),
        b.versions === undefined
          ? undefined
          : x('Versions', [], b.versions.map((v) => x('Version', [['ID', v.id], ['Index', v.index], ['Current', v.current], ['BaseLoc', v.baseLoc]]))),
        xText('Signatures', b.signatures),
      ),
    ),
  );
}

export function serializeOfdXmlFile(ofd: OfdXml): Uint8Array {
  return serializeOfdXml(ofdXmlNode(ofd));
}
