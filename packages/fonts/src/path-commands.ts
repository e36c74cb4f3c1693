/** Outline drawing commands in font units, y axis pointing up (as in the font). */
export type PathCommand =
  | { readonly type: 'M'; readonly x: number; readonly y: number }
  | { readonly type: 'L'; readonly x: number; readonly y: number }
  | { readonly type: 'Q'; readonly x1: number; readonly y1: number; readonly x: number; readonly y: number }
  | { readonly type: 'C'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly x: number; readonly y: number }
  | { readonly type: 'Z' };

export interface PathToSvgOptions {
  /** Multiplier applied to every coordinate, e.g. sizePx / unitsPerEm. Default 1. */
  readonly scale?: number;
  /** Flip the y axis (SVG and canvas point down). Default true. */
  readonly flipY?: boolean;
  /** Translation applied after scaling and flipping. */
  readonly x?: number;
  readonly y?: number;
  /** Decimal places kept. Default 2. */
  readonly precision?: number;
}

/** SVG path data ("M … Z") for glyph outline commands. */
export function pathToSvg(commands: readonly PathCommand[], options: PathToSvgOptions = {}): string {
  const s = options.scale ?? 1;
  const sy = options.flipY === false ? s : -s;
  const ox = options.x ?? 0;
  const oy = options.y ?? 0;
  const p = 10 ** (options.precision ?? 2);
  const fx = (v: number): number => Math.round((v * s + ox) * p) / p;
  const fy = (v: number): number => Math.round((v * sy + oy) * p) / p;
  const out: string[] = [];
  for (const c of commands) {
    switch (c.type) {
      case 'M':
      case 'L':
        out.push(`${c.type}${fx(c.x)} ${fy(c.y)}`);
        break;
      case 'Q':
        out.push(`Q${fx(c.x1)} ${fy(c.y1)} ${fx(c.x)} ${fy(c.y)}`);
        break;
      case 'C':
        out.push(`C${fx(c.x1)} ${fy(c.y1)} ${fx(c.x2)} ${fy(c.y2)} ${fx(c.x)} ${fy(c.y)}`);
        break;
      case 'Z':
        out.push('Z');
        break;
    }
  }
  return out.join('');
}
