/**
 * Signature dictionaries (ISO 32000-2 §12.8.1, Table 255) found through the AcroForm of every revision,
 * each with the revision that wrote it and where its /Contents string sits in the file.
 */
import { PdfDict, PdfName, PdfRef, PdfString, type PdfObject } from '../core/objects.js';
import { revisionEntry } from '../core/revision.js';
import { listFields, type PdfField } from './acroform.js';
import type { PdfDocument } from './pdf-document.js';
import type { RevisionView } from './revision-view.js';

export interface PdfSignatureInfo {
  readonly fieldName: string;
  readonly field: PdfField;
  /** The /V reference of the field (undefined when the dictionary is written inline). */
  readonly signatureRef: PdfRef | undefined;
  readonly dict: PdfDict;
  /** /Type: Sig, DocTimeStamp, or undefined when absent. */
  readonly type: string | undefined;
  readonly filter: string | undefined;
  readonly subFilter: string | undefined;
  /** /ByteRange as written (not validated here). */
  readonly byteRange: readonly number[] | undefined;
  /** /Contents bytes, zero padding included. */
  readonly contents: Uint8Array | undefined;
  /** Where the /Contents string token (with its delimiters) is in the file, if stored uncompressed. */
  readonly contentsSpan: { readonly start: number; readonly end: number } | undefined;
  readonly signingTime: string | undefined;
  readonly reason: string | undefined;
  readonly location: string | undefined;
  readonly name: string | undefined;
  readonly contactInfo: string | undefined;
  /** /Reference (signature reference dictionaries, DocMDP / FieldMDP), resolved one level. */
  readonly reference: PdfObject | undefined;
  /** The revision whose xref section wrote the signature dictionary (or its field, when inline). */
  readonly revision: number;
  /** The revision whose end equals ByteRange[2] + ByteRange[3], if any (the revision it signed). */
  readonly signedRevision: number | undefined;
  /** False when the signature is listed only by an earlier revision's AcroForm. */
  readonly inCurrentForm: boolean;
}

function text(view: RevisionView, d: PdfDict, key: string): string | undefined {
  const v = view.resolve(d.get(key));
  return v instanceof PdfString ? v.text : undefined;
}

function writtenIn(doc: PdfDocument, num: number, upTo: number): number {
  for (let i = upTo; i >= 0; i--) if (revisionEntry(doc.revisions[i]!, num)) return i;
  return 0;
}

function signaturesIn(doc: PdfDocument, revisionIndex: number, inCurrentForm: boolean): PdfSignatureInfo[] {
  const view = doc.revision(revisionIndex);
  const out: PdfSignatureInfo[] = [];
  for (const field of listFields(view)) {
    if (field.type !== 'Sig') continue;
    const v = field.value;
    const dict = view.resolve(v);
    if (!(dict instanceof PdfDict)) continue;
    const signatureRef = v instanceof PdfRef ? v : undefined;
    const br = view.resolve(dict.get('ByteRange'));
    const byteRange = Array.isArray(br) ? br.map((x) => view.resolve(x)).filter((x): x is number => typeof x === 'number') : undefined;
    const c = view.resolve(dict.get('Contents'));
    const holder = signatureRef ?? field.ref;
    const revision = holder ? writtenIn(doc, holder.num, revisionIndex) : 0;
    const coveredEnd = byteRange && byteRange.length === 4 ? (byteRange[2] as number) + (byteRange[3] as number) : undefined;
    const signed = coveredEnd === undefined ? -1 : doc.revisions.findIndex((r) => r.end === coveredEnd);
    const type = view.resolve(dict.get('Type'));
    const filter = view.resolve(dict.get('Filter'));
    const subFilter = view.resolve(dict.get('SubFilter'));
    out.push({
      fieldName: field.name,
      field,
      signatureRef,
      dict,
      type: type instanceof PdfName ? type.value : undefined,
      filter: filter instanceof PdfName ? filter.value : undefined,
      subFilter: subFilter instanceof PdfName ? subFilter.value : undefined,
      byteRange,
      contents: c instanceof PdfString ? c.bytes : undefined,
      contentsSpan: signatureRef ? view.valueSpan(signatureRef.num, 'Contents') : undefined,
      signingTime: text(view, dict, 'M'),
      reason: text(view, dict, 'Reason'),
      location: text(view, dict, 'Location'),
      name: text(view, dict, 'Name'),
      contactInfo: text(view, dict, 'ContactInfo'),
      reference: view.resolve(dict.get('Reference')),
      revision,
      signedRevision: signed < 0 ? undefined : signed,
      inCurrentForm,
    });
  }
  return out;
}

/**
 * Every signature field with a value, in the current AcroForm order, followed by any that only an
 * earlier revision's AcroForm lists (a later update removed them from the form).
 */
export function listSignatures(doc: PdfDocument): PdfSignatureInfo[] {
  const last = doc.revisions.length - 1;
  const out = signaturesIn(doc, last, true);
  const key = (s: PdfSignatureInfo): string => (s.signatureRef ? `r${s.signatureRef.num}` : s.field.ref ? `f${s.field.ref.num}` : `n${s.fieldName}`);
  const seen = new Set(out.map(key));
  for (let i = last - 1; i >= 0; i--) {
    for (const s of signaturesIn(doc, i, false)) {
      if (seen.has(key(s))) continue;
      seen.add(key(s));
      out.push(s);
    }
  }
  return out;
}
