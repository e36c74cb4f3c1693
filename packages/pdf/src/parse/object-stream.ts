/** ISO 32000-2 §7.5.7 object streams: `/N` pairs of "num offset", then the objects from /First. */
import type { PdfObject } from '../core/objects.js';
import type { PdfDict } from '../core/objects.js';
import { PdfLimitExceededError, PdfMalformedError } from '../errors.js';
import { Lexer } from './lexer.js';
import { ObjectParser } from './object-parser.js';
import type { ParseContext } from './xref-reader.js';

export interface ObjectStreamIndex {
  readonly data: Uint8Array;
  readonly first: number;
  readonly nums: Uint32Array;
  readonly offsets: Uint32Array;
}

export function parseObjectStreamIndex(ctx: Omit<ParseContext, 'bytes'>, dict: PdfDict, data: Uint8Array): ObjectStreamIndex {
  const n = dict.get('N');
  const first = dict.get('First');
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > data.length) {
    throw new PdfMalformedError('object stream without a valid /N or /First');
  }
  if (n > ctx.limits.maxObjectStreamObjects) throw new PdfLimitExceededError('maxObjectStreamObjects', ctx.limits.maxObjectStreamObjects, { n });
  if (n * 4 > first + 4) throw new PdfMalformedError('object stream /N does not fit before /First', { n, first });
  const lx = new Lexer(data.subarray(0, first), ctx.limits, ctx.budget);
  const nums = new Uint32Array(n);
  const offsets = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const a = lx.next();
    const b = lx.next();
    if (a.type !== 'number' || !a.integer || a.value < 0 || b.type !== 'number' || !b.integer || b.value < 0 || first + b.value > data.length) {
      throw new PdfMalformedError('invalid object stream header', { index: i });
    }
    nums[i] = a.value;
    offsets[i] = b.value;
  }
  return { data, first, nums, offsets };
}

/** The object at `index`; `num` is checked against the header (searched if the index is off). */
export function objectFromStream(ctx: Omit<ParseContext, 'bytes'>, idx: ObjectStreamIndex, index: number, num: number): PdfObject {
  let i = index;
  if (idx.nums[i] !== num) i = idx.nums.indexOf(num);
  if (i < 0) throw new PdfMalformedError('object not found in its object stream', { num });
  const lx = new Lexer(idx.data, ctx.limits, ctx.budget, idx.first + (idx.offsets[i] as number));
  return new ObjectParser(lx).parseObject();
}
