/** ISO 32000-2 §12.7 interactive forms: the field tree with inherited /FT, /V, /Ff and widgets. */
import { PdfDict, PdfName, PdfRef, PdfString, type PdfObject } from '../core/objects.js';
import { PdfLimitExceededError, PdfMalformedError } from '../errors.js';
import { listPages } from './page-tree.js';
import type { RevisionView } from './revision-view.js';

export interface PdfWidget {
  readonly ref: PdfRef | undefined;
  readonly dict: PdfDict;
  /** Index of the page that shows it (/P, else the page whose /Annots lists it), or −1. */
  readonly pageIndex: number;
}

export interface PdfField {
  /** Fully qualified name: partial names of the field and its ancestors joined by "." (§12.7.4.2). */
  readonly name: string;
  readonly partialName: string | undefined;
  readonly ref: PdfRef | undefined;
  readonly dict: PdfDict;
  /** /FT, inherited: Btn, Tx, Ch or Sig. */
  readonly type: string | undefined;
  /** /V, inherited (references are left unresolved). */
  readonly value: PdfObject | undefined;
  /** /Ff, inherited. */
  readonly flags: number;
  /** Signature fields: /Lock (§12.7.5.5). */
  readonly lock: PdfDict | undefined;
  readonly parent: PdfField | undefined;
  readonly kids: PdfField[];
  readonly widgets: PdfWidget[];
}

function annotPageMap(view: RevisionView): Map<number, number> {
  const map = new Map<number, number>();
  for (const p of listPages(view)) {
    const annots = view.resolve(p.dict.get('Annots'));
    if (!Array.isArray(annots)) continue;
    for (const a of annots) if (a instanceof PdfRef && !map.has(a.num)) map.set(a.num, p.index);
  }
  return map;
}

/** The field tree roots of /AcroForm /Fields; a cycle among /Kids is PDF_MALFORMED. */
export function listFieldTree(view: RevisionView): PdfField[] {
  const form = view.resolve(view.catalog.get('AcroForm'));
  if (!(form instanceof PdfDict)) return [];
  const fields = view.resolve(form.get('Fields'));
  if (!Array.isArray(fields)) return [];
  const limits = view.loader.limits;
  const seen = new Set<number>();
  let pageByAnnot: Map<number, number> | undefined;
  const pageNums = new Map<number, number>();
  for (const p of listPages(view)) if (p.ref) pageNums.set(p.ref.num, p.index);
  const pageOf = (ref: PdfRef | undefined, d: PdfDict): number => {
    const p = d.get('P');
    if (p instanceof PdfRef && pageNums.has(p.num)) return pageNums.get(p.num) as number;
    if (!ref) return -1;
    pageByAnnot ??= annotPageMap(view);
    return pageByAnnot.get(ref.num) ?? -1;
  };
  const visit = (o: PdfObject, parent: PdfField | undefined, depth: number): PdfField | PdfWidget | undefined => {
    if (depth > limits.maxDepth) throw new PdfLimitExceededError('maxDepth', limits.maxDepth, { in: 'field tree' });
    const ref = o instanceof PdfRef ? o : undefined;
    if (ref) {
      if (seen.has(ref.num)) throw new PdfMalformedError('field tree contains a cycle or a shared node', { num: ref.num });
      seen.add(ref.num);
    }
    const d = view.resolve(o);
    if (!(d instanceof PdfDict)) return undefined;
    const t = view.resolve(d.get('T'));
    // §12.7.4.1: a kid without /T that is a widget is a widget annotation of its parent field.
    if (parent && !(t instanceof PdfString) && d.getName('Subtype') === 'Widget') return { ref, dict: d, pageIndex: pageOf(ref, d) };
    const partialName = t instanceof PdfString ? t.text : undefined;
    const ft = view.resolve(d.get('FT'));
    const ff = view.resolve(d.get('Ff'));
    const lock = view.resolve(d.get('Lock'));
    const field: PdfField = {
      name: [parent?.name, partialName].filter((x) => x !== undefined && x !== '').join('.'),
      partialName,
      ref,
      dict: d,
      type: ft instanceof PdfName ? ft.value : parent?.type,
      value: d.has('V') ? d.get('V') : parent?.value,
      flags: typeof ff === 'number' ? ff : (parent?.flags ?? 0),
      lock: lock instanceof PdfDict ? lock : undefined,
      parent,
      kids: [],
      widgets: [],
    };
    if (d.getName('Subtype') === 'Widget') field.widgets.push({ ref, dict: d, pageIndex: pageOf(ref, d) });
    const kids = view.resolve(d.get('Kids'));
    if (Array.isArray(kids)) {
      for (const k of kids) {
        const child = visit(k, field, depth + 1);
        if (!child) continue;
        if ('kids' in child) field.kids.push(child);
        else field.widgets.push(child);
      }
    }
    return field;
  };
  const roots: PdfField[] = [];
  for (const f of fields) {
    const r = visit(f, undefined, 0);
    if (r && 'kids' in r) roots.push(r);
  }
  return roots;
}

/** Terminal fields (those without field kids), depth-first in /Fields order. */
export function listFields(view: RevisionView): PdfField[] {
  const out: PdfField[] = [];
  const walk = (f: PdfField): void => {
    if (f.kids.length === 0) out.push(f);
    else f.kids.forEach(walk);
  };
  listFieldTree(view).forEach(walk);
  return out;
}
