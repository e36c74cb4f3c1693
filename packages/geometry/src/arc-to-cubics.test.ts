import { describe, expect, it } from 'vitest';
import { arcToCubics } from './arc-to-cubics.js';

const K = (4 / 3) * Math.tan(Math.PI / 8); // the classic 0.5523 for a quarter circle

describe('arcToCubics', () => {
  it('turns a quarter of the unit circle into one cubic with the standard control points', () => {
    const [seg, ...rest] = arcToCubics(1, 0, 1, 1, 0, false, true, 0, 1);
    expect(rest).toEqual([]);
    expect(seg).toMatchObject({ op: 'C', x: 0, y: 1 });
    if (seg?.op !== 'C') throw new Error('not a cubic');
    expect(seg.x1).toBeCloseTo(1, 12);
    expect(seg.y1).toBeCloseTo(K, 12);
    expect(seg.x2).toBeCloseTo(K, 12);
    expect(seg.y2).toBeCloseTo(1, 12);
  });

  it('splits a large-arc half circle into pieces of at most 90° that end exactly at the end point', () => {
    const segs = arcToCubics(-1, 0, 1, 1, 0, true, true, 1, 0);
    expect(segs).toHaveLength(2);
    expect(segs[1]).toMatchObject({ op: 'C', x: 1, y: 0 });
  });

  it('scales radii that are too small (SVG F.6.6) and degrades zero radii to a line', () => {
    const segs = arcToCubics(0, 0, 0.1, 0.1, 0, false, true, 10, 0);
    expect(segs.length).toBeGreaterThan(0);
    expect(segs.at(-1)).toMatchObject({ x: 10, y: 0 });
    expect(arcToCubics(0, 0, 0, 5, 0, false, true, 3, 4)).toEqual([{ op: 'L', x: 3, y: 4 }]);
    expect(arcToCubics(2, 2, 1, 1, 0, false, true, 2, 2)).toEqual([]);
  });
});
