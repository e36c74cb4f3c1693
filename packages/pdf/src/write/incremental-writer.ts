/**
 * Appends one revision to a PDF (ISO 32000-2 §7.5.6 incremental update): new and replaced objects, an
 * xref section in the style of the last revision, and a trailer with /Prev. Existing bytes are never
 * touched; when appending would not be safe the writer refuses (PDF_CANNOT_APPEND) instead of rewriting.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { InvalidArgumentError, type RandomSource } from '@openseal/kernel';
import type { PdfPlaceholder} from '../core/objects.js';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfObject } from '../core/objects.js';
import { PdfCannotAppendError, PdfInvalidObjectError } from '../errors.js';
import { flateEncode } from '../filters/flate.js';
import { isSignatureDict } from '../model/object-loader.js';
import type { PdfDocument } from '../model/pdf-document.js';
import { ByteWriter } from './byte-writer.js';
import { formatName, serializeObject, type SerializeHooks } from './serialize.js';
import { writeXrefStream, writeXrefTable, type WrittenObject } from './xref-writer.js';
import { IncrementalUpdate, type PlaceholderSlot } from './incremental-update.js';

export interface IncrementalWriterOptions {
  /** Randomness for AES initialisation vectors; required to append to an AES-encrypted file. */
  readonly random?: RandomSource;
  /** Flate-compress new streams that have no /Filter yet (default false). */
  readonly compressStreams?: boolean;
  /** Xref style: 'auto' (default) follows the last revision (a hybrid file gets a classic table). */
  readonly xrefStyle?: 'auto' | 'table' | 'stream';
}

/** Trailer keys carried into the new trailer (ISO 32000-2 §7.5.5 Table 15); the rest are per-section. */
const CARRIED_TRAILER_KEYS = ['Root', 'Info', 'ID', 'Encrypt'] as const;

export class IncrementalWriter {
  readonly #doc: PdfDocument;
  readonly #options: IncrementalWriterOptions;
  readonly #objects = new Map<number, { gen: number; value: PdfObject }>();
  readonly #trailerExtras = new PdfDict();
  #next: number;
  #written = false;

  constructor(doc: PdfDocument, options: IncrementalWriterOptions = {}) {
    if (doc.recovered) throw new PdfCannotAppendError('the cross-reference structure was reconstructed');
    if (doc.startxref < 0) throw new PdfCannotAppendError('no startxref to chain to');
    const enc = doc.encryption;
    if (enc && (enc.stringMethod.startsWith('AES') || enc.streamMethod.startsWith('AES')) && !options.random) {
      throw new InvalidArgumentError('appending to an AES-encrypted PDF needs a RandomSource for the IVs');
    }
    this.#doc = doc;
    this.#options = options;
    this.#next = doc.latest.size;
  }

