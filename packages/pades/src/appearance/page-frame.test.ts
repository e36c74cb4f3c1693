import { describe, expect, it } from 'vitest';
import { PageFrame, normaliseRotation, type Matrix } from './page-frame.js';
import { mmToPt, ptToMm } from './units.js';

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

describe('units', () => {
  it('converts 25.4 mm to 72 pt and back', () => {
    expect(mmToPt(25.4)).toBeCloseTo(72, 12);
    expect(ptToMm(72)).toBeCloseTo(25.4, 12);
    expect(mmToPt(42)).toBeCloseTo(119.0551, 4);
  });
});

describe('PageFrame', () => {
  const crop = [10, 20, 10 + 595, 20 + 842] as const; // A4-ish portrait box, not at the origin

  it('maps the seen top-left corner to the right user-space corner for each /Rotate', () => {
    expect(new PageFrame(crop, 0).toUser(0, 0)).toEqual([10, 862]);
    expect(new PageFrame(crop, 90).toUser(0, 0)).toEqual([10, 20]);
    expect(new PageFrame(crop, 180).toUser(0, 0)).toEqual([605, 20]);
    expect(new PageFrame(crop, 270).toUser(0, 0)).toEqual([605, 862]);
  });

  it('swaps the seen width and height on sideways pages', () => {
    const upright = new PageFrame(crop, 0);
    const sideways = new PageFrame(crop, 270);
    expect(upright.widthMm).toBeCloseTo(ptToMm(595), 9);
    expect(sideways.widthMm).toBeCloseTo(ptToMm(842), 9);
    expect(sideways.heightMm).toBeCloseTo(ptToMm(595), 9);
  });

  it('round-trips points and boxes for every rotation', () => {
    for (const r of [0, 90, 180, 270] as const) {
      const f = new PageFrame(crop, r);
      const [x, y] = f.toUser(12.5, 33.25);
      const [u, v] = f.toSeen(x, y);
      expect(u).toBeCloseTo(12.5, 9);
      expect(v).toBeCloseTo(33.25, 9);
      const box = { x: 20, y: 30, width: 42, height: 21 };
      const back = f.rectToSeen(f.boxToUser(box));
      expect(back.x).toBeCloseTo(20, 9);
      expect(back.y).toBeCloseTo(30, 9);
      expect(back.width).toBeCloseTo(42, 9);
      expect(back.height).toBeCloseTo(21, 9);
    }
  });

  it('moving right as seen moves up in user space on a page turned 90° clockwise', () => {
    const f = new PageFrame(crop, 90);
    const [, y0] = f.toUser(0, 0);
    const [, y1] = f.toUser(10, 0);
    expect(y1 - y0).toBeCloseTo(mmToPt(10), 9);
  });

  it('gives a /Matrix that maps the bbox onto an origin-based box of swapped size when sideways', () => {
    for (const r of [0, 90, 180, 270] as const) {
      const m = new PageFrame(crop, r).formMatrix(100, 40);
      const corners = [apply(m, 0, 0), apply(m, 100, 0), apply(m, 0, 40), apply(m, 100, 40)];
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      expect(Math.min(...xs)).toBeCloseTo(0, 9);
      expect(Math.min(...ys)).toBeCloseTo(0, 9);
      expect(Math.max(...xs)).toBeCloseTo(r % 180 === 0 ? 100 : 40, 9);
      expect(Math.max(...ys)).toBeCloseTo(r % 180 === 0 ? 40 : 100, 9);
    }
  });

  it('turns the appearance against the display rotation so "up" in the drawing is up on screen', () => {
    // Up in the drawing (0, 1) must point to seen-up after /Matrix and the viewer's clockwise turn.
    for (const r of [0, 90, 180, 270] as const) {
      const f = new PageFrame(crop, r);
      const m = f.formMatrix(100, 40);
      const [x0, y0] = apply(m, 0, 0);
      const [x1, y1] = apply(m, 0, 1);
      // Seen direction of the user-space vector: through toSeen of two points.
      const [u0, v0] = f.toSeen(100 + x0, 100 + y0);
      const [u1, v1] = f.toSeen(100 + x1, 100 + y1);
      expect(u1 - u0).toBeCloseTo(0, 9);
      expect(v1 - v0).toBeLessThan(0); // seen y grows downwards
    }
  });

  it('normalises rotations', () => {
    expect(normaliseRotation(-90)).toBe(270);
    expect(normaliseRotation(450)).toBe(90);
    expect(normaliseRotation(0)).toBe(0);
  });

  it('honours /UserUnit when given', () => {
    const f = new PageFrame([0, 0, 100, 100], 0, ptToMm(2));
    expect(f.widthMm).toBeCloseTo(ptToMm(200), 9);
  });
});
