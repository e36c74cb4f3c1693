/**
 * Loads indirect objects from file offsets and object streams on demand, decrypting strings and
 * (lazily) streams, with caches keyed by location so every revision view shares parsed objects.
 */
import type { WorkBudget, PdfLimits } from '../core/limits.js';
import { PdfDict, PdfPlaceholder, PdfStream, PdfString, freezeObject, type PdfObject, type PdfRef } from '../core/objects.js';
import type { StandardSecurityHandler } from '../crypt/security-handler.js';
import { PdfMalformedError } from '../errors.js';
import { decodeStreamData, type DecodedStream, type Resolver } from '../filters/decode-stream.js';
import { Lexer } from '../parse/lexer.js';
import { ObjectParser } from '../parse/object-parser.js';
import { objectFromStream, parseObjectStreamIndex, type ObjectStreamIndex } from '../parse/object-stream.js';

const OBJSTM_CACHE = 16;

/** ISO 32000-2 §7.6.2: a signature dictionary's /Contents string is not encrypted. */
export function isSignatureDict(d: PdfDict, placeholderContents = false): boolean {
  const type = d.getName('Type');
  const c = d.get('Contents');
  return (type === undefined || type === 'Sig' || type === 'DocTimeStamp') && d.has('ByteRange') && (c instanceof PdfString || (placeholderContents && c instanceof PdfPlaceholder));
}

export class ObjectLoader {
  readonly #direct = new Map<number, { num: number; gen: number; value: PdfObject }>();
  readonly #objstm = new Map<number, ObjectStreamIndex>();
  readonly #compressed = new Map<string, PdfObject>();
  security: StandardSecurityHandler | undefined;
  /** Object number of /Encrypt, whose strings are never encrypted. */
  encryptNum = -1;

  constructor(
    readonly bytes: Uint8Array,
    readonly limits: PdfLimits,
    readonly budget: WorkBudget,
  ) {}

  /** Parses the indirect object at `offset`; `resolveLength` serves an indirect /Length. */
  atOffset(offset: number, resolveLength: (ref: PdfRef) => number | undefined): { num: number; gen: number; value: PdfObject } {
    const cached = this.#direct.get(offset);
    if (cached) return cached;
    if (offset < 0 || offset >= this.bytes.length) throw new PdfMalformedError('object offset outside the file', { offset });
    const lx = new Lexer(this.bytes, this.limits, this.budget, offset);
    let numGen: [number, number] = [0, 0];
    const parser = new ObjectParser(lx, {
      resolveLength,
      makeStream: (d, raw) => new PdfStream(d, () => this.#decryptStreamData(d, raw, numGen[0], numGen[1])),
    });
    const obj = parser.parseIndirect();
    numGen = [obj.num, obj.gen];
    // §7.6.2: neither /Encrypt nor a cross-reference stream (dictionary included) is encrypted.
    const exempt = obj.num === this.encryptNum || (obj.value instanceof PdfStream && obj.value.dict.getName('Type') === 'XRef');
    const value = this.security && !exempt ? this.#decryptStrings(obj.value, obj.num, obj.gen) : obj.value;
    const out = { num: obj.num, gen: obj.gen, value: freezeObject(value) };
    this.#direct.set(offset, out);
    return out;
  }

  /** The object at `index` of object stream `stream` (already resolved), checked against `num`. */
  inStream(streamKey: number, stream: PdfStream, index: number, num: number, resolve: Resolver): PdfObject {
    const key = `${streamKey}:${index}:${num}`;
    const hit = this.#compressed.get(key);
    if (hit !== undefined) return hit;
    let idx = this.#objstm.get(streamKey);
    if (!idx) {
      const data = this.decode(stream, resolve).data;
      idx = parseObjectStreamIndex(this, stream.dict, data);
      if (this.#objstm.size >= OBJSTM_CACHE) this.#objstm.delete(this.#objstm.keys().next().value as number);
      this.#objstm.set(streamKey, idx);
    }
    const value = freezeObject(objectFromStream(this, idx, index, num));
    this.#compressed.set(key, value);
    return value;
  }

  decode(stream: PdfStream, resolve: Resolver, maxOutput = this.limits.maxDecodedStreamSize): DecodedStream {
    const encoded = stream.encoded;
    this.budget.spend(encoded.length);
    const out = decodeStreamData(encoded, stream.dict, maxOutput, resolve);
    this.budget.spend(out.data.length);
    return out;
  }

  #decryptStreamData(d: PdfDict, raw: Uint8Array, num: number, gen: number): Uint8Array {
    const sec = this.security;
    if (!sec || num === this.encryptNum || sec.streamExempt(d)) return raw;
    return sec.decryptStream(raw, num, gen);
  }

  #decryptStrings(o: PdfObject, num: number, gen: number): PdfObject {
    const sec = this.security as StandardSecurityHandler;
    const walk = (v: PdfObject, sigContents: boolean): PdfObject => {
      if (v instanceof PdfString) return sigContents ? v : new PdfString(sec.decryptString(v.bytes, num, gen), v.hex);
      if (Array.isArray(v)) return v.map((x) => walk(x, false));
      if (v instanceof PdfDict) {
        const sig = isSignatureDict(v);
        for (const [k, x] of v.entries()) v.set(k, walk(x, sig && k === 'Contents'));
        return v;
      }
      if (v instanceof PdfStream) {
        walk(v.dict, false);
        return v;
      }
      return v;
    };
    return walk(o, false);
  }
}
