/** Where the document-level structures of one revision live, by object number, for change analysis. */
import { OpenSealError } from '@openseal/kernel';
import { PdfDict, PdfRef, PdfStream, listFieldTree, listPages, type PdfField, type PdfObject, type RevisionView } from '@openseal/pdf';

export interface FieldEntry {
  readonly field: PdfField;
}

export interface FieldTreeEntry {
  readonly name: string;
  readonly type: string | undefined;
  /** Terminal fields at or below this node. */
  readonly terminals: readonly PdfField[];
}

const MAX_DSS_OBJECTS = 100_000;

/** References in a value (not following them), marking those under an /AP entry. */
export function refsIn(value: PdfObject, viaAppearance: boolean): { num: number; viaAppearance: boolean }[] {
  const out: { num: number; viaAppearance: boolean }[] = [];
  const stack: { v: PdfObject; ap: boolean; depth: number }[] = [{ v: value, ap: viaAppearance, depth: 0 }];
  while (stack.length > 0) {
    const { v, ap, depth } = stack.pop() as (typeof stack)[number];
    if (depth > 64) continue;
    if (v instanceof PdfRef) out.push({ num: v.num, viaAppearance: ap });
    else if (Array.isArray(v)) for (const x of v) stack.push({ v: x, ap, depth: depth + 1 });
    else if (v instanceof PdfDict || v instanceof PdfStream) {
      const d = v instanceof PdfStream ? v.dict : v;
      for (const [k, x] of d.entries()) {
        // /P and /Parent point back up the tree: they never make a new object part of this change.
        if (k === 'P' || k === 'Parent') continue;
        stack.push({ v: x, ap: ap || k === 'AP', depth: depth + 1 });
      }
    }
  }
  return out;
}

export class RevisionIndex {
  readonly infoNums = new Set<number>();
  readonly metadataNum: number | undefined;
  readonly acroFormNum: number | undefined;
  readonly fieldsNum: number | undefined;
  readonly fields = new Map<number, FieldEntry>();
  readonly widgets = new Map<number, FieldEntry>();
  readonly fieldTree = new Map<number, FieldTreeEntry>();
  readonly signatureValues = new Map<number, 'Sig' | 'DocTimeStamp'>();
  readonly dssNums = new Set<number>();
  /** Page object number → page index. */
  readonly pages = new Map<number, number>();
  /** Indirect /Annots array object number → page object number. */
  readonly annotsArrays = new Map<number, number>();
  /** Page object number → object numbers of its annotations. */
  readonly pageAnnots = new Map<number, number[]>();

  constructor(readonly view: RevisionView) {
    const info = view.trailer.get('Info');
    if (info instanceof PdfRef) this.infoNums.add(info.num);
    const catalog = safe(() => view.catalog);
    const meta = catalog?.get('Metadata');
    this.metadataNum = meta instanceof PdfRef ? meta.num : undefined;
    const form = catalog?.get('AcroForm');
    this.acroFormNum = form instanceof PdfRef ? form.num : undefined;
    const formDict = safe(() => view.resolve(form));
    const fields = formDict instanceof PdfDict ? formDict.get('Fields') : undefined;
    this.fieldsNum = fields instanceof PdfRef ? fields.num : undefined;
    for (const root of safe(() => listFieldTree(view)) ?? []) this.#indexField(root);
    for (const p of safe(() => listPages(view)) ?? []) {
      if (!p.ref) continue;
      this.pages.set(p.ref.num, p.index);
      const annots = p.dict.get('Annots');
      if (annots instanceof PdfRef) this.annotsArrays.set(annots.num, p.ref.num);
      const list = safe(() => view.resolve(annots));
      this.pageAnnots.set(p.ref.num, Array.isArray(list) ? list.filter((x): x is PdfRef => x instanceof PdfRef).map((r) => r.num) : []);
    }
    this.#indexDss(catalog?.get('DSS'));
  }

  /** 'Sig' or 'DocTimeStamp' for a signature field's /V. */
  valueKind(v: PdfObject | undefined): 'Sig' | 'DocTimeStamp' | undefined {
    const d = safe(() => this.view.resolve(v));
    if (!(d instanceof PdfDict)) return undefined;
    return d.getName('Type') === 'DocTimeStamp' || d.getName('SubFilter') === 'ETSI.RFC3161' ? 'DocTimeStamp' : 'Sig';
  }

  #indexField(f: PdfField): PdfField[] {
    const terminals = f.kids.length === 0 ? [f] : f.kids.flatMap((k) => this.#indexField(k));
    if (f.ref) this.fieldTree.set(f.ref.num, { name: f.name, type: f.type, terminals });
    if (f.kids.length === 0) {
      if (f.ref) this.fields.set(f.ref.num, { field: f });
      for (const w of f.widgets) if (w.ref && !(f.ref && w.ref.equals(f.ref))) this.widgets.set(w.ref.num, { field: f });
      if (f.type === 'Sig' && f.value instanceof PdfRef) {
        const kind = this.valueKind(f.value);
        if (kind) this.signatureValues.set(f.value.num, kind);
      }
    }
    return terminals;
  }

  #indexDss(dss: PdfObject | undefined): void {
    const stack: PdfObject[] = dss === undefined ? [] : [dss];
    while (stack.length > 0 && this.dssNums.size < MAX_DSS_OBJECTS) {
      const v = stack.pop() as PdfObject;
      for (const { num } of refsIn(v, false)) {
        if (this.dssNums.has(num)) continue;
        this.dssNums.add(num);
        const o = safe(() => this.view.getObject(num));
        if (o !== undefined && !(o instanceof PdfStream)) stack.push(o);
      }
    }
  }
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof OpenSealError) return undefined; // a damaged structure indexes as absent: its changes stay unexplained
    throw e;
  }
}
