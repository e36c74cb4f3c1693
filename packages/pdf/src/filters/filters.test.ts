import { zlibSync, deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PdfDict, PdfName } from '../core/objects.js';
import { PdfLimitExceededError, PdfMalformedError } from '../errors.js';
import { ascii85Decode } from './ascii85.js';
import { asciiHexDecode } from './ascii-hex.js';
import { decodeStreamData } from './decode-stream.js';
import { flateDecode } from './flate.js';
import { lzwDecode } from './lzw.js';
import { applyPredictor } from './predictor.js';
import { runLengthDecode } from './run-length.js';

const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const dec = (b: Uint8Array): string => String.fromCharCode(...b);

describe('stream filters (ISO 32000-2 §7.4)', () => {
  it('ASCIIHexDecode', () => {
    expect(dec(asciiHexDecode(enc('48 656c6C6f7>ignored')))).toBe('Hellop');
  });

  it('ASCII85Decode, including z and a partial final group', () => {
    // Values checked with Python's base64.a85encode; "z" stands for four zero bytes.
    expect(dec(ascii85Decode(enc('<~9jqo^BlbD-~>')))).toBe('Man is d');
    expect(dec(ascii85Decode(enc('9jqo^Bla~>')))).toBe('Man is');
    expect([...ascii85Decode(enc('z!<~>'))]).toEqual([0, 0, 0, 0, 1]);
    expect(ascii85Decode(enc('z~>'))).toEqual(new Uint8Array(4));
    expect(() => ascii85Decode(enc('9jqo^v~>'))).toThrow(PdfMalformedError);
  });

  it('LZWDecode of the ISO 32000 example, with EarlyChange 1', () => {
    // ISO 32000-2 §7.4.4.2 example: "-----A---B" encodes as 80 0B 60 50 22 0C 0C 85 01.
    const out = lzwDecode(Uint8Array.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]), 1, 1000);
    expect(dec(out)).toBe('-----A---B');
  });

  it('RunLengthDecode', () => {
    expect(dec(runLengthDecode(Uint8Array.from([2, 0x61, 0x62, 0x63, 0xfe, 0x7a, 128, 0x41]), 100))).toBe('abczzz');
  });

  it('FlateDecode with and without a zlib header, and keeps the output of a truncated stream', () => {
    const data = enc('hello hello hello hello hello');
    expect(dec(flateDecode(zlibSync(data), 1000))).toBe(dec(data));
    expect(dec(flateDecode(deflateSync(data), 1000))).toBe(dec(data));
    const big = new Uint8Array(100_000).map((_, i) => i % 7);
    const z = zlibSync(big);
    expect(flateDecode(z.subarray(0, z.length >> 1), 1e6).length).toBeGreaterThan(0);
    expect(() => flateDecode(enc('not deflate at all'), 1000)).toThrow(PdfMalformedError);
  });

  it('stops a decompression bomb at the configured size', () => {
    const bomb = zlibSync(new Uint8Array(50_000_000), { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const t = performance.now();
    expect(() => flateDecode(bomb, 1_000_000)).toThrow(PdfLimitExceededError);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(() => runLengthDecode(new Uint8Array(2000).fill(129), 10_000)).toThrow(PdfLimitExceededError);
  });

  it('PNG predictors (Up, Sub, Paeth) and TIFF predictor 2', () => {
    // Two rows of 3 bytes: row 1 type Sub, row 2 type Up.
    const png = Uint8Array.from([1, 10, 1, 1, 2, 1, 1, 1]);
    expect([...applyPredictor(png, { predictor: 12, colors: 1, bitsPerComponent: 8, columns: 3 })]).toEqual([10, 11, 12, 11, 12, 13]);
    const paeth = Uint8Array.from([4, 5, 5, 5]);
    expect([...applyPredictor(paeth, { predictor: 15, colors: 1, bitsPerComponent: 8, columns: 3 })]).toEqual([5, 10, 15]);
    expect([...applyPredictor(Uint8Array.from([1, 1, 1, 5, 5, 5]), { predictor: 2, colors: 1, bitsPerComponent: 8, columns: 3 })]).toEqual([1, 2, 3, 5, 10, 15]);
  });

  it('applies a filter chain and passes image filters through', () => {
    const inner = zlibSync(enc('payload'));
    const hex = enc([...inner].map((b) => b.toString(16).padStart(2, '0')).join('') + '>');
    const d = new PdfDict([['Filter', [new PdfName('AHx'), new PdfName('FlateDecode')]]]);
    expect(dec(decodeStreamData(hex, d, 1000, (o) => o).data)).toBe('payload');
    const img = new PdfDict([['Filter', [new PdfName('FlateDecode'), new PdfName('DCTDecode')]]]);
    const r = decodeStreamData(zlibSync(enc('jpeg')), img, 1000, (o) => o);
    expect(dec(r.data)).toBe('jpeg');
    expect(r.remainingFilters.map((f) => f.name)).toEqual(['DCTDecode']);
  });
});
