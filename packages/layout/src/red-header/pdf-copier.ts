/**
 * Copies objects from a read document into a new file: every indirect object reached is written once
 * under a new number (cycles are fine: a reference is mapped before its object is copied). Streams keep
 * their encoded data and filters; decryption already happened on reading.
 */
import { PdfDict, PdfRef, PdfStream, type PdfObject, type RevisionView } from '@openseal/pdf';
import type { PdfWriter } from '../pdf/pdf-writer.js';

export class PdfCopier {
  readonly #map = new Map<number, PdfRef>();
  readonly #replacements = new Map<number, PdfObject | PdfStream>();

  constructor(
    private readonly view: RevisionView,
    private readonly writer: PdfWriter,
  ) {}

  /** Copies `replacement` wherever the object numbered `num` is referenced. */
  replace(num: number, replacement: PdfObject | PdfStream): void {
    this.#replacements.set(num, replacement);
  }

  copy(o: PdfObject | PdfStream | undefined): PdfObject {
    if (o === undefined) return null;
    if (o instanceof PdfRef) {
      const hit = this.#map.get(o.num);
      if (hit !== undefined) return hit;
      const ref = this.writer.allocate();
      this.#map.set(o.num, ref);
      const target = this.#replacements.get(o.num) ?? this.view.getObject(o);
      this.writer.set(ref, target instanceof PdfStream ? this.copyStream(target) : this.copy(target));
      return ref;
    }
    if (o instanceof PdfStream) return this.writer.add(this.copyStream(o));
    if (Array.isArray(o)) return o.map((x) => this.copy(x));
    if (o instanceof PdfDict) {
      const d = new PdfDict();
      for (const [k, v] of o.entries()) d.set(k, this.copy(v));
      return d;
    }
    return o;
  }

  private copyStream(s: PdfStream): PdfStream {
    const d = this.copy(s.dict) as PdfDict;
    d.set('Length', s.encoded.length);
    return new PdfStream(d, s.encoded);
  }
}
