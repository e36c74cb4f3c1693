import type { Matrix } from '@openseal/ofd';

/** A colour resolved to sRGB 0–255 with opacity 0–1. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** Path segments in the item's own space; arcs are already curves, so every back end draws the same. */
export type PathSeg =
  | { readonly op: 'M' | 'L'; readonly x: number; readonly y: number }
  | { readonly op: 'Q'; readonly x1: number; readonly y1: number; readonly x: number; readonly y: number }
  | { readonly op: 'C'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly x: number; readonly y: number }
  | { readonly op: 'Z' };

export type FillRule = 'nonzero' | 'evenodd';

/** One area of a clip: `path` mapped to page mm by `matrix`. */
export interface ClipShape {
  readonly path: readonly PathSeg[];
  readonly matrix: Matrix;
  readonly rule: FillRule;
}

/** GB/T 33190 §8.4: a Clip is the union of its areas; an object's several Clips intersect. */
export interface Clip {
  readonly shapes: readonly ClipShape[];
}

export interface StrokeStyle {
  readonly color: Rgba;
  /** mm in the item's space. */
  readonly width: number;
  readonly cap: 'butt' | 'round' | 'square';
  readonly join: 'miter' | 'round' | 'bevel';
  readonly miterLimit: number;
  readonly dash?: readonly number[];
  readonly dashOffset: number;
}

/** A font as the document names it; back ends find the program (embedded, or a substitute). */
export interface FontFace {
  /** Stable key within the document, e.g. "font:29". */
  readonly key: string;
  readonly name: string;
  readonly family?: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly serif: boolean;
  readonly fixedWidth: boolean;
  /** The embedded font program (FontFile), when the document has one. */
  readonly embedded?: Uint8Array;
}

export interface Glyph {
  /** The characters this glyph stands for (one code point, or several for a ligature). */
  readonly text: string;
  /** Origin (baseline point) in the item's space. */
  readonly x: number;
  readonly y: number;
  /** Glyph index in the embedded font (CGTransform), when the document gives one. */
  readonly gid?: number;
}

/** An image normalised for drawing: PNG or JPEG bytes whatever the document stored. */
export interface RasterImage {
  readonly key: string;
  readonly format: 'png' | 'jpeg';
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

interface ItemBase {
  /** Maps the item's space to page mm (y down, origin at the page's top-left). */
  readonly matrix: Matrix;
  readonly clips: readonly Clip[];
  /** 0–1, the product of the object's and its containers' alpha. */
  readonly opacity: number;
  /** Where it came from, for warnings and tests: "page", "template", "annotation", "stamp". */
  readonly source: ItemSource;
  readonly objectId?: number;
}

export type ItemSource = 'page' | 'template' | 'annotation' | 'stamp';

export interface PathItem extends ItemBase {
  readonly kind: 'path';
  readonly path: readonly PathSeg[];
  readonly fill?: { readonly color: Rgba; readonly rule: FillRule };
  readonly stroke?: StrokeStyle;
}

export interface TextItem extends ItemBase {
  readonly kind: 'text';
  readonly font: FontFace;
  /** Em size in mm. */
  readonly size: number;
  readonly glyphs: readonly Glyph[];
  readonly fill?: Rgba;
  readonly stroke?: StrokeStyle;
  /** Horizontal squeeze of each glyph about its origin (TextObject@HScale). */
  readonly hScale: number;
  /** Rotation of each glyph about its origin, degrees clockwise (TextObject@CharDirection). */
  readonly charRotation: number;
  readonly bold: boolean;
  readonly italic: boolean;
}

export interface ImageItem extends ItemBase {
  readonly kind: 'image';
  /** Drawn into the unit square of the item's space (GB/T 33190 §10). */
  readonly image: RasterImage;
}

export type DrawItem = PathItem | TextItem | ImageItem;

/** A page as a flat list of drawing operations in page millimetres; what every back end consumes. */
export interface DisplayList {
  /** Page size in mm (PhysicalBox, cut to the limits); item matrices already start at its origin. */
  readonly width: number;
  readonly height: number;
  readonly items: readonly DrawItem[];
}
