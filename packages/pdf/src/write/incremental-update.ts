/**
 * The result of an incremental write: the untouched original bytes and the appended revision, kept apart
 * so a signer can hash them without another copy, plus the placeholder slots to patch in place.
 */
import { concatBytes } from '@openseal/kernel';
import type { PdfPlaceholder } from '../core/objects.js';
import { PdfInvalidObjectError } from '../errors.js';
import type { WrittenObject } from './xref-writer.js';

export interface PlaceholderSlot {
  readonly placeholder: PdfPlaceholder;
  /** The object whose value holds the placeholder. */
  readonly objectNumber: number;
  /** Absolute offset of the first delimiter (`[` or `<`) in the output file. */
  readonly offset: number;
  /** Width in bytes, delimiters included. */
  readonly length: number;
}

export class IncrementalUpdate {
  constructor(
    readonly original: Uint8Array,
    /** The new revision; placeholders are patched in this buffer. */
    readonly appended: Uint8Array,
    /** Absolute offset of the new xref section (what the next update's /Prev will name). */
    readonly xrefOffset: number,
    readonly objects: readonly WrittenObject[],
    readonly placeholders: readonly PlaceholderSlot[],
  ) {}

  get length(): number {
    return this.original.length + this.appended.length;
  }

  /** original ‖ appended, as one buffer. */
  toBytes(): Uint8Array {
    return concatBytes(this.original, this.appended);
  }

  slot(kind: PdfPlaceholder['kind']): PlaceholderSlot {
    const s = this.placeholders.filter((p) => p.placeholder.kind === kind);
    if (s.length !== 1) throw new PdfInvalidObjectError(`expected exactly one ${kind} placeholder`, { found: s.length });
    return s[0] as PlaceholderSlot;
  }

  #patch(slot: PlaceholderSlot, text: string): void {
    const at = slot.offset - this.original.length;
    if (at < 0 || at + slot.length > this.appended.length || text.length !== slot.length) throw new PdfInvalidObjectError('patch does not fit its slot');
    for (let i = 0; i < text.length; i++) this.appended[at + i] = text.charCodeAt(i);
  }

  /**
   * ISO 32000-2 §12.8.1: the ByteRange that covers the whole file except the /Contents string with its
   * delimiters: [0, start, end, length − end].
   */
  signatureByteRange(contents: PlaceholderSlot = this.slot('contents')): [number, number, number, number] {
    const end = contents.offset + contents.length;
    return [0, contents.offset, end, this.length - end];
  }

  /** Writes `[a b c d]` into the ByteRange slot, left-aligned and padded with spaces. */
  fillByteRange(range: readonly number[], slot: PlaceholderSlot = this.slot('byteRange')): void {
    const body = `[${range.map((n) => String(n)).join(' ')}]`;
    if (body.length > slot.length || range.some((n) => !Number.isSafeInteger(n) || n < 0)) throw new PdfInvalidObjectError('ByteRange does not fit its placeholder', { range: [...range] });
    this.#patch(slot, body.slice(0, -1) + ' '.repeat(slot.length - body.length) + ']');
  }

  /** Writes `value` as uppercase hex into the Contents slot, right-padded with zeros. */
  fillContents(value: Uint8Array, slot: PlaceholderSlot = this.slot('contents')): void {
    const capacity = (slot.length - 2) / 2;
    if (value.length > capacity) throw new PdfInvalidObjectError('signature value larger than its placeholder', { size: value.length, capacity });
    let hex = '';
    for (const b of value) hex += b.toString(16).padStart(2, '0').toUpperCase();
    this.#patch(slot, `<${hex.padEnd(slot.length - 2, '0')}>`);
  }

  /** Views (no copies) of the bytes `range` covers, in order: hash them one after the other. */
  rangeChunks(range: readonly number[]): Uint8Array[] {
    const out: Uint8Array[] = [];
    const n = this.original.length;
    for (let r = 0; r + 1 < range.length; r += 2) {
      const start = range[r] as number;
      const end = start + (range[r + 1] as number);
      if (start < 0 || end > this.length || end < start) throw new PdfInvalidObjectError('range outside the file', { start, end });
      if (start < n) out.push(this.original.subarray(start, Math.min(end, n)));
      if (end > n) out.push(this.appended.subarray(Math.max(start, n) - n, end - n));
    }
    return out;
  }
}
