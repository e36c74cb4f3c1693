/**
 * Seal pictures from text (国发〔1999〕25号 conventions): the round official seal (red rim, five-pointed
 * star, organ name clockwise along the upper arc, purpose under the star), the oval seal (name on the
 * upper arc, a code across the middle, purpose below — as the 发票专用章), square organisation seals and
 * personal name seals, with an optional faint guilloché security texture.
 */
import type { Font } from '@openseal/fonts';
import { LayoutFieldsError } from '../errors.js';
import { starPath } from '../official/compose-header.js';
import type { PathSegment } from '../render/draw-list.js';
import { ellipsePath, glyphOutline, rectPath, type SealDrawing, type SealShape } from './seal-drawing.js';

export type SealImageShape = 'round' | 'oval' | 'square' | 'personal';

export interface SealImageSpec {
  readonly shape?: SealImageShape;
  /** Organisation (round, oval, square) or person (personal). */
  readonly name: string;
  /** Seal purpose, e.g. 合同专用章, set horizontally under the star (round) or at the bottom (oval). */
  readonly purpose?: string;
  /** Code text: along the bottom arc (round) or across the middle (oval, e.g. a taxpayer ID). */
  readonly code?: string;
  /** Round: diameter (default 42 mm, 38–45 usual); oval: width (default 40); square/personal: side (default 40/20). */
  readonly sizeMm?: number;
  /** Oval height (default 30 mm). */
  readonly heightMm?: number;
  /** Five-pointed star in the centre (round seals; default true). */
  readonly star?: boolean;
  readonly color?: readonly [number, number, number];
  /** A faint guilloché texture inside the rim (makes a copied picture easier to tell from the original). */
  readonly texture?: boolean;
}

const SEAL_RED = [255, 0, 0] as const;

export function sealImage(spec: SealImageSpec, font: Font): SealDrawing {
  const name = [...spec.name.trim()];
  if (name.length === 0) throw new LayoutFieldsError('a seal needs a name');
  for (const ch of [...name, ...(spec.purpose ?? ''), ...(spec.code ?? '')]) {
    if (!/\s/.test(ch) && !font.hasCodePoint(ch.codePointAt(0) as number)) throw new LayoutFieldsError(`the seal font has no glyph for "${ch}"`, { char: ch });
  }
  const shape = spec.shape ?? 'round';
  const color = spec.color ?? SEAL_RED;
  if (shape === 'round') return round(spec, name, font, color);
  if (shape === 'oval') return oval(spec, name, font, color);
  return square(spec, shape === 'personal' ? personalCells(name) : name, font, color, shape === 'personal' ? 20 : 40);
}

function round(spec: SealImageSpec, name: string[], font: Font, color: SealDrawing['color']): SealDrawing {
  const D = spec.sizeMm ?? 42;
  if (!(D >= 20 && D <= 80)) throw new LayoutFieldsError('round seal diameter must be 20–80 mm');
  const R = D / 2;
  const rim = Math.max(0.8, D * 0.028);
  const shapes: SealShape[] = [{ commands: [...ellipsePath(R, R, R, R), ...ellipsePath(R, R, R - rim, R - rim, false)], rule: 'nonzero', alpha: 1 }];
  if (spec.texture === true) shapes.push(texture(R, R, R - rim - 0.6, R - rim - 0.6, spec.name));
  if (spec.star !== false) shapes.push({ commands: starPath(R, R, D * 0.16), rule: 'nonzero', alpha: 1 });
  // Name clockwise over the top: glyph tops 0.9 mm inside the rim, spread over at most 220°.
  const size = D * 0.16;
  const vScale = 1.1;
  const rBase = R - rim - 0.9 - 0.88 * size * vScale;
  const step = name.length > 1 ? Math.min((38 * Math.PI) / 180, ((220 * Math.PI) / 180) / (name.length - 1)) : 0;
  const rMid = rBase + 0.44 * size * vScale;
  const hScale = Math.max(0.45, Math.min(1, (0.92 * rMid * (step || 1)) / size));
  const glyphs: PathSegment[] = [];
  name.forEach((ch, i) => {
    const a = (i - (name.length - 1) / 2) * step;
    glyphs.push(...glyphOutline(font, ch, size, { x: R + rBase * Math.sin(a), y: R - rBase * Math.cos(a), angle: a, hScale, vScale }));
  });
  if (spec.purpose) glyphs.push(...horizontalText(font, spec.purpose, R, R + D * 0.33, D * 0.1, D * 0.56));
  if (spec.code) {
    // Code along the bottom arc, read left to right, feet toward the rim.
    const cs = D * 0.065;
    const chars = [...spec.code];
    const r = R - rim - 0.8 - 0.12 * cs;
    const cstep = Math.min(0.12, (100 * Math.PI) / 180 / Math.max(1, chars.length - 1));
    chars.forEach((ch, i) => {
      const a = (i - (chars.length - 1) / 2) * cstep;
      glyphs.push(...glyphOutline(font, ch, cs, { x: R + r * Math.sin(a), y: R + r * Math.cos(a), angle: -a, hScale: 0.8 }));
    });
  }
  shapes.push({ commands: glyphs, rule: 'nonzero', alpha: 1 });
  return { widthMm: D, heightMm: D, color, shapes };
}

