// Test-only: writes a whole new PDF (classic xref table) from objects, for generated fixtures.
import { ByteWriter, PdfDict, PdfRef, PdfStream, serializeObject, type PdfObject } from '@openseal/pdf';
import type { ObjectSink } from '../../src/appearance/object-sink.js';

export class NewPdf implements ObjectSink {
  readonly #objects: (PdfObject | undefined)[] = [];

  allocate(): PdfRef {
    this.#objects.push(undefined);
    return new PdfRef(this.#objects.length, 0);
  }

  set(ref: PdfRef, value: PdfObject): void {
    this.#objects[ref.num - 1] = value;
  }

  add(value: PdfObject): PdfRef {
    const r = this.allocate();
    this.set(r, value);
    return r;
  }

  /** The file: header, objects, xref table, trailer (ISO 32000-2 §7.5). */
  toBytes(root: PdfRef, info?: PdfRef): Uint8Array {
    const w = new ByteWriter();
    w.text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
    const offsets: number[] = [];
    this.#objects.forEach((o, i) => {
      if (o === undefined) throw new Error(`object ${i + 1} was allocated but never set`);
      offsets.push(w.length);
      w.text(`${i + 1} 0 obj\n`);
      if (o instanceof PdfStream) {
        const d = o.dict.clone();
        d.set('Length', o.encoded.length);
        serializeObject(w, d);
        w.text('\nstream\n').bytes(o.encoded).text('\nendstream');
      } else serializeObject(w, o);
      w.text('\nendobj\n');
    });
    const xref = w.length;
    w.text(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`);
    for (const off of offsets) w.text(`${String(off).padStart(10, '0')} 00000 n \n`);
    const trailer = new PdfDict([['Size', offsets.length + 1], ['Root', root]]);
    if (info) trailer.set('Info', info);
    w.text('trailer\n');
    serializeObject(w, trailer);
    w.text(`\nstartxref\n${xref}\n%%EOF\n`);
    return w.toBytes();
  }
}
