import type { CT_Color, CT_DrawParam, CT_GraphicUnit } from '@openseal/ofd';

/** The drawing attributes of one object after DrawParam inheritance (values as in the file, or absent). */
export interface EffectiveStyle {
  lineWidth?: number;
  cap?: string;
  join?: string;
  miterLimit?: number;
  dashOffset?: number;
  dashPattern?: number[];
  fillColor?: CT_Color;
  strokeColor?: CT_Color;
}

/**
 * GB/T 33190 §8.2: an object's own attributes win over its DrawParam, which inherits from the DrawParam
 * named by @Relative; a layer's DrawParam applies to objects that name none. Cycles and over-long chains
 * stop at `maxChain`.
 */
export function effectiveStyle(
  unit: CT_GraphicUnit & { fillColor?: CT_Color; strokeColor?: CT_Color },
  layerDrawParam: number | undefined,
  drawParams: ReadonlyMap<number, { readonly resource: CT_DrawParam }>,
  maxChain: number,
): EffectiveStyle {
  const style: EffectiveStyle = {};
  const take = <K extends keyof EffectiveStyle>(key: K, value: EffectiveStyle[K] | undefined): void => {
    if (style[key] === undefined && value !== undefined) style[key] = value;
  };
  take('lineWidth', unit.lineWidth);
  take('cap', unit.cap);
  take('join', unit.join);
  take('miterLimit', unit.miterLimit);
  take('dashOffset', unit.dashOffset);
  take('dashPattern', unit.dashPattern);
  take('fillColor', unit.fillColor);
  take('strokeColor', unit.strokeColor);
  const seen = new Set<number>();
  let id = unit.drawParam ?? layerDrawParam;
  for (let i = 0; id !== undefined && i < maxChain && !seen.has(id); i++) {
    seen.add(id);
    const dp = drawParams.get(id)?.resource;
    if (dp === undefined) break;
    take('lineWidth', dp.lineWidth);
    take('cap', dp.cap);
    take('join', dp.join);
    take('miterLimit', dp.miterLimit);
    take('dashOffset', dp.dashOffset);
    take('dashPattern', dp.dashPattern);
    take('fillColor', dp.fillColor);
    take('strokeColor', dp.strokeColor);
    id = dp.relative;
  }
  return style;
}
