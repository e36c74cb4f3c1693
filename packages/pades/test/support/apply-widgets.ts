// Test-only: adds a SealAppearance's widgets as one unsigned signature field (no /V) in an incremental
// update, so appearances can be rendered without the signing core.
import { IncrementalWriter, PdfDict, PdfDocument, PdfName, PdfString, getPage, type PdfObject, type PdfRef } from '@openseal/pdf';
import type { SealAppearance } from '../../src/widget-spec.js';

export function applyWidgets(pdf: Uint8Array, appearance: SealAppearance, fieldName = 'Seal1'): Uint8Array {
  const doc = PdfDocument.load(pdf);
  const view = doc.latest;
  const w = new IncrementalWriter(doc);
  const fieldRef = w.allocate();
  const kids: PdfRef[] = [];
  const pages = new Map<number, PdfDict>();
  for (const spec of appearance.widgets) {
    const page = getPage(view, spec.pageIndex);
    if (!page.ref) throw new Error('page is not an indirect object');
    const ap = spec.appearance ? spec.appearance(w, view) : undefined;
    const entries: Record<string, PdfObject> = {
      Type: new PdfName('Annot'), Subtype: new PdfName('Widget'), Rect: [...spec.rect], P: page.ref, F: 4, Parent: fieldRef,
    };
    if (ap) entries['AP'] = new PdfDict([['N', ap]]);
    const ref = w.add(new PdfDict(Object.entries(entries)));
    kids.push(ref);
    let pd = pages.get(page.ref.num);
    if (!pd) {
      pd = page.dict.clone();
      const annots = view.resolve(pd.get('Annots'));
      pd.set('Annots', Array.isArray(annots) ? [...annots] : []);
      pages.set(page.ref.num, pd);
      w.set(page.ref, pd);
    }
    (pd.get('Annots') as PdfObject[]).push(ref);
  }
  w.set(fieldRef, new PdfDict([['FT', new PdfName('Sig')], ['T', PdfString.fromText(fieldName)], ['Kids', kids]]));
  const rootRef = view.trailer.get('Root') as PdfRef;
  const catalog = view.catalog.clone();
  const form = view.resolve(catalog.get('AcroForm'));
  const acro = form instanceof PdfDict ? form.clone() : new PdfDict();
  const fields = view.resolve(acro.get('Fields'));
  acro.set('Fields', [...(Array.isArray(fields) ? fields : []), fieldRef]);
  catalog.set('AcroForm', acro);
  w.set(rootRef, catalog);
  return w.write().toBytes();
}
