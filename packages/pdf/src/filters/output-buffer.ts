import { PdfLimitExceededError } from '../errors.js';

/** A growable byte buffer that refuses to grow past the decoded-size limit (decompression bombs). */
export class OutputBuffer {
  #buf: Uint8Array;
  #len = 0;
  constructor(
    readonly max: number,
    initial = 1024,
  ) {
    this.#buf = new Uint8Array(Math.min(Math.max(16, initial), Math.max(16, max)));
  }
  get length(): number {
    return this.#len;
  }
  #ensure(extra: number): void {
    const need = this.#len + extra;
    if (need > this.max) throw new PdfLimitExceededError('maxDecodedStreamSize', this.max);
    if (need <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(Math.min(size, Math.max(need, this.max)));
    next.set(this.#buf.subarray(0, this.#len));
    this.#buf = next;
  }
  push(byte: number): void {
    if (this.#len === this.#buf.length) this.#ensure(1);
    else if (this.#len >= this.max) throw new PdfLimitExceededError('maxDecodedStreamSize', this.max);
    this.#buf[this.#len++] = byte;
  }
  pushBytes(bytes: Uint8Array): void {
    this.#ensure(bytes.length);
    this.#buf.set(bytes, this.#len);
    this.#len += bytes.length;
  }
  /** Copies `count` bytes starting `distance` back (LZW / repeat runs). */
  repeat(byte: number, count: number): void {
    this.#ensure(count);
    this.#buf.fill(byte, this.#len, this.#len + count);
    this.#len += count;
  }
  byteAt(i: number): number {
    return this.#buf[i] as number;
  }
  toBytes(): Uint8Array {
    return this.#buf.subarray(0, this.#len);
  }
}
