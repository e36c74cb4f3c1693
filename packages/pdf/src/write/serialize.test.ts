import { describe, expect, it } from 'vitest';
import { SeededRandom } from '@openseal/kernel';
import { WorkBudget, resolveLimits } from '../core/limits.js';
import { PdfDict, PdfName, PdfRef, PdfString, type PdfObject } from '../core/objects.js';
import { PdfInvalidObjectError } from '../errors.js';
import { Lexer } from '../parse/lexer.js';
import { ObjectParser } from '../parse/object-parser.js';
import { ByteWriter } from './byte-writer.js';
import { formatName, formatNumber, serializeObject } from './serialize.js';

const write = (o: PdfObject): Uint8Array => {
  const w = new ByteWriter();
  serializeObject(w, o);
  return w.toBytes();
};
const read = (b: Uint8Array): PdfObject => new ObjectParser(new Lexer(b, resolveLimits(), new WorkBudget(1e9))).parseObject();
const text = (b: Uint8Array): string => String.fromCharCode(...b);

describe('serializer (ISO 32000-2 §7.3)', () => {
  it('writes numbers without exponents', () => {
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(12345678.5)).toBe('12345678.5');
    expect(formatNumber(-0.0)).toBe('0');
    expect(formatNumber(2 ** 40)).toBe('1099511627776');
    expect(formatNumber(1 / 3)).toBe('0.3333333333');
    expect(() => formatNumber(NaN)).toThrow(PdfInvalidObjectError);
    expect(() => formatNumber(1e300)).toThrow(PdfInvalidObjectError);
  });

  it('escapes names and strings', () => {
    expect(formatName('A B#(x)')).toBe('/A#20B#23#28x#29');
    expect(formatName('印章')).toBe('/#E5#8D#B0#E7#AB#A0');
    expect(() => formatName('a\0b')).toThrow(PdfInvalidObjectError);
    expect(text(write(PdfString.fromLatin1('a(b)\\c\n\xff')))).toBe('(a\\(b\\)\\\\c\\012\\377)');
    expect(text(write(new PdfString(Uint8Array.from([0, 255]), true)))).toBe('<00FF>');
  });

  it('round-trips random objects through the parser', () => {
    const rnd = new SeededRandom(42);
    const r = (n: number): number => (rnd.bytes(2)[0]! * 256 + rnd.bytes(1)[0]!) % n;
    const gen = (depth: number): PdfObject => {
      switch (r(depth > 3 ? 6 : 8)) {
        case 0: return null;
        case 1: return r(2) === 0;
        case 2: return (r(2000000) - 1000000) / (r(2) ? 1 : 1000);
        case 3: return new PdfName(String.fromCharCode(...rnd.bytes(1 + r(6)).map((b) => b || 1)));
        case 4: return new PdfString(rnd.bytes(r(20)), r(2) === 0);
        case 5: return new PdfRef(1 + r(1000), r(3));
        case 6: return Array.from({ length: r(5) }, () => gen(depth + 1));
        default: return new PdfDict(Array.from({ length: r(5) }, (_, i) => [`K${i}`, gen(depth + 1)] as const));
      }
    };
    for (let i = 0; i < 2000; i++) {
      const o = gen(0);
      const once = write(o);
      expect(write(read(once))).toEqual(once);
    }
  });
});
