/** An append-only byte buffer for building a new revision. */
export class ByteWriter {
  #buf = new Uint8Array(4096);
  #len = 0;

  get length(): number {
    return this.#len;
  }

  #grow(extra: number): void {
    if (this.#len + extra <= this.#buf.length) return;
    let size = this.#buf.length * 2;
    while (size < this.#len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#buf.subarray(0, this.#len));
    this.#buf = next;
  }

  bytes(b: Uint8Array): this {
    this.#grow(b.length);
    this.#buf.set(b, this.#len);
    this.#len += b.length;
    return this;
  }

  /** Writes ASCII/latin1 text (every char code must be < 256). */
  text(s: string): this {
    this.#grow(s.length);
    for (let i = 0; i < s.length; i++) this.#buf[this.#len++] = s.charCodeAt(i) & 0xff;
    return this;
  }

  byte(b: number): this {
    this.#grow(1);
    this.#buf[this.#len++] = b;
    return this;
  }

  toBytes(): Uint8Array {
    return this.#buf.slice(0, this.#len);
  }
}
