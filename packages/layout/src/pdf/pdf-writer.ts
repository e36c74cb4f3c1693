/**
 * Writes a new PDF file (ISO 32000-1 §7.5: header, body, classic xref table, trailer) from objects
 * built with @openseal/pdf's object model. Streams are Flate-compressed unless they already carry a
 * /Filter. The file ID is a digest of the body, so equal inputs give byte-identical files.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { ByteWriter, PdfDict, PdfName, PdfRef, PdfStream, PdfString, serializeObject, type PdfObject } from '@openseal/pdf';
import { zlibSync } from 'fflate';

export class PdfWriter {
  readonly #objects: (PdfObject | PdfStream | undefined)[] = [];

  allocate(): PdfRef {
    this.#objects.push(undefined);
    return new PdfRef(this.#objects.length, 0);
  }

  set(ref: PdfRef, obj: PdfObject | PdfStream): PdfRef {
    this.#objects[ref.num - 1] = obj;
    return ref;
  }

  add(obj: PdfObject | PdfStream): PdfRef {
    return this.set(this.allocate(), obj);
  }

  /** A stream object; `compress` (default true) applies /FlateDecode. */
  stream(data: Uint8Array, entries: Record<string, PdfObject> = {}, compress = true): PdfRef {
    const dict = new PdfDict(Object.entries(entries));
    let body = data;
    if (compress && !dict.has('Filter')) {
      body = zlibSync(data, { level: 6 });
      dict.set('Filter', new PdfName('FlateDecode'));
    }
    dict.set('Length', body.length);
    return this.add(new PdfStream(dict, body));
  }

  toBytes(root: PdfRef, info?: PdfRef): Uint8Array {
    const w = new ByteWriter();
    // §7.5.2: a comment with four bytes ≥ 128 right after the header marks the file as binary.
    w.text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
    const offsets: number[] = [];
    this.#objects.forEach((o, i) => {
      if (o === undefined) throw new Error(`object ${i + 1} was allocated but never set`);
      offsets.push(w.length);
      w.text(`${i + 1} 0 obj\n`);
      if (o instanceof PdfStream) {
        serializeObject(w, o.dict);
        w.text('\nstream\n').bytes(o.encoded).text('\nendstream');
      } else serializeObject(w, o);
      w.text('\nendobj\n');
    });
    const id = PdfString.fromLatin1(String.fromCharCode(...sha256(w.toBytes()).subarray(0, 16)), true);
    const xref = w.length;
    w.text(`xref\n0 ${this.#objects.length + 1}\n0000000000 65535 f\r\n`);
    for (const off of offsets) w.text(`${String(off).padStart(10, '0')} 00000 n\r\n`);
    const trailer = new PdfDict([
      ['Size', this.#objects.length + 1],
      ['Root', root],
      ['ID', [id, id]],
    ]);
    if (info !== undefined) trailer.set('Info', info);
    w.text('trailer\n');
    serializeObject(w, trailer);
    w.text(`\nstartxref\n${xref}\n%%EOF\n`);
    return w.toBytes();
  }
}

/** A /Pages tree with one level, and the catalog pointing at it. */
export function writePageTree(writer: PdfWriter, pages: readonly PdfRef[], pagesRef: PdfRef): PdfRef {
  writer.set(pagesRef, new PdfDict([
    ['Type', new PdfName('Pages')],
    ['Kids', [...pages]],
    ['Count', pages.length],
  ]));
  return writer.add(new PdfDict([
    ['Type', new PdfName('Catalog')],
    ['Pages', pagesRef],
  ]));
}
