import type { XmlElement } from '../xml/xml-element.js';
import type { XNode } from '../xml/xml-writer.js';
import { serializeOfdXml, x, xText } from '../xml/xml-writer.js';
import { assign } from './assign.js';
import type { PageObject } from './page-objects.js';
import { parsePageObjects } from './parse-page-objects.js';
import type { ST_Box } from './primitives.js';
import { formatBox, pageObjectNodes } from './write-page-objects.js';
import type { ReadContext } from './xml-read.js';
import { expectRoot, kid, kids, kidText, optBool, optBox, optString, reqId, reqKidText, reqString } from './xml-read.js';

/** Annotations.xml (Annotations.xsd): one PageAnnot file per annotated page. */
export interface AnnotationsXml {
  pages: Array<{ pageId: number; fileLoc: string }>;
}

/** Annot (Annotation.xsd). Tax invoices carry one `Type="Stamp" Subtype="SignatureInFile"` annotation. */
export interface CT_Annot {
  id: number;
  type: string;
  creator?: string;
  lastModDate?: string;
  visible?: boolean;
  subtype?: string;
  print?: boolean;
  noZoom?: boolean;
  noRotate?: boolean;
  readOnly?: boolean;
  remark?: string;
  parameters?: Array<{ name: string; value: string }>;
  appearance?: { boundary?: ST_Box; objects: PageObject[] };
}

/** A per-page annotation file (Annotation.xsd `PageAnnot`). */
export interface PageAnnotXml {
  annots: CT_Annot[];
}

export function parseAnnotationsXml(root: XmlElement, ctx: ReadContext): AnnotationsXml {
  expectRoot(root, 'Annotations', ctx);
  return { pages: kids(root, 'Page').map((p) => ({ pageId: reqId(p, 'PageID', ctx), fileLoc: reqKidText(p, 'FileLoc', ctx) })) };
}

export function parsePageAnnotXml(root: XmlElement, ctx: ReadContext): PageAnnotXml {
  expectRoot(root, 'PageAnnot', ctx);
  return {
    annots: kids(root, 'Annot').map((a) => {
      const annot: CT_Annot = { id: reqId(a, 'ID', ctx), type: reqString(a, 'Type', ctx) };
      assign(annot, 'creator', optString(a, 'Creator'));
      assign(annot, 'lastModDate', optString(a, 'LastModDate'));
      assign(annot, 'visible', optBool(a, 'Visible', ctx));
      assign(annot, 'subtype', optString(a, 'Subtype'));
      assign(annot, 'print', optBool(a, 'Print', ctx));
      assign(annot, 'noZoom', optBool(a, 'NoZoom', ctx));
      assign(annot, 'noRotate', optBool(a, 'NoRotate', ctx));
      assign(annot, 'readOnly', optBool(a, 'ReadOnly', ctx));
      assign(annot, 'remark', kidText(a, 'Remark'));
      const params = kid(a, 'Parameters');
      if (params !== undefined) {
        annot.parameters = kids(params, 'Parameter').map((p) => ({ name: reqString(p, 'Name', ctx), value: p.text() }));
      }
      const appearance = kid(a, 'Appearance');
      if (appearance !== undefined) {
        annot.appearance = { objects: parsePageObjects(appearance, ctx) };
        assign(annot.appearance, 'boundary', optBox(appearance, 'Boundary', ctx));
      }
      return annot;
    }),
  };
}

export function serializeAnnotationsXml(a: AnnotationsXml): Uint8Array {
  return serializeOfdXml(x('Annotations', [], a.pages.map((p) => x('Page', [['PageID', p.pageId]], xText('FileLoc', p.fileLoc)))));
}

export function pageAnnotXmlNode(p: PageAnnotXml): XNode {
  return x(
    'PageAnnot',
    [],
    p.annots.map((a) =>
      x(
        'Annot',
        [
          ['ID', a.id], ['Type', a.type], ['Creator', a.creator], ['LastModDate', a.lastModDate], ['Visible', a.visible],
          ['Subtype', a.subtype], ['Print', a.print], ['NoZoom', a.noZoom], ['NoRotate', a.noRotate], ['ReadOnly', a.readOnly],
        ],
        xText('Remark', a.remark),
        a.parameters === undefined ? undefined : x('Parameters', [], a.parameters.map((pp) => xText('Parameter', pp.value, [['Name', pp.name]]))),
        a.appearance === undefined
          ? undefined
          : x('Appearance', [['Boundary', a.appearance.boundary === undefined ? undefined : formatBox(a.appearance.boundary)]], pageObjectNodes(a.appearance.objects)),
      ),
    ),
  );
}

export function serializePageAnnotXml(p: PageAnnotXml): Uint8Array {
  return serializeOfdXml(pageAnnotXmlNode(p));
}
