/**
 * The PDF object model (ISO 32000-2 §7.3): null, booleans, numbers, strings, names, arrays,
 * dictionaries, streams and indirect references. Arrays are plain JS arrays; numbers are JS numbers.
 */
import { decodeTextString, encodeTextString } from './text-string.js';

/** ISO 32000-2 §7.3.5: a name; `value` holds the decoded bytes as a binary (latin1) string. */
export class PdfName {
  constructor(readonly value: string) {}
  toString(): string {
    return `/${this.value}`;
  }
}

/** ISO 32000-2 §7.3.4: a string; `hex` records how it was (or should be) written. */
export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly hex = false,
  ) {}
  /** A text string (§7.9.2.2): PDFDocEncoding, or UTF-16BE / UTF-8 with a byte order mark. */
  static fromText(text: string, hex = false): PdfString {
    return new PdfString(encodeTextString(text), hex);
  }
  static fromLatin1(text: string, hex = false): PdfString {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
    return new PdfString(out, hex);
  }
  get text(): string {
    return decodeTextString(this.bytes);
  }
}

/** ISO 32000-2 §7.3.10: an indirect reference `num gen R`. */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  equals(other: PdfRef): boolean {
    return this.num === other.num && this.gen === other.gen;
  }
  toString(): string {
    return `${this.num} ${this.gen} R`;
  }
}

/**
 * ISO 32000-2 §7.3.7: a dictionary; keys are name values (without the slash). Dictionaries read from a
 * file are frozen (they are shared by every revision view): clone() or deepClone() before editing.
 */
export class PdfDict {
  readonly #map: Map<string, PdfObject>;
  #frozen = false;
  constructor(entries?: Iterable<readonly [string, PdfObject]>) {
    this.#map = new Map(entries ?? []);
  }
  get(key: string): PdfObject | undefined {
    return this.#map.get(key);
  }
  set(key: string, value: PdfObject): this {
    if (this.#frozen) throw new TypeError('this dictionary was read from the file and is frozen: clone() it to edit');
    this.#map.set(key, value);
    return this;
  }
  has(key: string): boolean {
    return this.#map.has(key);
  }
  delete(key: string): boolean {
    if (this.#frozen) throw new TypeError('this dictionary was read from the file and is frozen: clone() it to edit');
    return this.#map.delete(key);
  }
  get frozen(): boolean {
    return this.#frozen;
  }
  freeze(): this {
    this.#frozen = true;
    return this;
  }
  get size(): number {
    return this.#map.size;
  }
  keys(): IterableIterator<string> {
    return this.#map.keys();
  }
  entries(): IterableIterator<[string, PdfObject]> {
    return this.#map.entries();
  }
  /** The name value at `key` if it is a direct name. */
  getName(key: string): string | undefined {
    const v = this.#map.get(key);
    return v instanceof PdfName ? v.value : undefined;
  }
  /** A shallow, editable copy (nested arrays and dictionaries are shared, and may be frozen). */
  clone(): PdfDict {
    return new PdfDict(this.#map.entries());
  }
}

/**
 * ISO 32000-2 §7.3.8: a stream. `encoded` is the data as stored in the file after decryption but before
 * the /Filter chain; a reader supplies it lazily so large streams are only touched when asked for.
 */
export class PdfStream {
  #source: Uint8Array | (() => Uint8Array);
  constructor(
    readonly dict: PdfDict,
    source: Uint8Array | (() => Uint8Array),
  ) {
    this.#source = source;
  }
  get encoded(): Uint8Array {
    if (typeof this.#source === 'function') this.#source = this.#source();
    return this.#source;
  }
}

/**
 * A fixed-width slot the writer fills with spaces (ByteRange) or zeros (Contents) and whose byte offsets
 * it reports, so a signing layer can patch it in place after the update is written.
 */
export class PdfPlaceholder {
  constructor(
    readonly kind: 'byteRange' | 'contents',
    /** Bytes reserved, including the delimiters `[ ]` or `< >`. */
    readonly width: number,
  ) {}
}

export type PdfArray = PdfObject[];

/** Freezes an object read from a file, deeply (arrays with Object.freeze, dictionaries with freeze()). */
export function freezeObject<T extends PdfObject>(o: T): T {
  if (Array.isArray(o)) {
    if (!Object.isFrozen(o)) {
      for (const x of o) freezeObject(x);
      Object.freeze(o);
    }
  } else if (o instanceof PdfDict) {
    if (!o.frozen) {
      for (const [, v] of o.entries()) freezeObject(v);
      o.freeze();
    }
  } else if (o instanceof PdfStream) freezeObject(o.dict);
  return o;
}

/** An editable deep copy (stream data is shared, it is never modified in place). */
export function deepClone<T extends PdfObject>(o: T): T {
  if (Array.isArray(o)) return o.map((x) => deepClone(x)) as T;
  if (o instanceof PdfDict) return new PdfDict([...o.entries()].map(([k, v]) => [k, deepClone(v)] as const)) as T;
  if (o instanceof PdfStream) return new PdfStream(deepClone(o.dict), () => o.encoded) as T;
  return o;
}
export type PdfObject =
  | null
  | boolean
  | number
  | PdfName
  | PdfString
  | PdfRef
  | PdfDict
  | PdfStream
  | PdfArray
  | PdfPlaceholder;

export const isName = (o: unknown, value?: string): o is PdfName => o instanceof PdfName && (value === undefined || o.value === value);
export const isDict = (o: unknown): o is PdfDict => o instanceof PdfDict;
export const isStream = (o: unknown): o is PdfStream => o instanceof PdfStream;
export const isRef = (o: unknown): o is PdfRef => o instanceof PdfRef;
export const isString = (o: unknown): o is PdfString => o instanceof PdfString;
export const isArray = (o: unknown): o is PdfArray => Array.isArray(o);
export const isNumber = (o: unknown): o is number => typeof o === 'number';
export const isInteger = (o: unknown): o is number => typeof o === 'number' && Number.isInteger(o);

export const name = (value: string): PdfName => new PdfName(value);
export const ref = (num: number, gen = 0): PdfRef => new PdfRef(num, gen);
export const dict = (entries: Record<string, PdfObject>): PdfDict => new PdfDict(Object.entries(entries));