  /** Reserves the next free object number (from the trailer /Size upwards). */
  allocate(): PdfRef {
    if (this.#next > this.#doc.limits.maxObjectNumber) throw new PdfCannotAppendError('object numbers exhausted', { next: this.#next });
    return new PdfRef(this.#next++, 0);
  }

  /** Adds a new object and returns its reference. */
  add(value: PdfObject): PdfRef {
    const r = this.allocate();
    this.set(r, value);
    return r;
  }

  /** Writes `value` as object `ref`: an allocated number, or an existing object replaced in place. */
  set(ref: PdfRef, value: PdfObject): void {
    if (ref.num <= 0 || ref.num >= this.#next) throw new InvalidArgumentError('object number was neither allocated nor in the document', { num: ref.num });
    const entry = this.#doc.latest.entry(ref.num);
    if (entry && entry.type !== 'free' && entry.gen !== ref.gen) throw new InvalidArgumentError('generation does not match the document', { num: ref.num, gen: ref.gen });
    if (ref.num === this.#doc.encryptObjectNumber) throw new PdfCannotAppendError('the encryption dictionary cannot be replaced');
    this.#objects.set(ref.num, { gen: ref.gen, value });
  }

  /** Sets a trailer entry of the new section (e.g. /Info); /Prev, /Size and /Encrypt are managed here. */
  setTrailer(key: string, value: PdfObject): void {
    if (['Prev', 'Size', 'Encrypt', 'XRefStm', 'Type', 'W', 'Index', 'Length', 'Filter', 'DecodeParms'].includes(key)) throw new InvalidArgumentError(`trailer key /${key} is managed by the writer`);
    this.#trailerExtras.set(key, value);
  }

  get objectCount(): number {
    return this.#objects.size;
  }

  /** Serialises the new revision. The writer can be written once per update; create another for more. */
  write(): IncrementalUpdate {
    const doc = this.#doc;
    if (this.#written) throw new InvalidArgumentError('this update was already written; start a new IncrementalWriter');
    // Reading may have repaired objects since the writer was created.
    if (doc.recovered) throw new PdfCannotAppendError('the cross-reference structure was reconstructed');
    this.#written = true;
    const original = doc.bytes;
    const sec = doc.securityHandler;
    const w = new ByteWriter();
    const last = original[original.length - 1];
    if (original.length > 0 && last !== 0x0a && last !== 0x0d) w.byte(0x0a); // the update starts on a new line
    const base = original.length;
    const written: WrittenObject[] = [];
    const slots: PlaceholderSlot[] = [];
    const seenPlaceholders = new Set<PdfPlaceholder>();
    for (const num of [...this.#objects.keys()].sort((a, b) => a - b)) {
      const { gen, value } = this.#objects.get(num) as { gen: number; value: PdfObject };
      written.push({ num, gen, offset: base + w.length });
      const encryptString = sec && num !== doc.encryptObjectNumber ? (b: Uint8Array): Uint8Array => sec.encryptString(b, num, gen, this.#random()) : undefined;
      const hooks = {
        maxDepth: doc.limits.maxDepth,
        onPlaceholder: (p: PdfPlaceholder, at: number): void => {
          if (seenPlaceholders.has(p)) throw new PdfInvalidObjectError('a placeholder can be written only once');
          seenPlaceholders.add(p);
          slots.push({ placeholder: p, objectNumber: num, offset: base + at, length: p.width });
        },
      };
      w.text(`${num} ${gen} obj\n`);
      if (value instanceof PdfStream) this.#writeStream(w, value, num, gen, { ...hooks, ...(encryptString ? { encryptString } : {}) });
      else if (value instanceof PdfDict && encryptString && isSignatureDict(value, true)) this.#writeSignatureDict(w, value, { ...hooks, encryptString });
      else serializeObject(w, value, { ...hooks, ...(encryptString ? { encryptString } : {}) });
      w.text('\nendobj\n');
    }
    const trailer = this.#trailer(w.toBytes());
    const style = this.#options.xrefStyle ?? 'auto';
    const lastKind = doc.revisions[doc.revisions.length - 1]?.kind;
    const asStream = style === 'stream' || (style === 'auto' && lastKind === 'stream');
    const xrefOffset = base + w.length;
    if (asStream) writeXrefStream(w, base, this.allocate().num, written, trailer);
    else writeXrefTable(w, base, written, trailer);
    return new IncrementalUpdate(original, w.toBytes(), xrefOffset, written, slots);
  }

  #random(): RandomSource {
    const r = this.#options.random;
    if (r) return r;
    // RC4 files need no IV: a source that is never called.
    return { bytes: () => { throw new InvalidArgumentError('randomness required'); } };
  }

  /** §7.3.8: /Length is the length of the (encrypted) data; streams are never inside other objects. */
  #writeStream(w: ByteWriter, s: PdfStream, num: number, gen: number, hooks: SerializeHooks): void {
    const d = s.dict.clone();
    let data = s.encoded;
    if (this.#options.compressStreams && !d.has('Filter')) {
      data = flateEncode(data);
      d.set('Filter', new PdfName('FlateDecode'));
      d.delete('DecodeParms');
    }
    const sec = this.#doc.securityHandler;
    if (sec && num !== this.#doc.encryptObjectNumber && !sec.streamExempt(d)) data = sec.encryptStream(data, num, gen, this.#random());
    d.set('Length', data.length);
    serializeObject(w, d, hooks);
    w.text('\nstream\n').bytes(data).text('\nendstream');
  }

  /** ISO 32000-2 §7.6.2: a signature dictionary's /Contents is written unencrypted. */
  #writeSignatureDict(w: ByteWriter, d: PdfDict, hooks: SerializeHooks): void {
    const { encryptString: _skip, ...plain } = hooks;
    w.text('<<');
    for (const [k, v] of d.entries()) {
      w.text(formatName(k)).byte(0x20);
      serializeObject(w, v, k === 'Contents' ? plain : hooks, 1);
    }
    w.text('>>');
  }

  #trailer(body: Uint8Array): PdfDict {
    const prev = this.#doc.trailer;
    const t = new PdfDict();
    for (const k of CARRIED_TRAILER_KEYS) {
      const v = prev.get(k);
      if (v !== undefined && v !== null) t.set(k, v);
    }
    for (const [k, v] of this.#trailerExtras.entries()) t.set(k, v);
    t.set('Size', this.#next);
    t.set('Prev', this.#doc.startxref);
    // §14.4: the first /ID element stays; the second changes with every update (here: a body digest).
    const id = this.#doc.resolve(prev.get('ID'));
    const fresh = new PdfString(sha256(body).subarray(0, 16), true);
    const first = Array.isArray(id) && id[0] instanceof PdfString ? id[0] : fresh;
    if (!this.#trailerExtras.has('ID')) t.set('ID', [new PdfString(first.bytes, true), fresh]);
    return t;
  }
}