function oval(spec: SealImageSpec, name: string[], font: Font, color: SealDrawing['color']): SealDrawing {
  const W = spec.sizeMm ?? 40;
  const H = spec.heightMm ?? 30;
  if (!(W >= 20 && W <= 80 && H >= 15 && H <= 80)) throw new LayoutFieldsError('oval seal size must be 20–80 × 15–80 mm');
  const [cx, cy] = [W / 2, H / 2];
  const rim = 1;
  const shapes: SealShape[] = [{ commands: [...ellipsePath(cx, cy, cx, cy), ...ellipsePath(cx, cy, cx - rim, cy - rim, false)], rule: 'nonzero', alpha: 1 }];
  if (spec.texture === true) shapes.push(texture(cx, cy, cx - rim - 0.6, cy - rim - 0.6, spec.name));
  const size = H * 0.17;
  const a = cx - rim - 0.8 - 0.88 * size;
  const b = cy - rim - 0.8 - 0.88 * size;
  const span = Math.min((160 * Math.PI) / 180, name.length * 0.3);
  const step = name.length > 1 ? span / (name.length - 1) : 0;
  const glyphs: PathSegment[] = [];
  name.forEach((ch, i) => {
    const t = (i - (name.length - 1) / 2) * step;
    const [x, y] = [cx + a * Math.sin(t), cy - b * Math.cos(t)];
    // Upright along the outward normal of the ellipse at that point.
    const angle = Math.atan2(Math.sin(t) / a, Math.cos(t) / b);
    glyphs.push(...glyphOutline(font, ch, size, { x, y, angle, hScale: 0.75 }));
  });
  if (spec.code) glyphs.push(...horizontalText(font, spec.code, cx, cy + H * 0.1, H * 0.11, W * 0.7));
  if (spec.purpose) glyphs.push(...horizontalText(font, spec.purpose, cx, cy + H * 0.35, H * 0.13, W * 0.5));
  shapes.push({ commands: glyphs, rule: 'nonzero', alpha: 1 });
  return { widthMm: W, heightMm: H, color, shapes };
}

/** Square seals: characters in a grid read in columns from the right, top to bottom. */
function square(spec: SealImageSpec, cells: string[], font: Font, color: SealDrawing['color'], defaultSide: number): SealDrawing {
  const S = spec.sizeMm ?? defaultSide;
  if (!(S >= 8 && S <= 80)) throw new LayoutFieldsError('square seal side must be 8–80 mm');
  const rim = Math.max(0.6, S * 0.05);
  const shapes: SealShape[] = [{ commands: [...rectPath(0, 0, S, S), ...reverse(rectPath(rim, rim, S - 2 * rim, S - 2 * rim))], rule: 'nonzero', alpha: 1 }];
  if (spec.texture === true) shapes.push(texture(S / 2, S / 2, S / 2 - rim - 0.4, S / 2 - rim - 0.4, spec.name));
  const cols = Math.ceil(Math.sqrt(cells.length));
  const rows = Math.ceil(cells.length / cols);
  const inner = S - 2 * rim - 1.2;
  const cw = inner / cols;
  const ch = inner / rows;
  const size = Math.min(cw, ch) * 0.95;
  const glyphs: PathSegment[] = [];
  cells.forEach((c, i) => {
    const col = cols - 1 - Math.floor(i / rows);
    const row = i % rows;
    const x = rim + 0.6 + (col + 0.5) * cw;
    const y = rim + 0.6 + row * ch + ch / 2 + 0.38 * size * (ch / size);
    glyphs.push(...glyphOutline(font, c, size, { x, y, hScale: cw / size, vScale: ch / size }));
  });
  shapes.push({ commands: glyphs, rule: 'nonzero', alpha: 1 });
  return { widthMm: S, heightMm: S, color, shapes };
}

/** A personal seal reads "name + 之印" (two characters) or "name + 印" (three). */
function personalCells(name: string[]): string[] {
  if (name.length === 2) return [...name, '之', '印'];
  if (name.length === 3) return [...name, '印'];
  return name;
}

function horizontalText(font: Font, text: string, cx: number, baseline: number, size: number, maxWidth: number): PathSegment[] {
  const chars = [...text];
  const adv = chars.map((c) => (font.advanceWidth(font.glyphIdForCodePoint(c.codePointAt(0) as number)) / font.unitsPerEm) * size);
  const total = adv.reduce((s, a) => s + a, 0);
  const hScale = Math.min(1, maxWidth / total);
  const out: PathSegment[] = [];
  let x = cx - (total * hScale) / 2;
  chars.forEach((c, i) => {
    const w = (adv[i] as number) * hScale;
    out.push(...glyphOutline(font, c, size, { x: x + w / 2, y: baseline, hScale }));
    x += w;
  });
  return out;
}

function reverse(path: PathSegment[]): PathSegment[] {
  const pts = path.filter((p): p is { op: 'M' | 'L'; x: number; y: number } => p.op === 'M' || p.op === 'L').reverse();
  return [...pts.map((p, i) => ({ op: i === 0 ? ('M' as const) : ('L' as const), x: p.x, y: p.y })), { op: 'Z' }];
}

/** Concentric wave rings (guilloché), thin and faint; phases derived from the name so each seal differs. */
function texture(cx: number, cy: number, rx: number, ry: number, seed: string): SealShape {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ (c.codePointAt(0) as number), 16777619) >>> 0;
  const commands: PathSegment[] = [];
  const width = 0.08;
  for (let k = 0; k < 14; k++) {
    const f = 0.3 + (k / 14) * 0.62;
    const phase = ((h >>> (k % 24)) & 255) / 40;
    const waves = 9 + (k % 5) * 2;
    const pts: [number, number][] = [];
    for (let i = 0; i <= 720; i++) {
      const t = (i / 720) * 2 * Math.PI;
      const r = f * (1 + 0.035 * Math.sin(waves * t + phase));
      pts.push([cx + rx * r * Math.cos(t), cy + ry * r * Math.sin(t)]);
    }
    commands.push(...strokePolyline(pts, width));
  }
  return { commands, rule: 'nonzero', alpha: 0.22 };
}

/** A polyline stroked as one quadrilateral per segment, all wound the same way (their nonzero union). */
function strokePolyline(pts: readonly [number, number][], width: number): PathSegment[] {
  const out: PathSegment[] = [];
  for (let i = 1; i < pts.length; i++) {
    const [x0, y0] = pts[i - 1] as [number, number];
    const [x1, y1] = pts[i] as [number, number];
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    const [nx, ny] = [(-(y1 - y0) / len) * (width / 2), ((x1 - x0) / len) * (width / 2)];
    out.push({ op: 'M', x: x0 + nx, y: y0 + ny }, { op: 'L', x: x1 + nx, y: y1 + ny }, { op: 'L', x: x1 - nx, y: y1 - ny }, { op: 'L', x: x0 - nx, y: y0 - ny }, { op: 'Z' });
  }
  return out;
}
