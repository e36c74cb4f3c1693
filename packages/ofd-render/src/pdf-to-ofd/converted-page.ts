import type { Matrix, PathCommand } from '@openseal/ofd';

/** A clip path in page mm (ISO 32000-1 §8.5.4: each clip intersects the ones before it). */
export interface PageClip {
  readonly commands: readonly PathCommand[];
  readonly rule: 'NonZero' | 'Even-Odd';
}

export interface Paint {
  readonly rgb: readonly [number, number, number];
  /** 0–255. */
  readonly alpha: number;
}

export interface StrokePaint extends Paint {
  readonly width: number;
  readonly cap: 'Butt' | 'Round' | 'Square';
  readonly join: 'Miter' | 'Round' | 'Bevel';
  readonly miterLimit: number;
  readonly dash?: readonly number[];
  readonly dashOffset: number;
}

export interface ConvertedGlyph {
  /** One or more code points (a ligature glyph shows several). */
  readonly text: string;
  /** Origin in page mm. */
  readonly x: number;
  readonly y: number;
  readonly gid?: number;
}

/** Page content in page millimetres (y down), gathered from pdf.js before fonts are subset and written. */
export type ConvertedItem =
  | { readonly kind: 'path'; readonly commands: readonly PathCommand[]; readonly fill?: Paint & { readonly rule: 'NonZero' | 'Even-Odd' }; readonly stroke?: StrokePaint; readonly clips: readonly PageClip[] }
  | {
      readonly kind: 'text';
      readonly fontKey: string;
      /** Em size in mm. */
      readonly size: number;
      /** Linear part mapping the text's upright em space to the page, when not a plain scale. */
      readonly linear?: Matrix;
      readonly hScale?: number;
      readonly glyphs: readonly ConvertedGlyph[];
      readonly fill?: Paint;
      readonly stroke?: StrokePaint;
      readonly clips: readonly PageClip[];
    }
  | { readonly kind: 'image'; readonly imageKey: string; readonly matrix: Matrix; readonly clips: readonly PageClip[] };

export interface ConvertedPage {
  readonly width: number;
  readonly height: number;
  readonly items: ConvertedItem[];
}
