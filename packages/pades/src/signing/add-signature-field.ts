/**
 * Writes a signature field with its widget annotations (ISO 32000-2 §12.7.5.5, §12.5.6.19) into an
 * update: a new field (one merged field/widget, or a field with one widget per page strip), or the value
 * of an existing empty signature field.
 */
import { PdfDict, PdfStream, PdfString, name, type PdfField, type PdfObject, type PdfRef } from '@openseal/pdf';
import { PadesFieldInvalidError } from '../errors.js';
import type { SealAppearance, WidgetSpec } from '../widget-spec.js';
import type { RevisionEdit } from './revision-edit.js';

/** Annotation flag Print (bit 3); 132 adds Locked (bit 8), as pyHanko writes for document timestamps. */
export const WIDGET_PRINT = 4;
export const WIDGET_PRINT_LOCKED = 132;

export interface SignatureFieldInput {
  readonly fieldName: string;
  /** The signature dictionary (the field's /V). */
  readonly value: PdfRef;
  /** Visible widgets; absent or empty: one invisible widget (/Rect [0 0 0 0]) on the first page. */
  readonly appearance?: SealAppearance;
  readonly widgetFlags?: number;
  /** The field's /Lock dictionary (new fields only). */
  readonly lock?: PdfDict;
  /** Sign into this existing, empty signature field instead of creating one. */
  readonly existing?: PdfField;
  /**
   * Several widgets (a riding-seam seal): 'kids' (default) makes them kid widgets of the one field
   * (ISO 32000-2 §12.7.4); 'stamps' keeps the first as the field's widget and writes the others as
   * Stamp annotations in the same signed revision (poppler and MuPDF list kid widgets as fields).
   */
  readonly multiWidget?: 'kids' | 'stamps';
}

/** Annotation flags Print | ReadOnly | Locked (ISO 32000-2 Table 167). */
const STAMP_FLAGS = 4 | 64 | 128;

const INVISIBLE: WidgetSpec = { pageIndex: 0, rect: [0, 0, 0, 0] };

/** An empty Form XObject: invisible widgets still get a normal appearance (PDF/A, §12.5.5). */
function emptyAppearance(edit: RevisionEdit, w: number, h: number): PdfRef {
  const dict = new PdfDict([
    ['Type', name('XObject')],
    ['Subtype', name('Form')],
    ['BBox', [0, 0, w, h]],
  ]);
  return edit.writer.add(new PdfStream(dict, new Uint8Array(0)));
}

function appearanceOf(edit: RevisionEdit, spec: WidgetSpec): PdfDict {
  const [x1, y1, x2, y2] = spec.rect;
  const n = spec.appearance ? spec.appearance(edit.writer, edit.view) : emptyAppearance(edit, Math.abs(x2 - x1), Math.abs(y2 - y1));
  return new PdfDict([['N', n]]);
}

function checkRect(spec: WidgetSpec): void {
  if (!spec.rect.every((v) => Number.isFinite(v))) throw new PadesFieldInvalidError('(new)', 'widget rectangle is not finite');
}

/** Widget entries shared by merged and separate widgets. */
function widgetEntries(edit: RevisionEdit, spec: WidgetSpec, self: PdfRef, flags: number): [string, PdfObject][] {
  checkRect(spec);
  const pageRef = edit.addAnnotation(spec.pageIndex, self);
  return [
    ['Type', name('Annot')],
    ['Subtype', name('Widget')],
    ['Rect', [...spec.rect]],
    ['P', pageRef],
    ['F', flags],
    ['AP', appearanceOf(edit, spec)],
  ];
}

