/** Form XObjects (ISO 32000-2 §8.10) with their own resources, and Flate-compressed streams. */
import { PdfDict, PdfName, PdfStream, type PdfObject, type PdfRef } from '@openseal/pdf';
import { zlibSync } from 'fflate';
import type { ObjectSink } from './object-sink.js';
import type { Matrix } from './page-frame.js';

/** A stream object whose data is Flate-compressed (§7.4.4) unless that does not make it smaller. */
export function flateStream(entries: Record<string, PdfObject>, data: Uint8Array): PdfStream {
  const d = new PdfDict(Object.entries(entries));
  const packed = zlibSync(data, { level: 6 });
  if (packed.length < data.length) {
    d.set('Filter', new PdfName('FlateDecode'));
    return new PdfStream(d, packed);
  }
  return new PdfStream(d, data);
}

/** Resource names local to one form; prefixed so they never clash with names a viewer adds. */
export class ResourceNames {
  readonly #xobjects = new Map<string, PdfRef>();
  readonly #fonts = new Map<string, PdfRef>();
  readonly #states = new Map<string, PdfObject>();

  #name(map: Map<string, unknown>, prefix: string, ref: PdfRef): string {
    for (const [k, v] of map) if (v === ref || (v as PdfRef).num === ref.num) return k;
    return `${prefix}${map.size + 1}`;
  }

  xobject(ref: PdfRef): string {
    const n = this.#name(this.#xobjects, 'OsX', ref);
    this.#xobjects.set(n, ref);
    return n;
  }

  font(ref: PdfRef): string {
    const n = this.#name(this.#fonts, 'OsF', ref);
    this.#fonts.set(n, ref);
    return n;
  }

  /** An ExtGState (§8.4.5) entry, e.g. { ca: 0.9 }. */
  graphicsState(entries: Record<string, PdfObject>): string {
    const n = `OsGs${this.#states.size + 1}`;
    this.#states.set(n, new PdfDict(Object.entries(entries)));
    return n;
  }

  toDict(): PdfDict {
    const res = new PdfDict();
    const sub = (m: Map<string, PdfObject>): PdfDict => new PdfDict([...m.entries()]);
    if (this.#xobjects.size > 0) res.set('XObject', sub(this.#xobjects));
    if (this.#fonts.size > 0) res.set('Font', sub(this.#fonts));
    if (this.#states.size > 0) res.set('ExtGState', sub(this.#states));
    return res;
  }
}

export interface FormXObjectSpec {
  readonly width: number;
  readonly height: number;
  readonly matrix?: Matrix;
  readonly resources: ResourceNames;
  readonly content: Uint8Array;
}

/** Adds a Form XObject with /BBox [0 0 w h] and returns its reference. */
export function addFormXObject(sink: ObjectSink, spec: FormXObjectSpec): PdfRef {
  const m = spec.matrix;
  const entries: Record<string, PdfObject> = {
    Type: new PdfName('XObject'),
    Subtype: new PdfName('Form'),
    FormType: 1,
    BBox: [0, 0, round(spec.width), round(spec.height)],
    Resources: spec.resources.toDict(),
  };
  if (m && !(m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1 && m[4] === 0 && m[5] === 0)) entries['Matrix'] = m.map(round);
  return sink.add(flateStream(entries, spec.content));
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
