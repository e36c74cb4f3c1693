import { InvalidArgumentError } from '@openseal/kernel';

export interface SplitAlpha {
  /** 3 bytes per pixel, for an image XObject /DeviceRGB /BitsPerComponent 8. */
  readonly rgb: Uint8Array;
  /** 1 byte per pixel, for the /SMask (/DeviceGray). */
  readonly alpha: Uint8Array;
  /** True when every alpha is 255: the SMask can be left out. */
  readonly opaque: boolean;
}

/** Splits RGBA8 pixels into colour and alpha planes (PDF image XObject + /SMask, ISO 32000-1 §11.6.5.3). */
export function splitAlpha(rgba: Uint8Array): SplitAlpha {
  if (rgba.length % 4 !== 0) throw new InvalidArgumentError('RGBA pixel data length must be a multiple of 4', { length: rgba.length });
  const n = rgba.length / 4;
  const rgb = new Uint8Array(n * 3);
  const alpha = new Uint8Array(n);
  let opaque = true;
  for (let i = 0; i < n; i++) {
    rgb[i * 3] = rgba[i * 4] as number;
    rgb[i * 3 + 1] = rgba[i * 4 + 1] as number;
    rgb[i * 3 + 2] = rgba[i * 4 + 2] as number;
    const a = rgba[i * 4 + 3] as number;
    alpha[i] = a;
    if (a !== 255) opaque = false;
  }
  return { rgb, alpha, opaque };
}