/** Adds the field (or fills an existing one) and returns the field's reference. */
export function addSignatureField(edit: RevisionEdit, input: SignatureFieldInput): PdfRef {
  const form = edit.acroForm();
  // §12.7.3 Table 224: SignaturesExist | AppendOnly.
  form.set('SigFlags', 3);
  if (input.existing) return fillExistingField(edit, input, input.existing);
  const flags = input.widgetFlags ?? WIDGET_PRINT;
  const specs = input.appearance && input.appearance.widgets.length > 0 ? input.appearance.widgets : [INVISIBLE];
  const fieldRef = edit.writer.allocate();
  const field = new PdfDict([
    ['FT', name('Sig')],
    ['T', PdfString.fromText(input.fieldName)],
    ['V', input.value],
  ]);
  if (input.lock) field.set('Lock', input.lock);
  if (specs.length === 1 || input.multiWidget === 'stamps') {
    for (const [k, v] of widgetEntries(edit, specs[0] as WidgetSpec, fieldRef, flags)) field.set(k, v);
    for (const [i, spec] of specs.slice(1).entries()) {
      const ref = edit.writer.allocate();
      const entries = widgetEntries(edit, spec, ref, STAMP_FLAGS).map(([k, v]): [string, PdfObject] => (k === 'Subtype' ? [k, name('Stamp')] : [k, v]));
      // /NM ties each strip to its signature field (unique annotation name, ISO 32000-2 Table 166).
      edit.writer.set(ref, new PdfDict([...entries, ['NM', PdfString.fromText(`${input.fieldName}#${i + 2}`)]]));
    }
  } else {
    const kids: PdfRef[] = [];
    for (const spec of specs) {
      const ref = edit.writer.allocate();
      const widget = new PdfDict([...widgetEntries(edit, spec, ref, flags), ['Parent', fieldRef]]);
      edit.writer.set(ref, widget);
      kids.push(ref);
    }
    field.set('Kids', kids);
  }
  edit.writer.set(fieldRef, field);
  edit.fields().push(fieldRef);
  return fieldRef;
}

function fillExistingField(edit: RevisionEdit, input: SignatureFieldInput, existing: PdfField): PdfRef {
  if (existing.type !== 'Sig') throw new PadesFieldInvalidError(existing.name, 'not a signature field');
  if (existing.value !== undefined && existing.value !== null) throw new PadesFieldInvalidError(existing.name, 'already signed');
  if (!existing.ref) throw new PadesFieldInvalidError(existing.name, 'the field is not an indirect object');
  const field = existing.dict.clone();
  field.set('V', input.value);
  const specs = input.appearance?.widgets ?? [];
  if (specs.length > 1) throw new PadesFieldInvalidError(existing.name, 'an existing field takes one widget appearance');
  const spec = specs[0];
  const widgets = existing.widgets;
  if (widgets.length === 0) {
    // A field without a widget: give it one, merged into the field dictionary.
    for (const [k, v] of widgetEntries(edit, spec ?? INVISIBLE, existing.ref, input.widgetFlags ?? WIDGET_PRINT)) field.set(k, v);
  } else if (spec) {
    const w = widgets[0] as (typeof widgets)[number];
    if (widgets.length > 1) throw new PadesFieldInvalidError(existing.name, 'the field has several widgets');
    if (w.pageIndex >= 0 && w.pageIndex !== spec.pageIndex) throw new PadesFieldInvalidError(existing.name, `its widget is on page ${w.pageIndex + 1}`);
    checkRect(spec);
    const target = w.ref?.equals(existing.ref) ? field : w.dict.clone();
    target.set('Rect', [...spec.rect]).set('AP', appearanceOf(edit, spec));
    if (target !== field && w.ref) edit.writer.set(w.ref, target);
  } else {
    for (const w of widgets) {
      if (w.dict.has('AP')) continue;
      const target = w.ref?.equals(existing.ref) ? field : w.dict.clone();
      target.set('AP', appearanceOf(edit, { pageIndex: w.pageIndex, rect: rectOf(w.dict) }));
      if (target !== field && w.ref) edit.writer.set(w.ref, target);
    }
  }
  edit.writer.set(existing.ref, field);
  return existing.ref;
}

function rectOf(d: PdfDict): [number, number, number, number] {
  const r = d.get('Rect');
  if (Array.isArray(r) && r.length === 4 && r.every((v) => typeof v === 'number')) return r as [number, number, number, number];
  return [0, 0, 0, 0];
}
