import { describe, expect, it } from 'vitest';
import { parseSvgPath } from './svg-path.js';

describe('parseSvgPath', () => {
  it('turns relative and shorthand commands into absolute segments', () => {
    expect(parseSvgPath('M10 10 h 5 v5 l-5 0 z')).toEqual([
      { op: 'M', x: 10, y: 10 },
      { op: 'L', x: 15, y: 10 },
      { op: 'L', x: 15, y: 15 },
      { op: 'L', x: 10, y: 15 },
      { op: 'Z' },
    ]);
  });

  it('treats extra coordinate pairs after M as line-tos', () => {
    expect(parseSvgPath('M0,0 10,0 10,10')).toEqual([
      { op: 'M', x: 0, y: 0 },
      { op: 'L', x: 10, y: 0 },
      { op: 'L', x: 10, y: 10 },
    ]);
  });

  it('converts a quadratic into the equivalent cubic', () => {
    const [, c] = parseSvgPath('M0 0 Q 10 10 20 0');
    const want = { x1: 20 / 3, y1: 20 / 3, x2: 20 - 20 / 3, y2: 20 / 3, x: 20, y: 0 };
    expect(c?.op).toBe('C');
    for (const [k, v] of Object.entries(want)) expect((c as unknown as Record<string, number>)[k]).toBeCloseTo(v, 9);
  });

  it('reflects the previous control point for S', () => {
    const segs = parseSvgPath('M0 0 C 0 10 10 10 10 0 S 20 -10 20 0');
    expect(segs[2]).toMatchObject({ op: 'C', x1: 10, y1: -10, x2: 20, y2: -10, x: 20, y: 0 });
  });

  it('draws a half circle arc through its apex', () => {
    const segs = parseSvgPath('M0 0 A 10 10 0 0 1 20 0');
    const last = segs[segs.length - 1];
    expect(last).toMatchObject({ op: 'C', x: 20, y: 0 });
    // sweep-flag 1 in y-down coordinates goes through (10, −10).
    const mid = segs[1] as { x: number; y: number };
    expect(mid.x).toBeCloseTo(10, 6);
    expect(mid.y).toBeCloseTo(-10, 6);
  });

  it('rejects malformed data with INVALID_ARGUMENT', () => {
    expect(() => parseSvgPath('M 10')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => parseSvgPath('X 1 2')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => parseSvgPath('10 10')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
