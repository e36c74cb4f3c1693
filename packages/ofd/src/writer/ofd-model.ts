import type { DocumentXml } from '../model/document-xml.js';
import type { OfdXml } from '../model/ofd-xml.js';
import type { PageXml } from '../model/page-xml.js';
import type { ResXml } from '../model/res-xml.js';

/**
 * Everything needed to write one OFD package: the parsed-form models of OFD.xml, Document.xml, the two
 * resource files and the pages, plus binary parts (fonts, images) by package path. Locations are the
 * ST_Locs inside the models: pages at their Page@BaseLoc, resources at CommonData's first PublicRes /
 * DocumentRes, templates at TemplatePage@BaseLoc (all relative to Document.xml's directory).
 */
export interface OfdModel {
  readonly ofd: OfdXml;
  readonly document: DocumentXml;
  readonly publicRes?: ResXml;
  readonly documentRes?: ResXml;
  /** Aligned with `document.pages`. */
  readonly pages: readonly PageXml[];
  /** Aligned with `document.commonData.templatePages`. */
  readonly templates?: readonly PageXml[];
  readonly files: ReadonlyMap<string, Uint8Array>;
}
