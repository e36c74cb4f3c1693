import { FontMalformedError } from './errors.js';

/** Big-endian reader over a byte range; every read is bounds-checked and fails as FONT_MALFORMED. */
export class BinaryReader {
  private readonly view: DataView;
  pos: number;

  constructor(readonly bytes: Uint8Array, readonly start = 0, readonly end = bytes.length, readonly what = 'font data') {
    if (start < 0 || end > bytes.length || start > end) throw new FontMalformedError(`${what} lies outside the file`, { start, end });
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = start;
  }

  get length(): number {
    return this.end - this.start;
  }

  /** A reader for [offset, offset+length) relative to this reader's start. */
  sub(offset: number, length: number, what = this.what): BinaryReader {
    const s = this.start + offset;
    if (offset < 0 || length < 0 || s + length > this.end) throw new FontMalformedError(`${what} lies outside its parent`, { offset, length });
    return new BinaryReader(this.bytes, s, s + length, what);
  }

  seek(offset: number): this {
    if (offset < 0 || this.start + offset > this.end) throw new FontMalformedError(`offset ${offset} outside ${this.what}`);
    this.pos = this.start + offset;
    return this;
  }

  skip(n: number): this {
    this.need(n);
    this.pos += n;
    return this;
  }

  get offset(): number {
    return this.pos - this.start;
  }

  private need(n: number): void {
    if (this.pos + n > this.end) throw new FontMalformedError(`${this.what} is truncated`, { at: this.pos - this.start, need: n });
  }

  u8(): number {
    this.need(1);
    return this.view.getUint8(this.pos++);
  }
  i8(): number {
    this.need(1);
    return this.view.getInt8(this.pos++);
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }
  i16(): number {
    this.need(2);
    const v = this.view.getInt16(this.pos);
    this.pos += 2;
    return v;
  }
  u24(): number {
    return (this.u8() << 16) | this.u16();
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }
  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos);
    this.pos += 4;
    return v;
  }
  /** 16.16 fixed-point. */
  fixed(): number {
    return this.i32() / 65536;
  }
  /** 2.14 fixed-point (composite glyph scales). */
  f2dot14(): number {
    return this.i16() / 16384;
  }
  tag(): string {
    this.need(4);
    let s = '';
    for (let i = 0; i < 4; i++) s += String.fromCharCode(this.view.getUint8(this.pos + i));
    this.pos += 4;
    return s;
  }
  bytesAt(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}
