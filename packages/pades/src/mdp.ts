/**
 * Modification detection and prevention (ISO 32000-2 §12.8.2): DocMDP certification levels and FieldMDP
 * locks, read from signature dictionaries and written into new ones.
 */
import { PdfDict, PdfRef, PdfString, isArray, name, type PdfArray, type PdfObject, type RevisionView } from '@openseal/pdf';

/** DocMDP /P: 1 no changes, 2 form filling and signing, 3 also annotations (Table 257). */
export type MdpPermission = 1 | 2 | 3;

/** A FieldMDP lock (Table 258) or SigFieldLock (Table 236). */
export interface FieldLock {
  readonly action: 'All' | 'Include' | 'Exclude';
  /** Fully qualified field names (Include/Exclude). */
  readonly fields?: readonly string[];
  /** PDF 2.0 SigFieldLock /P: the DocMDP-like level once the field is signed. */
  readonly permission?: MdpPermission;
}

function permissionOf(o: PdfObject | undefined): MdpPermission | undefined {
  return o === 1 || o === 2 || o === 3 ? o : undefined;
}

function referenceDicts(view: RevisionView, sig: PdfDict): PdfDict[] {
  const refs = view.resolve(sig.get('Reference'));
  if (!isArray(refs)) return [];
  return refs.map((r) => view.resolve(r)).filter((r): r is PdfDict => r instanceof PdfDict);
}

/** The DocMDP permission a signature dictionary declares, if it is a certification signature. */
export function docMdpPermission(view: RevisionView, sig: PdfDict): MdpPermission | undefined {
  for (const ref of referenceDicts(view, sig)) {
    if (ref.getName('TransformMethod') !== 'DocMDP') continue;
    const params = view.resolve(ref.get('TransformParams'));
    // Table 257: /P defaults to 2.
    return params instanceof PdfDict ? (permissionOf(view.resolve(params.get('P'))) ?? 2) : 2;
  }
  return undefined;
}

/** Reads a lock from /TransformParams of a FieldMDP reference or from a field's /Lock dictionary. */
export function readFieldLock(view: RevisionView, d: PdfDict): FieldLock | undefined {
  const action = d.getName('Action');
  if (action !== 'All' && action !== 'Include' && action !== 'Exclude') return undefined;
  const list = view.resolve(d.get('Fields'));
  const fields = isArray(list)
    ? list.map((f) => view.resolve(f)).filter((f): f is PdfString => f instanceof PdfString).map((f) => f.text)
    : [];
  const permission = permissionOf(view.resolve(d.get('P')));
  return { action, ...(action === 'All' ? {} : { fields }), ...(permission ? { permission } : {}) };
}

/** The FieldMDP locks of a signature: its /Reference entries and the /Lock of its field. */
export function fieldLocksOf(view: RevisionView, sig: PdfDict, fieldLock: PdfDict | undefined): FieldLock[] {
  const out: FieldLock[] = [];
  for (const ref of referenceDicts(view, sig)) {
    if (ref.getName('TransformMethod') !== 'FieldMDP') continue;
    const params = view.resolve(ref.get('TransformParams'));
    const lock = params instanceof PdfDict ? readFieldLock(view, params) : undefined;
    if (lock) out.push(lock);
  }
  const own = fieldLock ? readFieldLock(view, fieldLock) : undefined;
  if (own) out.push(own);
  // A signed field's /Lock and the FieldMDP reference made from it usually say the same thing.
  const seen = new Set<string>();
  return out.filter((l) => {
    const key = JSON.stringify([l.action, l.fields ?? [], l.permission ?? 0]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether a lock covers the field named `field` (or one of its descendants / ancestors). */
export function lockCovers(lock: FieldLock, field: string): boolean {
  if (lock.action === 'All') return true;
  const listed = (lock.fields ?? []).some((f) => f === field || field.startsWith(`${f}.`));
  return lock.action === 'Include' ? listed : !listed;
}

/** The certification signature named by /Perms /DocMDP and its permission, if the document is certified. */
export function documentCertification(view: RevisionView): { readonly sigRef: PdfRef | undefined; readonly permission: MdpPermission } | undefined {
  const perms = view.resolve(view.catalog.get('Perms'));
  if (!(perms instanceof PdfDict)) return undefined;
  const raw = perms.get('DocMDP');
  const sig = view.resolve(raw);
  if (!(sig instanceof PdfDict)) return undefined;
  const permission = docMdpPermission(view, sig) ?? 2;
  return { sigRef: raw instanceof PdfRef ? raw : undefined, permission };
}

/** `<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << … /P n /V /1.2 >> >>` (Table 256/257). */
export function docMdpReference(permission: MdpPermission): PdfDict {
  const params = new PdfDict([
    ['Type', name('TransformParams')],
    ['P', permission],
    ['V', name('1.2')],
  ]);
  return new PdfDict([
    ['Type', name('SigRef')],
    ['TransformMethod', name('DocMDP')],
    ['TransformParams', params],
  ]);
}

function lockEntries(lock: FieldLock): [string, PdfObject][] {
  const entries: [string, PdfObject][] = [['Action', name(lock.action)]];
  if (lock.action !== 'All') entries.push(['Fields', (lock.fields ?? []).map((f) => PdfString.fromText(f)) as PdfArray]);
  return entries;
}

/** A FieldMDP signature reference dictionary (Table 258). */
export function fieldMdpReference(lock: FieldLock): PdfDict {
  const params = new PdfDict([['Type', name('TransformParams')], ...lockEntries(lock), ['V', name('1.2')]]);
  return new PdfDict([
    ['Type', name('SigRef')],
    ['TransformMethod', name('FieldMDP')],
    ['TransformParams', params],
  ]);
}

/** A field's /Lock dictionary (Table 236). */
export function sigFieldLock(lock: FieldLock): PdfDict {
  const d = new PdfDict([['Type', name('SigFieldLock')], ...lockEntries(lock)]);
  if (lock.permission) d.set('P', lock.permission);
  return d;
}
