/**
 * Classifies every object one incremental update wrote (reject by default, as pyHanko's difference
 * analysis): each change is matched to a known kind of update (signature, DSS, form fill, annotation…);
 * new objects inherit the class of what refers to them; changed objects nothing explains are "other".
 */
import { OpenSealError } from '@openseal/kernel';
import { PdfDict, PdfRef, PdfStream, PdfString, diffRevision, type PdfDocument, type PdfObject, type RevisionChange, type RevisionView } from '@openseal/pdf';
import { worseCategory, type ModificationCategory } from './modification-category.js';
import { changedKeys } from './pdf-object-equal.js';
import type { ClassifiedChange, ChangeVerdict } from './classified-change.js';
import { inheritCategories } from './inherit-categories.js';
import { RevisionIndex, type FieldEntry } from './revision-index.js';



const SIG_FIELD_KEYS = new Set(['V', 'AP', 'AS', 'Rect', 'F', 'P', 'MK', 'DA', 'DR']);
const FORM_FIELD_KEYS = new Set(['V', 'AP', 'AS', 'MK', 'DA']);
const WIDGET_KEYS = new Set(['AP', 'AS', 'MK']);
const ACROFORM_FORM_KEYS = new Set(['SigFlags', 'NeedAppearances', 'DR', 'DA']);

function dictOf(v: PdfObject | undefined): PdfDict | undefined {
  if (v instanceof PdfDict) return v;
  if (v instanceof PdfStream) return v.dict;
  return undefined;
}

function refNums(view: RevisionView, o: PdfObject | undefined): number[] {
  const arr = view.resolve(o);
  return Array.isArray(arr) ? arr.filter((x): x is PdfRef => x instanceof PdfRef).map((r) => r.num) : [];
}

