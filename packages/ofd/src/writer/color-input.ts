import { InvalidArgumentError } from '@openseal/kernel';
import type { CT_Color } from '../model/ct-color.js';

/** A colour for the builder: RGB 0–255 (the default colour space), gray 0–255 or CMYK 0–255 per component. */
export type ColorInput =
  | { readonly rgb: readonly [number, number, number]; readonly alpha?: number }
  | { readonly gray: number; readonly alpha?: number }
  | { readonly cmyk: readonly [number, number, number, number]; readonly alpha?: number };

/** Converts to CT_Color; `colorSpaceFor` supplies (creating once) the GRAY / CMYK ColorSpace resource. */
export function toColor(input: ColorInput, colorSpaceFor: (type: 'GRAY' | 'CMYK') => number): CT_Color {
  let color: CT_Color;
  if ('rgb' in input) color = { value: check([...input.rgb]) };
  else if ('gray' in input) color = { value: check([input.gray]), colorSpace: colorSpaceFor('GRAY') };
  else color = { value: check([...input.cmyk]), colorSpace: colorSpaceFor('CMYK') };
  if (input.alpha !== undefined) color.alpha = check([input.alpha])[0] as number;
  return color;
}

function check(values: number[]): number[] {
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0 || v > 255) throw new InvalidArgumentError(`colour components are integers 0–255, got ${v}`);
  }
  return values;
}
