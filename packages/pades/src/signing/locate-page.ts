import { PdfDict, PdfRef, getPage, type PdfObject, type RevisionView } from '@openseal/pdf';

/**
 * The page at `index` with its object reference. Page 0 is found by descending the first kid of each
 * /Pages node (the first leaf of ISO 32000-2 §7.7.3's depth-first order) without reading the other
 * pages of a large document; anything unusual falls back to the full page list.
 */
export function locatePage(view: RevisionView, index: number): { ref: PdfRef | undefined; dict: PdfDict } {
  if (index === 0) {
    let node: PdfObject | undefined = view.catalog.get('Pages');
    const seen = new Set<number>();
    for (let depth = 0; depth <= view.loader.limits.maxDepth; depth++) {
      if (node instanceof PdfRef) {
        if (seen.has(node.num)) break;
        seen.add(node.num);
      }
      const d = view.resolve(node);
      if (!(d instanceof PdfDict)) break;
      const kids = view.resolve(d.get('Kids'));
      const type = d.getName('Type');
      if (type === 'Page' || (type !== 'Pages' && !Array.isArray(kids))) return { ref: node instanceof PdfRef ? node : undefined, dict: d };
      const first = Array.isArray(kids) ? kids[0] : undefined;
      // A missing first kid is skipped by readers; leave such trees to the full walk.
      if (first === undefined || !(view.resolve(first) instanceof PdfDict)) break;
      node = first;
    }
  }
  const p = getPage(view, index);
  return { ref: p.ref, dict: p.dict };
}
