/**
 * Edits of the document-level objects one signing revision touches (catalog, AcroForm, /Fields, page
 * /Annots), made on editable copies and written once, so each object appears once in the update.
 */
import { PdfDict, PdfRef, type IncrementalWriter, type PdfArray, type PdfObject, type RevisionView } from '@openseal/pdf';
import { PdfCannotAppendError } from '@openseal/pdf';
import { locatePage } from './locate-page.js';

interface Editable<T extends PdfObject> {
  /** Where the value lives: an indirect object, or inside its parent (undefined). */
  readonly ref: PdfRef | undefined;
  readonly value: T;
}

export class RevisionEdit {
  readonly #view: RevisionView;
  readonly #writer: IncrementalWriter;
  readonly #rootRef: PdfRef;
  readonly #catalog: PdfDict;
  #catalogChanged = false;
  #acroForm: Editable<PdfDict> | undefined;
  #fields: Editable<PdfArray> | undefined;
  readonly #annots = new Map<number, { page: Editable<PdfDict>; annots: Editable<PdfArray> }>();

  constructor(view: RevisionView, writer: IncrementalWriter) {
    const root = view.trailer.get('Root');
    if (!(root instanceof PdfRef)) throw new PdfCannotAppendError('the trailer /Root is not an indirect reference');
    this.#view = view;
    this.#writer = writer;
    this.#rootRef = root;
    this.#catalog = view.catalog.clone();
  }

  get view(): RevisionView {
    return this.#view;
  }

  get writer(): IncrementalWriter {
    return this.#writer;
  }

  /** The catalog, editable; it is written when commit() finds it changed. */
  catalog(): PdfDict {
    this.#catalogChanged = true;
    return this.#catalog;
  }

  /** The interactive form dictionary, created when absent (ISO 32000-2 §12.7.3). */
  acroForm(): PdfDict {
    if (!this.#acroForm) {
      const raw = this.#catalog.get('AcroForm');
      const current = this.#view.resolve(raw);
      const value = current instanceof PdfDict ? current.clone() : new PdfDict();
      if (raw instanceof PdfRef && current instanceof PdfDict) this.#acroForm = { ref: raw, value };
      else {
        this.#acroForm = { ref: undefined, value };
        this.catalog().set('AcroForm', value);
      }
    }
    return this.#acroForm.value;
  }

  /** /AcroForm /Fields, editable. */
  fields(): PdfArray {
    if (!this.#fields) {
      const form = this.acroForm();
      const raw = form.get('Fields');
      const current = this.#view.resolve(raw);
      const value: PdfArray = Array.isArray(current) ? [...current] : [];
      if (raw instanceof PdfRef && Array.isArray(current)) this.#fields = { ref: raw, value };
      else {
        this.#fields = { ref: undefined, value };
        form.set('Fields', value);
      }
    }
    return this.#fields.value;
  }

  /** Appends an annotation reference to a page's /Annots. */
  addAnnotation(pageIndex: number, annot: PdfRef): PdfRef {
    const page = locatePage(this.#view, pageIndex);
    if (!page.ref) throw new PdfCannotAppendError('the page is not an indirect object', { pageIndex });
    let entry = this.#annots.get(page.ref.num);
    if (!entry) {
      const pageDict = page.dict.clone();
      const raw = pageDict.get('Annots');
      const current = this.#view.resolve(raw);
      const list: PdfArray = Array.isArray(current) ? [...current] : [];
      const annots: Editable<PdfArray> = raw instanceof PdfRef && Array.isArray(current) ? { ref: raw, value: list } : { ref: undefined, value: list };
      if (!annots.ref) pageDict.set('Annots', list);
      entry = { page: { ref: annots.ref ? undefined : page.ref, value: pageDict }, annots };
      this.#annots.set(page.ref.num, entry);
    }
    entry.annots.value.push(annot);
    return page.ref;
  }

  /** Writes every edited object into the update. */
  commit(): void {
    const w = this.#writer;
    for (const { page, annots } of this.#annots.values()) {
      if (annots.ref) w.set(annots.ref, annots.value);
      else if (page.ref) w.set(page.ref, page.value);
    }
    if (this.#fields?.ref) w.set(this.#fields.ref, this.#fields.value);
    if (this.#acroForm?.ref) w.set(this.#acroForm.ref, this.#acroForm.value);
    if (this.#catalogChanged) w.set(this.#rootRef, this.#catalog);
  }
}
