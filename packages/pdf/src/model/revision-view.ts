/** The document as it was at the end of one revision: object lookups ignore every later update. */
import { PdfDict, PdfRef, PdfStream, type PdfObject } from '../core/objects.js';
import { revisionEntry, type PdfRevision } from '../core/revision.js';
import type { XrefEntry } from '../core/xref-section.js';
import { PdfLimitExceededError, PdfMalformedError, PdfUnsupportedError } from '../errors.js';
import type { DecodedStream } from '../filters/decode-stream.js';
import { Lexer } from '../parse/lexer.js';
import { ObjectParser } from '../parse/object-parser.js';
import type { ObjectLoader } from './object-loader.js';

const MAX_REF_CHAIN = 32;

/** Repairs an object whose xref entry is wrong; supplied by the document (scans the file once). */
export type Repairer = (num: number) => XrefEntry | undefined;

export class RevisionView {
  readonly #inProgress = new Set<number>();

  constructor(
    readonly loader: ObjectLoader,
    /** Revisions 0..index, oldest first. */
    readonly revisions: readonly PdfRevision[],
    readonly repair: Repairer,
  ) {}

  get revision(): PdfRevision {
    return this.revisions[this.revisions.length - 1] as PdfRevision;
  }

  get trailer(): PdfDict {
    return this.revision.trailer;
  }

  /** The xref entry in force for `num` at this revision. */
  entry(num: number): XrefEntry | undefined {
    for (let i = this.revisions.length - 1; i >= 0; i--) {
      const e = revisionEntry(this.revisions[i] as PdfRevision, num);
      if (e) return e;
    }
    return undefined;
  }

  /** ISO 32000-2 §7.3.10: a reference to a missing or free object is the null object. */
  getObject(target: PdfRef | number): PdfObject {
    const num = typeof target === 'number' ? target : target.num;
    if (this.#inProgress.has(num)) throw new PdfMalformedError('object refers to itself while loading', { num });
    const entry = this.entry(num);
    if (!entry || entry.type === 'free') return null;
    if (typeof target !== 'number' && entry.gen !== target.gen) return null;
    this.#inProgress.add(num);
    try {
      return this.#load(entry);
    } finally {
      this.#inProgress.delete(num);
    }
  }

  #load(entry: XrefEntry): PdfObject {
    if (entry.type === 'offset') {
      // An unresolvable /Length (missing, looping, damaged) falls back to searching for endstream.
      const resolveLength = (r: PdfRef): number | undefined => {
        if (this.#inProgress.has(r.num)) return undefined;
        try {
          const v = this.getObject(r);
          return typeof v === 'number' ? v : undefined;
        } catch (e) {
          if (e instanceof PdfMalformedError) return undefined;
          throw e;
        }
      };
      try {
        const o = this.loader.atOffset(entry.offset, resolveLength);
        if (o.num !== entry.num) throw new PdfMalformedError('xref entry points at another object', { num: entry.num, offset: entry.offset });
        return o.value;
      } catch (e) {
        if (!(e instanceof PdfMalformedError)) throw e;
        const fixed = this.repair(entry.num);
        if (!fixed || fixed.type !== 'offset' || fixed.offset === entry.offset) throw e;
        const o = this.loader.atOffset(fixed.offset, resolveLength);
        return o.value;
      }
    }
    if (entry.type === 'compressed') {
      const streamEntry = this.entry(entry.stream);
      if (!streamEntry || streamEntry.type !== 'offset') throw new PdfMalformedError('object stream not found', { num: entry.num, stream: entry.stream });
      const stream = this.getObject(entry.stream);
      if (!(stream instanceof PdfStream)) throw new PdfMalformedError('object stream is not a stream', { stream: entry.stream });
      return this.loader.inStream(streamEntry.offset, stream, entry.index, entry.num, (o) => this.resolve(o));
    }
    return null;
  }

  /**
   * The byte span [start, end) of `key`'s value in the outermost dictionary of object `num`, when that
   * object is stored uncompressed (e.g. where a signature's /Contents hex string sits in the file).
   */
  valueSpan(num: number, key: string): { start: number; end: number } | undefined {
    const entry = this.entry(num);
    if (!entry || entry.type !== 'offset') return undefined;
    const spans = new Map<string, readonly [number, number]>();
    const lx = new Lexer(this.loader.bytes, this.loader.limits, this.loader.budget, entry.offset);
    const resolveLength = (r: PdfRef): number | undefined => {
      const v = r.num === num ? undefined : this.getObject(r);
      return typeof v === 'number' ? v : undefined;
    };
    const o = new ObjectParser(lx, { resolveLength, valueSpans: spans }).parseIndirect();
    const span = o.num === num ? spans.get(key) : undefined;
    return span ? { start: span[0], end: span[1] } : undefined;
  }

  /** Follows indirect references (a bounded chain) to a direct object; undefined stays undefined. */
  resolve(o: PdfObject | undefined): PdfObject | undefined {
    let v = o;
    for (let i = 0; v instanceof PdfRef; i++) {
      if (i >= MAX_REF_CHAIN) throw new PdfMalformedError('chain of references too long');
      v = this.getObject(v);
    }
    return v;
  }

  /** `dict[key]` with references followed. */
  get(d: PdfDict | undefined, key: string): PdfObject | undefined {
    return d ? this.resolve(d.get(key)) : undefined;
  }

  /** Decodes a stream's filters; image filters (DCT, JPX, JBIG2, CCITT) are left undecoded. */
  decodeStream(stream: PdfStream, maxOutput?: number): DecodedStream {
    return this.loader.decode(stream, (o) => this.resolve(o), maxOutput);
  }

  /** The fully decoded data of a stream; PDF_UNSUPPORTED if an image filter remains. */
  streamData(stream: PdfStream, maxOutput?: number): Uint8Array {
    const d = this.decodeStream(stream, maxOutput);
    if (d.remainingFilters.length > 0) throw new PdfUnsupportedError('image filter', { filter: d.remainingFilters[0]?.name });
    return d.data;
  }

  /** One past the highest object number in use: the trailer /Size, or more if sections list more. */
  get size(): number {
    const s = this.trailer.get('Size');
    let size = typeof s === 'number' && Number.isInteger(s) && s > 0 ? s : 0;
    for (const r of this.revisions) for (const sec of r.sections) size = Math.max(size, sec.maxNum + 1);
    if (size > this.loader.limits.maxObjectNumber + 1) throw new PdfLimitExceededError('maxObjectNumber', this.loader.limits.maxObjectNumber, { size });
    return size;
  }

  get catalog(): PdfDict {
    const root = this.resolve(this.trailer.get('Root'));
    if (!(root instanceof PdfDict)) throw new PdfMalformedError('trailer /Root is not a dictionary');
    return root;
  }
}
