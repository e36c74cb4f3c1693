import type { Matrix } from '@openseal/ofd';
import { IDENTITY } from '@openseal/ofd';
import type { PageClip } from './converted-page.js';

/** The PDF graphics and text state (ISO 32000-1 §8.4, §9.3) that the converter tracks. */
export interface GraphicsState {
  ctm: Matrix;
  fill: [number, number, number];
  stroke: [number, number, number];
  fillAlpha: number;
  strokeAlpha: number;
  lineWidth: number;
  cap: number;
  join: number;
  miterLimit: number;
  dash: number[];
  dashOffset: number;
  clips: PageClip[];
  font: string | undefined;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  renderMode: number;
}

export function initialState(): GraphicsState {
  return {
    ctm: IDENTITY,
    fill: [0, 0, 0],
    stroke: [0, 0, 0],
    fillAlpha: 1,
    strokeAlpha: 1,
    lineWidth: 1,
    cap: 0,
    join: 0,
    miterLimit: 10,
    dash: [],
    dashOffset: 0,
    clips: [],
    font: undefined,
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    renderMode: 0,
  };
}

export function cloneState(s: GraphicsState): GraphicsState {
  return { ...s, fill: [...s.fill], stroke: [...s.stroke], dash: [...s.dash], clips: [...s.clips] };
}

/** "#rrggbb" (pdf.js 5 colour operands) or [r, g, b] to 0–255 components. */
export function parseColor(arg: unknown): [number, number, number] {
  if (typeof arg === 'string' && /^#[0-9a-f]{6}$/i.test(arg)) {
    return [parseInt(arg.slice(1, 3), 16), parseInt(arg.slice(3, 5), 16), parseInt(arg.slice(5, 7), 16)];
  }
  if (Array.isArray(arg) || ArrayBuffer.isView(arg)) {
    const a = Array.from(arg as ArrayLike<number>);
    return [a[0] ?? 0, a[1] ?? 0, a[2] ?? 0];
  }
  return [0, 0, 0];
}