export function classifyRevision(doc: PdfDocument, k: number): ClassifiedChange[] {
  const before = doc.revision(k - 1);
  const after = doc.revision(k);
  const idxAfter = new RevisionIndex(after);
  const idxBefore = new RevisionIndex(before);
  const changes = diffRevision(doc, k);
  const changed = new Map<number, RevisionChange>(changes.map((c) => [c.num, c]));
  const out: ClassifiedChange[] = [];
  const verdicts = new Map<number, ChangeVerdict>();

  const rootAfter = after.trailer.get('Root');
  const rootBefore = before.trailer.get('Root');
  if (!(rootAfter instanceof PdfRef) || !(rootBefore instanceof PdfRef) || !rootAfter.equals(rootBefore)) {
    out.push({ revision: k, change: 'trailer', category: 'other', description: 'the trailer names another document catalog' });
  }

  const fieldVerdict = (entry: FieldEntry, c: RevisionChange): ChangeVerdict => {
    const f = entry.field;
    if (c.kind === 'added') {
      if (f.type !== 'Sig') return { category: 'other', description: `form field "${f.name}" created`, field: f.name };
      return { category: idxAfter.valueKind(f.value) === 'DocTimeStamp' ? 'document-timestamp' : 'signature', description: `signature field "${f.name}" added`, field: f.name };
    }
    const keys = changedKeys(dictOf(c.valueBefore()), dictOf(c.valueAfter()));
    if (f.type === 'Sig') {
      const prior = idxBefore.fields.get(c.num)?.field.value;
      const signedNow = keys.includes('V') && (prior === undefined || prior === null);
      if (keys.includes('V') && !signedNow) return { category: 'other', description: `the value of signature field "${f.name}" was replaced`, field: f.name };
      if (!keys.every((x) => SIG_FIELD_KEYS.has(x))) return { category: 'other', description: `signature field "${f.name}" changed (${keys.join(', ')})`, field: f.name };
      if (signedNow) return { category: idxAfter.valueKind(f.value) === 'DocTimeStamp' ? 'document-timestamp' : 'signature', description: `signature field "${f.name}" signed`, field: f.name };
      return { category: 'form-fill', description: `appearance of signature field "${f.name}" changed`, field: f.name };
    }
    if (keys.every((x) => FORM_FIELD_KEYS.has(x))) return { category: 'form-fill', description: `form field "${f.name}" filled (${keys.join(', ')})`, field: f.name };
    return { category: 'other', description: `form field "${f.name}" changed (${keys.join(', ')})`, field: f.name };
  };

  const widgetVerdict = (entry: FieldEntry, c: RevisionChange): ChangeVerdict => {
    const f = entry.field;
    if (c.kind === 'added') {
      const fieldAdded = f.ref ? changed.get(f.ref.num)?.kind === 'added' : false;
      if (f.type === 'Sig' && fieldAdded) return { category: 'signature', description: `widget of signature field "${f.name}" added`, field: f.name };
      return { category: 'other', description: `widget added to existing field "${f.name}"`, field: f.name };
    }
    const keys = changedKeys(dictOf(c.valueBefore()), dictOf(c.valueAfter()));
    if (keys.every((x) => WIDGET_KEYS.has(x))) return { category: 'form-fill', description: `appearance of a widget of "${f.name}" changed`, field: f.name };
    return { category: 'other', description: `widget of "${f.name}" changed (${keys.join(', ')})`, field: f.name };
  };

  /** New and removed entries of /Fields. */
  const fieldsListVerdict = (beforeNums: number[], afterNums: number[]): ChangeVerdict => {
    let category: ModificationCategory = 'structure';
    const notes: string[] = [];
    for (const n of beforeNums) if (!afterNums.includes(n)) {
      category = 'other';
      notes.push(`field object ${n} removed`);
    }
    for (const n of afterNums) {
      if (beforeNums.includes(n)) continue;
      const e = idxAfter.fieldTree.get(n);
      if (!e || !allSignatureFields(e)) {
        category = 'other';
        notes.push(`non-signature field object ${n} added`);
      } else {
        const timestamp = e.terminals.length > 0 && e.terminals.every((t) => idxAfter.valueKind(t.value) === 'DocTimeStamp');
        category = worseCategory(category, timestamp ? 'document-timestamp' : 'signature');
        notes.push(`${timestamp ? 'document timestamp' : 'signature'} field ${e.name} added`);
      }
    }
    return { category, description: `AcroForm fields: ${notes.join('; ') || 'reordered'}` };
  };

  const acroFormVerdict = (b: PdfDict | undefined, a: PdfDict | undefined): ChangeVerdict => {
    let category: ModificationCategory = 'structure';
    const notes: string[] = [];
    for (const key of changedKeys(b, a)) {
      if (key === 'Fields') {
        const v = fieldsListVerdict(refNums(before, b?.get('Fields')), refNums(after, a?.get('Fields')));
        category = worseCategory(category, v.category);
        notes.push(v.description);
      } else if (key === 'SigFlags') {
        // §12.7.3 SignaturesExist / AppendOnly: tells viewers how to save, changes nothing shown.
        notes.push('SigFlags');
      } else if (ACROFORM_FORM_KEYS.has(key)) {
        category = worseCategory(category, 'form-fill');
        notes.push(key);
      } else {
        category = 'other';
        notes.push(`AcroForm /${key}`);
      }
    }
    return { category, description: `interactive form changed: ${notes.join('; ')}`, roots: a ? [a] : [] };
  };

  /** The signed field whose widget (or riding-seam Stamp strip, named "field#k") annotation `n` was. */
  const signedSealPart = (n: number): string | undefined => {
    const entry = idxBefore.widgets.get(n) ?? idxBefore.fields.get(n);
    if (entry) return entry.field.type === 'Sig' && entry.field.value !== undefined && entry.field.value !== null ? entry.field.name : undefined;
    const d = dictOf(before.getObject(n));
    const nm = d?.getName('Subtype') === 'Stamp' ? before.resolve(d.get('NM')) : undefined;
    const m = nm instanceof PdfString ? /^(.+)#\d+$/.exec(nm.text) : null;
    const field = m ? [...idxBefore.fields.values()].find((e) => e.field.name === m[1] && e.field.type === 'Sig') : undefined;
    return field && field.field.value !== undefined && field.field.value !== null ? field.field.name : undefined;
  };

  const annotsVerdict = (pageNum: number): ChangeVerdict => {
    const beforeNums = idxBefore.pageAnnots.get(pageNum) ?? [];
    const afterNums = idxAfter.pageAnnots.get(pageNum) ?? [];
    const pageIndex = idxAfter.pages.get(pageNum) ?? -1;
    let category: ModificationCategory = 'structure';
    const notes: string[] = [];
    for (const n of beforeNums) if (!afterNums.includes(n)) {
      const seal = signedSealPart(n);
      category = worseCategory(category, seal ? 'other' : 'annotation');
      notes.push(seal ? `part of the appearance of signature "${seal}" removed` : `annotation ${n} removed`);
    }
    const roots: PdfObject[] = [];
    for (const n of afterNums) {
      if (beforeNums.includes(n)) continue;
      const entry = idxAfter.widgets.get(n) ?? idxAfter.fields.get(n);
      const annot = dictOf(after.getObject(n));
      if (entry) {
        const f = entry.field;
        const isNew = changed.get(n)?.kind === 'added' || (f.ref ? changed.get(f.ref.num)?.kind === 'added' : false);
        if (f.type === 'Sig' && isNew) {
          category = worseCategory(category, idxAfter.valueKind(f.value) === 'DocTimeStamp' ? 'document-timestamp' : 'signature');
          notes.push(`widget of "${f.name}" added`);
        } else {
          category = 'other';
          notes.push(`widget of "${f.name}" added to the page`);
        }
      } else if (annot?.getName('Subtype') === 'Widget') {
        category = 'other';
        notes.push(`widget ${n} without a form field added`);
      } else {
        category = worseCategory(category, 'annotation');
        notes.push(`${annot?.getName('Subtype') ?? 'unknown'} annotation ${n} added`);
        roots.push(new PdfRef(n, 0));
      }
    }
    return { category, description: `page ${pageIndex + 1} annotations: ${notes.join('; ') || 'reordered'}`, roots };
  };

  const catalogVerdicts = (c: RevisionChange): ChangeVerdict[] => {
    const b = dictOf(c.valueBefore());
    const a = dictOf(c.valueAfter());
    const list: ChangeVerdict[] = [];
    for (const key of changedKeys(b, a)) {
      if (key === 'AcroForm') {
        const fb = dictOf(before.resolve(b?.get('AcroForm')));
        const fa = dictOf(after.resolve(a?.get('AcroForm')));
        list.push(acroFormVerdict(fb, fa));
      } else if (key === 'DSS') list.push({ category: 'dss', description: 'document security store set', roots: [a?.get('DSS') ?? null] });
      else if (key === 'Metadata' || key === 'Extensions') list.push({ category: 'metadata', description: `catalog /${key} changed`, roots: [a?.get(key) ?? null] });
      else list.push({ category: 'other', description: `catalog /${key} changed` });
    }
    return list;
  };

  const classify = (c: RevisionChange): ChangeVerdict[] | undefined => {
    if (c.kind === 'deleted') return [{ category: 'other', description: 'object deleted' }];
    const va = c.valueAfter();
    const type = dictOf(va)?.getName('Type');
    if (va instanceof PdfStream && (type === 'XRef' || type === 'ObjStm')) return [{ category: 'structure', description: type === 'XRef' ? 'cross-reference stream' : 'object stream' }];
    const n = c.num;
    if (rootAfter instanceof PdfRef && n === rootAfter.num) return catalogVerdicts(c);
    if (idxAfter.infoNums.has(n) || idxBefore.infoNums.has(n) || n === idxAfter.metadataNum) return [{ category: 'metadata', description: 'document metadata' }];
    if (n === idxAfter.acroFormNum) return [acroFormVerdict(dictOf(c.valueBefore()), dictOf(va))];
    if (n === idxAfter.fieldsNum) return [fieldsListVerdict(refNums(before, c.valueBefore()), refNums(after, va))];
    const sigKind = idxAfter.signatureValues.get(n);
    if (sigKind) {
      if (c.kind !== 'added') return [{ category: 'other', description: 'a signature dictionary was modified' }];
      return [{ category: sigKind === 'DocTimeStamp' ? 'document-timestamp' : 'signature', description: `${sigKind === 'DocTimeStamp' ? 'document timestamp' : 'signature'} dictionary added` }];
    }
    if (idxAfter.dssNums.has(n)) return [{ category: 'dss', description: 'document security store data' }];
    const field = idxAfter.fields.get(n);
    if (field) return [{ ...fieldVerdict(field, c), roots: [va] }];
    const widget = idxAfter.widgets.get(n);
    if (widget) return [{ ...widgetVerdict(widget, c), roots: [va] }];
    const page = idxAfter.pages.get(n);
    if (page !== undefined) {
      const keys = changedKeys(dictOf(c.valueBefore()), dictOf(va));
      const nonAnnot = keys.filter((x) => x !== 'Annots');
      const list: ChangeVerdict[] = [];
      if (nonAnnot.length > 0) list.push({ category: 'page-content', description: `page ${page + 1} changed (${nonAnnot.join(', ')})`, roots: [va] });
      if (keys.includes('Annots')) list.push(annotsVerdict(n));
      return list;
    }
    const annotsPage = idxAfter.annotsArrays.get(n);
    if (annotsPage !== undefined) return [annotsVerdict(annotsPage)];
    const d = dictOf(va);
    if (d && d.has('Subtype') && d.has('Rect') && (type === 'Annot' || type === undefined) && va instanceof PdfDict) {
      return [{ category: 'annotation', description: `${d.getName('Subtype') ?? ''} annotation ${c.kind}`, roots: [va] }];
    }
    return undefined;
  };

  const pending: RevisionChange[] = [];
  for (const c of changes) {
    let list: ChangeVerdict[] | undefined;
    try {
      list = classify(c);
    } catch (e) {
      if (!(e instanceof OpenSealError)) throw e;
      list = [{ category: 'other', description: `unreadable object (${e.code})` }];
    }
    if (!list) {
      pending.push(c);
      continue;
    }
    let worst: ChangeVerdict | undefined;
    for (const v of list) {
      out.push({ revision: k, object: c.num, change: c.kind, category: v.category, ...(v.field ? { field: v.field } : {}), description: v.description });
      if (!worst || worseCategory(worst.category, v.category) === v.category) worst = v;
    }
    if (worst) verdicts.set(c.num, { ...worst, roots: list.flatMap((v) => v.roots ?? []) });
  }
  out.push(...inheritCategories(after, pending, verdicts, changed, k));
  return out;
}

function allSignatureFields(e: { readonly type: string | undefined; readonly terminals: readonly { readonly type: string | undefined }[] }): boolean {
  return e.terminals.length > 0 ? e.terminals.every((t) => t.type === 'Sig') : e.type === 'Sig';
}
