import { equalBytes } from '@openseal/kernel';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from '@openseal/pdf';

const MAX_DEPTH = 64;

/** Structural equality of two direct objects (references compared as references, streams by bytes). */
export function pdfObjectEqual(a: PdfObject | undefined, b: PdfObject | undefined, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (a instanceof PdfName) return b instanceof PdfName && a.value === b.value;
  if (a instanceof PdfString) return b instanceof PdfString && equalBytes(a.bytes, b.bytes);
  if (a instanceof PdfRef) return b instanceof PdfRef && a.equals(b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => pdfObjectEqual(x, b[i], depth + 1));
  if (a instanceof PdfDict) {
    if (!(b instanceof PdfDict) || a.size !== b.size) return false;
    for (const [k, v] of a.entries()) if (!b.has(k) || !pdfObjectEqual(v, b.get(k), depth + 1)) return false;
    return true;
  }
  if (a instanceof PdfStream) {
    return b instanceof PdfStream && pdfObjectEqual(withoutLength(a.dict), withoutLength(b.dict), depth + 1) && equalBytes(a.encoded, b.encoded);
  }
  return false;
}

function withoutLength(d: PdfDict): PdfDict {
  const c = d.clone();
  c.delete('Length');
  return c;
}

/** Keys whose values differ between two dictionaries (added, removed or changed). */
export function changedKeys(before: PdfDict | undefined, after: PdfDict | undefined): string[] {
  const keys = new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])]);
  return [...keys].filter((k) => !pdfObjectEqual(before?.get(k), after?.get(k)));
}
