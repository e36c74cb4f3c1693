import type { CT_Color, CT_ColorSpace } from '@openseal/ofd';
import type { Rgba } from './display-list.js';

export interface ColorContext {
  readonly colorSpaces: ReadonlyMap<number, { readonly resource: CT_ColorSpace }>;
  readonly defaultColorSpace?: number;
  /** Reports a colour it could only approximate (shadings, patterns). */
  readonly approximated: (what: string) => void;
}

/**
 * CT_Color to sRGB (GB/T 33190 §8.3): components in the colour space's range (2^BitsPerComponent − 1),
 * GRAY/RGB/CMYK, palette by Index, Alpha 0–255. CMYK uses the naive 1 − min(1, c + k) conversion
 * (no ICC profile). Shadings and patterns are drawn with their first colour and reported.
 */
export function resolveColor(color: CT_Color, ctx: ColorContext, fallback: Rgba): Rgba {
  const csId = color.colorSpace ?? ctx.defaultColorSpace;
  const cs = csId === undefined ? undefined : ctx.colorSpaces.get(csId)?.resource;
  const type = cs?.type ?? 'RGB';
  const max = 2 ** Math.min(16, Math.max(1, cs?.bitsPerComponent ?? 8)) - 1;
  let comps = color.value;
  if (color.index !== undefined && cs?.palette !== undefined) comps = cs.palette[color.index] ?? comps;
  const alpha = color.alpha === undefined ? 1 : clamp01(color.alpha / 255);
  if (comps === undefined || comps.length === 0) {
    if (color.shading !== undefined) {
      ctx.approximated(color.shading.local);
      const first = firstShadingColor(color.shading);
      if (first !== undefined) return resolveColor({ ...first, ...(color.colorSpace === undefined ? {} : { colorSpace: color.colorSpace }) }, ctx, fallback);
    }
    return { ...fallback, a: fallback.a * alpha };
  }
  const c = (i: number): number => clamp01((comps[i] ?? 0) / max);
  let rgb: [number, number, number];
  if (type === 'GRAY' || comps.length === 1) rgb = [c(0), c(0), c(0)];
  else if (type === 'CMYK' || comps.length === 4) rgb = [1 - Math.min(1, c(0) + c(3)), 1 - Math.min(1, c(1) + c(3)), 1 - Math.min(1, c(2) + c(3))];
  else rgb = [c(0), c(1), c(2)];
  return { r: Math.round(rgb[0] * 255), g: Math.round(rgb[1] * 255), b: Math.round(rgb[2] * 255), a: alpha };
}

function firstShadingColor(shading: CT_Color['shading']): CT_Color | undefined {
  // AxialShd/RadialShd: Segment/Color; GouraudShd: Point/Color; Pattern: no colour of its own.
  const stack = shading === undefined ? [] : [shading];
  while (stack.length > 0) {
    const el = stack.shift();
    if (el === undefined) break;
    if (el.local === 'Color') {
      const value = el.attr('Value');
      if (value === undefined) continue;
      const nums = value.trim().split(/\s+/).map((t) => (t.startsWith('#') ? parseInt(t.slice(1), 16) : Number(t)));
      if (nums.every(Number.isFinite)) return { value: nums };
    }
    stack.push(...el.elements());
  }
  return undefined;
}

function clamp01(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}

export const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };
export const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };
