import type { PathSegment } from '../render/draw-list.js';
import type { SealDrawing } from './seal-drawing.js';

const f = (v: number): string => String(Math.round(v * 1000) / 1000);

export function pathData(commands: readonly PathSegment[]): string {
  return commands.map((c) => (c.op === 'Z' ? 'Z' : c.op === 'C' ? `C${f(c.x1)} ${f(c.y1)} ${f(c.x2)} ${f(c.y2)} ${f(c.x)} ${f(c.y)}` : `${c.op}${f(c.x)} ${f(c.y)}`)).join('');
}

/** The seal as a standalone SVG, sized in millimetres (viewBox units are mm). */
export function sealToSvg(d: SealDrawing): string {
  const [r, g, b] = d.color;
  const paths = d.shapes.map((s) => `<path fill-rule="${s.rule}"${s.alpha < 1 ? ` fill-opacity="${f(s.alpha)}"` : ''} d="${pathData(s.commands)}"/>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${f(d.widthMm)}mm" height="${f(d.heightMm)}mm" viewBox="0 0 ${f(d.widthMm)} ${f(d.heightMm)}">`,
    `<g fill="rgb(${r},${g},${b})">`,
    ...paths,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
