/**
 * A device-independent page description that both the PDF and the OFD writers render, so the two
 * outputs look the same. Millimetres, origin top-left, y down.
 */
import type { Font } from '@openseal/fonts';
import type { Rgb } from '../official/page-geometry.js';

export interface GlyphPlacement {
  readonly gid: number;
  /** The character(s) the glyph shows (ToUnicode / OFD TextCode). */
  readonly text: string;
  /** Absolute x of the glyph origin, mm. */
  readonly x: number;
}

export interface TextOp {
  readonly kind: 'text';
  readonly font: Font;
  readonly sizeMm: number;
  readonly baseline: number;
  readonly glyphs: readonly GlyphPlacement[];
  readonly color: Rgb;
  /** Horizontal scale (1 = none), for mastheads squeezed to fit. */
  readonly hScale?: number;
  /** Outline stroke width in mm, to embolden a light face (小标宋 drawn with a Song face). */
  readonly strokeMm?: number;
}

export interface LineOp {
  readonly kind: 'line';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly widthMm: number;
  readonly color: Rgb;
}

/** A closed polygon or curve path, filled (absolute mm). */
export interface PathOp {
  readonly kind: 'path';
  readonly commands: readonly PathSegment[];
  readonly fill: Rgb;
}

export type PathSegment =
  | { readonly op: 'M' | 'L'; readonly x: number; readonly y: number }
  | { readonly op: 'C'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly x: number; readonly y: number }
  | { readonly op: 'Z' };

export type DrawOp = TextOp | LineOp | PathOp;

export interface LaidOutPage {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly ops: DrawOp[];
}
