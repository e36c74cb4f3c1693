import { describe, expect, it } from 'vitest';
import { OfdMalformedError } from '../errors.js';
import { XmlElement } from '../xml/xml-element.js';
import { formatDeltaList, parseDeltaList } from './delta-list.js';

const el = new XmlElement('ofd:TextCode', 'http://www.ofdspec.org/2016', 'TextCode', []);
const ctx = { part: 'test.xml' };

describe('TextCode delta lists (GB/T 33190 §11.3)', () => {
  it('expands g N v groups between plain values', () => {
    expect(parseDeltaList('g 3 1.5 2 g 2 0', ctx, el, 'DeltaX')).toEqual([1.5, 1.5, 1.5, 2, 0, 0]);
    expect(parseDeltaList('g 27 2.5 -67.5', ctx, el, 'DeltaX')).toHaveLength(28);
    expect(parseDeltaList('  ', ctx, el, 'DeltaX')).toEqual([]);
  });
  it('refuses a truncated group, a bad count and absurd repetition', () => {
    expect(() => parseDeltaList('g 3', ctx, el, 'DeltaX')).toThrow(OfdMalformedError);
    expect(() => parseDeltaList('g x 1', ctx, el, 'DeltaX')).toThrow(OfdMalformedError);
    expect(() => parseDeltaList('g 4000000000 1', ctx, el, 'DeltaX')).toThrow(OfdMalformedError);
    expect(() => parseDeltaList('g 100 1', ctx, el, 'DeltaX', 10)).toThrow(OfdMalformedError);
    expect(parseDeltaList('g 9 1', ctx, el, 'DeltaX', 10)).toHaveLength(9);
    expect(() => parseDeltaList('1 abc', ctx, el, 'DeltaX')).toThrow(OfdMalformedError);
  });
  it('folds runs of three or more and reads back the same values', () => {
    const values = [3, 3, 3, 3, 1.5, 1.5, 0.1 + 0.2, 7, 7, 7];
    const text = formatDeltaList(values);
    expect(text).toBe('g 4 3 1.5 1.5 0.30000000000000004 g 3 7');
    expect(parseDeltaList(text, ctx, el, 'DeltaX')).toEqual(values);
  });
});
