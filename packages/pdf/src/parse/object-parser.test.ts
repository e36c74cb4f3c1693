import { describe, expect, it } from 'vitest';
import { WorkBudget, resolveLimits } from '../core/limits.js';
import type { PdfDict, PdfName, PdfStream, PdfString } from '../core/objects.js';
import { PdfRef } from '../core/objects.js';
import { PdfLimitExceededError, PdfMalformedError } from '../errors.js';
import { Lexer } from './lexer.js';
import { ObjectParser } from './object-parser.js';

const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const parse = (s: string, limits = {}) => new ObjectParser(new Lexer(enc(s), resolveLimits(limits), new WorkBudget(1e9))).parseObject();
const parseIndirect = (s: string, hooks = {}) => new ObjectParser(new Lexer(enc(s), resolveLimits(), new WorkBudget(1e9)), hooks).parseIndirect();

describe('object parser (ISO 32000-2 §7.3)', () => {
  it('reads the basic types', () => {
    expect(parse('null')).toBe(null);
    expect(parse('true')).toBe(true);
    expect(parse('-12')).toBe(-12);
    expect(parse('+.5')).toBe(0.5);
    expect(parse('4.')).toBe(4);
    expect(parse('--3')).toBe(-3); // lenient, as common readers
  });

  it('reads literal strings with escapes, octal codes, balanced parentheses and line continuations', () => {
    const s = parse('(a\\n\\(b\\)\\\\ \\101\\0537 (nested) x\\\r\ny\r\nz)') as PdfString;
    expect(new TextDecoder().decode(s.bytes)).toBe('a\n(b)\\ A+7 (nested) xy\nz');
  });

  it('reads hex strings, ignoring white-space and padding an odd final digit', () => {
    expect((parse('<48 65 6C6C 6F7>') as PdfString).bytes).toEqual(Uint8Array.from([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x70]));
  });

  it('decodes #xx in names', () => {
    expect((parse('/A#20B#23') as PdfName).value).toBe('A B#');
  });

  it('reads arrays, dictionaries and references, including compact syntax', () => {
    const d = parse('<</A[1 2 0 R/N(s)<<>>]/B 3 0 R/C<01>%comment\n/D null>>') as PdfDict;
    const a = d.get('A') as unknown[];
    expect(a[0]).toBe(1);
    expect(a[1]).toEqual(new PdfRef(2, 0));
    expect((a[2] as PdfName).value).toBe('N');
    expect(d.get('B')).toEqual(new PdfRef(3, 0));
    expect(d.get('D')).toBe(null);
  });

  it('reads a stream whose /Length is right, and recovers one whose /Length is wrong', () => {
    const ok = parseIndirect('1 0 obj <</Length 5>> stream\r\nhello\nendstream endobj');
    expect(new TextDecoder().decode((ok.value as PdfStream).encoded)).toBe('hello');
    const wrong = parseIndirect('1 0 obj <</Length 500>> stream\nhello world\nendstream endobj');
    expect(new TextDecoder().decode((wrong.value as PdfStream).encoded)).toBe('hello world');
    const indirect = parseIndirect('1 0 obj <</Length 9 0 R>> stream\nabc\nendstream endobj', { resolveLength: (r: PdfRef) => (r.num === 9 ? 3 : undefined) });
    expect(new TextDecoder().decode((indirect.value as PdfStream).encoded)).toBe('abc');
  });

  it('records the byte span of top-level dictionary values', () => {
    const spans = new Map<string, readonly [number, number]>();
    const text = '7 0 obj <</ByteRange [0 1 2 3] /Contents <00AB> >> endobj';
    new ObjectParser(new Lexer(enc(text), resolveLimits(), new WorkBudget(1e9)), { valueSpans: spans }).parseIndirect();
    const [s, e] = spans.get('Contents') as [number, number];
    expect(text.slice(s, e)).toBe('<00AB>');
  });

  it('fails with typed errors on damage and on limits', () => {
    expect(() => parse('(unterminated')).toThrow(PdfMalformedError);
    expect(() => parse('<</A 1')).toThrow(PdfMalformedError);
    expect(() => parse('[ ] ]'.slice(2))).toThrow(PdfMalformedError);
    expect(() => parse('['.repeat(100000))).toThrow(PdfLimitExceededError);
    expect(() => parse('<<'.repeat(100000))).toThrow(PdfLimitExceededError);
    expect(() => parse('(' + 'x'.repeat(100) + ')', { maxStringLength: 10 })).toThrow(PdfLimitExceededError);
    expect(() => parse('[' + '1 '.repeat(100) + ']', { maxCollectionLength: 10 })).toThrow(PdfLimitExceededError);
    expect(() => new ObjectParser(new Lexer(enc('[' + '1 '.repeat(1000) + ']'), resolveLimits(), new WorkBudget(100))).parseObject()).toThrow(PdfLimitExceededError);
  });
});
