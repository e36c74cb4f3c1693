import { describe, expect, it } from 'vitest';
import { decodeTextString, encodeTextString } from './text-string.js';

describe('text strings (ISO 32000-2 §7.9.2.2)', () => {
  it('decodes PDFDocEncoding, UTF-16BE and UTF-8 with BOMs', () => {
    expect(decodeTextString(Uint8Array.from([0x41, 0x80, 0x92, 0xa0]))).toBe('A•™€');
    expect(decodeTextString(Uint8Array.from([0xfe, 0xff, 0x5b, 0x57]))).toBe('字');
    expect(decodeTextString(Uint8Array.from([0xef, 0xbb, 0xbf, 0xe5, 0xad, 0x97]))).toBe('字');
  });
  it('encodes ASCII as is and anything else as UTF-16BE', () => {
    expect(encodeTextString('Seal 1')).toEqual(new TextEncoder().encode('Seal 1'));
    expect(decodeTextString(encodeTextString('公章 Seal'))).toBe('公章 Seal');
  });
});
