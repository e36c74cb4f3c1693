import type { XmlElement } from '../xml/xml-element.js';
import type { XNode } from '../xml/xml-writer.js';
import { serializeOfdXml, x, xText } from '../xml/xml-writer.js';
import { assign } from './assign.js';
import type { CT_PageArea } from './ct-page-area.js';
import { pageAreaNode, parsePageArea } from './ct-page-area.js';
import type { ReadContext } from './xml-read.js';
import { expectRoot, kid, kids, kidText, optEnum, optString, parseId, reqId, reqKid, reqString } from './xml-read.js';

export interface TemplatePageRef {
  id: number;
  name?: string;
  zOrder?: 'Background' | 'Foreground';
  baseLoc: string;
}

/** CommonData (Document.xsd): MaxUnitID is the largest ST_ID used anywhere in the document. */
export interface CT_CommonData {
  maxUnitId: number;
  /** Required by the XSD; absent in a few producers' files. */
  pageArea?: CT_PageArea;
  publicRes: string[];
  documentRes: string[];
  templatePages: TemplatePageRef[];
  defaultCs?: number;
}

export interface PageRef {
  id: number;
  baseLoc: string;
}

/**
 * Document.xml (Document.xsd `Document`). ST_Locs stay as written, relative to Document.xml's directory.
 * Outlines, Permissions, Actions, VPreferences and Bookmarks are not modelled (they stay in the raw bytes).
 */
export interface DocumentXml {
  commonData: CT_CommonData;
  pages: PageRef[];
  annotations?: string;
  customTags?: string;
  attachments?: string;
  extensions?: string;
}

export function parseDocumentXml(root: XmlElement, ctx: ReadContext): DocumentXml {
  expectRoot(root, 'Document', ctx);
  const cd = reqKid(root, 'CommonData', ctx);
  const maxUnit = reqKid(cd, 'MaxUnitID', ctx);
  const commonData: CT_CommonData = {
    maxUnitId: parseId(maxUnit.text(), ctx, maxUnit, 'MaxUnitID'),
    publicRes: kids(cd, 'PublicRes').map((e) => e.text().trim()),
    documentRes: kids(cd, 'DocumentRes').map((e) => e.text().trim()),
    templatePages: kids(cd, 'TemplatePage').map((t) => {
      const ref: TemplatePageRef = { id: reqId(t, 'ID', ctx), baseLoc: reqString(t, 'BaseLoc', ctx) };
      assign(ref, 'name', optString(t, 'Name'));
      assign(ref, 'zOrder', optEnum(t, 'ZOrder', ['Background', 'Foreground'] as const, ctx));
      return ref;
    }),
  };
  const area = kid(cd, 'PageArea');
  if (area !== undefined) commonData.pageArea = parsePageArea(area, ctx);
  const defaultCs = kid(cd, 'DefaultCS');
  if (defaultCs !== undefined) commonData.defaultCs = parseId(defaultCs.text(), ctx, defaultCs, 'DefaultCS');
  const pagesEl = reqKid(root, 'Pages', ctx);
  const doc: DocumentXml = {
    commonData,
    pages: kids(pagesEl, 'Page').map((p) => ({ id: reqId(p, 'ID', ctx), baseLoc: reqString(p, 'BaseLoc', ctx) })),
  };
  assign(doc, 'annotations', kidText(root, 'Annotations'));
  assign(doc, 'customTags', kidText(root, 'CustomTags'));
  assign(doc, 'attachments', kidText(root, 'Attachments'));
  assign(doc, 'extensions', kidText(root, 'Extensions'));
  return doc;
}

/** Writes Document.xml in XSD sequence order (CommonData: MaxUnitID, PageArea, PublicRes*, DocumentRes*, TemplatePage*, DefaultCS). */
export function documentXmlNode(doc: DocumentXml): XNode {
  const cd = doc.commonData;
  return x(
    'Document',
    [],
    x(
      'CommonData',
      [],
      xText('MaxUnitID', cd.maxUnitId),
      cd.pageArea === undefined ? undefined : pageAreaNode('PageArea', cd.pageArea),
      cd.publicRes.map((loc) => xText('PublicRes', loc)),
      cd.documentRes.map((loc) => xText('DocumentRes', loc)),
      cd.templatePages.map((t) => x('TemplatePage', [['ID', t.id], ['Name', t.name], ['ZOrder', t.zOrder], ['BaseLoc', t.baseLoc]])),
      xText('DefaultCS', cd.defaultCs),
    ),
    x('Pages', [], doc.pages.map((p) => x('Page', [['ID', p.id], ['BaseLoc', p.baseLoc]]))),
    xText('Annotations', doc.annotations),
    xText('CustomTags', doc.customTags),
    xText('Attachments', doc.attachments),
    xText('Extensions', doc.extensions),
  );
}

export function serializeDocumentXml(doc: DocumentXml): Uint8Array {
  return serializeOfdXml(documentXmlNode(doc));
}
