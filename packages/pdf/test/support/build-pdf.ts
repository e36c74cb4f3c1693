/** Test-only: builds small PDFs from objects (classic xref), to make fixtures inside tests. */
import { ByteWriter, PdfDict, PdfStream, ref, serializeObject, type PdfObject } from '@openseal/pdf';

export interface BuildOptions {
  /** Extra trailer entries; /Size is computed, /Root defaults to object 1. */
  readonly trailer?: Record<string, PdfObject>;
  /** Raw text appended after %%EOF (to test trailing data). */
  readonly tail?: string;
}

/** Object i + 1 is `objects[i]`; returns the file bytes. */
export function buildPdf(objects: readonly PdfObject[], options: BuildOptions = {}): Uint8Array {
  const w = new ByteWriter();
  w.text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(w.length);
    w.text(`${i + 1} 0 obj\n`);
    if (o instanceof PdfStream) {
      const d = o.dict.clone().set('Length', o.encoded.length);
      serializeObject(w, d);
      w.text('\nstream\n').bytes(o.encoded).text('\nendstream');
    } else serializeObject(w, o);
    w.text('\nendobj\n');
  });
  const xref = w.length;
  w.text(`xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`);
  for (const off of offsets) w.text(`${String(off).padStart(10, '0')} 00000 n\r\n`);
  const trailer = new PdfDict(Object.entries({ Size: objects.length + 1, ...options.trailer }));
  if (!trailer.has('Root')) trailer.set('Root', ref(1));
  w.text('trailer\n');
  serializeObject(w, trailer);
  w.text(`\nstartxref\n${xref}\n%%EOF\n${options.tail ?? ''}`);
  return w.toBytes();
}
