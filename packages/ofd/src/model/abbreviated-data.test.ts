import { describe, expect, it } from 'vitest';
import type { PathCommand } from './abbreviated-data.js';
import { formatAbbreviatedData, parseAbbreviatedData } from './abbreviated-data.js';

describe('AbbreviatedData (GB/T 33190 §9.1, 表36)', () => {
  it('parses every operator', () => {
    expect(parseAbbreviatedData('S 0 0 M 1 2 L 3 4 Q 1 1 2 2 B 1 2 3 4 5 6 A 5 6 30 1 0 7 8 C')).toEqual([
      { op: 'S', x: 0, y: 0 },
      { op: 'M', x: 1, y: 2 },
      { op: 'L', x: 3, y: 4 },
      { op: 'Q', x1: 1, y1: 1, x: 2, y: 2 },
      { op: 'B', x1: 1, y1: 2, x2: 3, y2: 4, x: 5, y: 6 },
      { op: 'A', rx: 5, ry: 6, angle: 30, largeArc: true, sweep: false, x: 7, y: 8 },
      { op: 'C' },
    ]);
  });
  it('accepts real-file spacing (trailing blanks, negative and fractional numbers)', () => {
    expect(parseAbbreviatedData('M 10.07 5.54 L -.5 1e1 C ')).toEqual([
      { op: 'M', x: 10.07, y: 5.54 },
      { op: 'L', x: -0.5, y: 10 },
      { op: 'C' },
    ]);
  });
  it('reports missing operands, stray numbers and junk as messages', () => {
    expect(parseAbbreviatedData('M 1')).toMatch(/needs 2 numbers/);
    expect(parseAbbreviatedData('1 2')).toMatch(/operator/);
    expect(parseAbbreviatedData('M 1 2 Z')).toMatch(/unexpected/);
    expect(parseAbbreviatedData('M 1 L 2 3')).toMatch(/needs 2 numbers/);
  });
  it('writes what it reads', () => {
    const cmds: PathCommand[] = [
      { op: 'M', x: 0.1, y: 0.2 },
      { op: 'B', x1: 1, y1: 2, x2: 3, y2: 4, x: 5, y: 6 },
      { op: 'A', rx: 1, ry: 2, angle: 0, largeArc: false, sweep: true, x: 3, y: 4 },
      { op: 'C' },
    ];
    expect(parseAbbreviatedData(formatAbbreviatedData(cmds))).toEqual(cmds);
  });
});
