import type { OfdDocument, ST_Box } from '@openseal/ofd';
import { OfdSealPlacementError } from '../errors.js';

const A4: ST_Box = { x: 0, y: 0, width: 210, height: 297 };

/** The page's PhysicalBox (its own Area, else the document PageArea; A4 when neither says). */
export function pageBox(doc: OfdDocument, pageIndex: number): ST_Box {
  checkPageIndex(doc, pageIndex);
  return doc.page(pageIndex).area?.physicalBox ?? doc.document.commonData.pageArea?.physicalBox ?? A4;
}

export function checkPageIndex(doc: OfdDocument, pageIndex: number): void {
  if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= doc.pageCount) {
    throw new OfdSealPlacementError(`no page ${pageIndex + 1}: the document has ${doc.pageCount} page(s)`, { pageIndex, pageCount: doc.pageCount });
  }
}

/** Round to 1/1000 mm so boundaries print compactly and compare exactly. */
export function mm(v: number): number {
  return Math.round(v * 1000) / 1000;
}

export function box(x: number, y: number, width: number, height: number): ST_Box {
  return { x: mm(x), y: mm(y), width: mm(width), height: mm(height) };
}
