import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from '../core/objects.js';
import { PdfInvalidObjectError } from '../errors.js';
import { flateEncode } from '../filters/flate.js';
import { ByteWriter } from './byte-writer.js';
import { serializeObject } from './serialize.js';
import type { WrittenObject } from './xref-writer.js';

export interface PdfFileWriterOptions {
  /** Flate-compress streams that have no /Filter yet (default true). */
  readonly compressStreams?: boolean;
  /** Header version (default "1.7"). */
  readonly version?: string;
}

/**
 * Writes a complete new PDF file (ISO 32000-1 §7.5): header with a binary comment, numbered indirect
 * objects, a classic cross-reference table and trailer. For new documents only; updates of existing files
 * go through IncrementalWriter, which never rewrites their bytes.
 */
export class PdfFileWriter {
  readonly #objects = new Map<number, PdfObject>();
  #next = 1;

  constructor(private readonly options: PdfFileWriterOptions = {}) {}

  /** Reserves an object number (fill it later with set). */
  allocate(): PdfRef {
    return new PdfRef(this.#next++, 0);
  }

  set(ref: PdfRef, obj: PdfObject): PdfRef {
    if (ref.gen !== 0 || ref.num >= this.#next || ref.num < 1) throw new PdfInvalidObjectError('reference was not allocated by this writer', { num: ref.num });
    this.#objects.set(ref.num, obj);
    return ref;
  }

  add(obj: PdfObject): PdfRef {
    return this.set(this.allocate(), obj);
  }

  /** Serialises everything; `root` is the catalog, `info` the optional document information dictionary. */
  write(root: PdfRef, info?: PdfRef, id?: Uint8Array): Uint8Array {
    const w = new ByteWriter();
    w.text(`%PDF-${this.options.version ?? '1.7'}\n%`).bytes(Uint8Array.of(0xe2, 0xe3, 0xcf, 0xd3)).text('\n');
    const written: WrittenObject[] = [];
    for (let num = 1; num < this.#next; num++) {
      const obj = this.#objects.get(num);
      if (obj === undefined) throw new PdfInvalidObjectError('allocated object was never set', { num });
      written.push({ num, gen: 0, offset: w.length });
      w.text(`${num} 0 obj\n`);
      if (obj instanceof PdfStream) this.writeStream(w, obj);
      else serializeObject(w, obj);
      w.text('\nendobj\n');
    }
    const trailer = new PdfDict([
      ['Size', this.#next],
      ['Root', root],
    ]);
    if (info !== undefined) trailer.set('Info', info);
    if (id !== undefined) trailer.set('ID', [new PdfString(id, true), new PdfString(id, true)]);
    writeXrefTableFromZero(w, written, trailer);
    return w.toBytes();
  }

  private writeStream(w: ByteWriter, s: PdfStream): void {
    const dict = s.dict.clone();
    let data = s.encoded;
    if ((this.options.compressStreams ?? true) && !dict.has('Filter') && data.length > 64) {
      data = flateEncode(data);
      dict.set('Filter', new PdfName('FlateDecode'));
    }
    dict.set('Length', data.length);
    serializeObject(w, dict);
    w.text('\nstream\n').bytes(data).text('\nendstream');
  }
}

/** §7.5.4: one subsection from object 0 (the free-list head), then every object in order. */
function writeXrefTableFromZero(w: ByteWriter, objs: readonly WrittenObject[], trailer: PdfDict): void {
  const offset = w.length;
  w.text(`xref\n0 ${objs.length + 1}\n0000000000 65535 f\r\n`);
  for (const o of objs) w.text(`${String(o.offset).padStart(10, '0')} 00000 n\r\n`);
  w.text('trailer\n');
  serializeObject(w, trailer);
  w.text(`\nstartxref\n${offset}\n%%EOF\n`);
}
