import type { PathCommand } from './abbreviated-data.js';
import type { CT_Color } from './ct-color.js';
import type { Matrix, ST_Box } from './primitives.js';

export type LineCap = 'Butt' | 'Round' | 'Square';
export type LineJoin = 'Miter' | 'Round' | 'Bevel';

/**
 * CT_GraphicUnit (GB/T 33190 §8.5, 表34): attributes every page object shares. Values are as written in
 * the file (absent = the XSD default: Visible true, LineWidth 0.353, Cap Butt, Join Miter,
 * MiterLimit 4.234, DashOffset 0, Alpha 255). The object's local origin is Boundary's top-left corner.
 */
export interface CT_GraphicUnit {
  /** ST_ID of the object (required on *Object elements, absent on clip-area shapes). */
  id?: number;
  boundary: ST_Box;
  name?: string;
  visible?: boolean;
  ctm?: Matrix;
  drawParam?: number;
  lineWidth?: number;
  cap?: LineCap;
  join?: LineJoin;
  miterLimit?: number;
  dashOffset?: number;
  dashPattern?: number[];
  alpha?: number;
  clips?: CT_Clip[];
}

/** CT_Clip (§8.4, 表33): the union of its areas, relative to the object's Boundary. */
export interface CT_Clip {
  areas: ClipArea[];
}

export interface ClipArea {
  drawParam?: number;
  ctm?: Matrix;
  shape: { kind: 'Path'; path: CT_Path } | { kind: 'Text'; text: CT_Text };
}

/** CT_CGTransform (Page.xsd): maps characters of the following TextCode to glyph indices. */
export interface CT_CGTransform {
  codePosition: number;
  codeCount?: number;
  glyphCount?: number;
  glyphs?: number[];
}

/** TextCode (§11.3, 表46); X/Y absent = those of the previous TextCode; DeltaX/DeltaY expanded from `g` groups. */
export interface TextCode {
  x?: number;
  y?: number;
  deltaX?: number[];
  deltaY?: number[];
  text: string;
  /** CGTransform elements written just before this TextCode. */
  cgTransforms?: CT_CGTransform[];
}

/** CT_Text (§11.2, 表45). Size in mm. */
export interface CT_Text extends CT_GraphicUnit {
  font: number;
  size: number;
  stroke?: boolean;
  fill?: boolean;
  hScale?: number;
  readDirection?: number;
  charDirection?: number;
  weight?: number;
  italic?: boolean;
  fillColor?: CT_Color;
  strokeColor?: CT_Color;
  textCodes: TextCode[];
}

/** CT_Path (§9.1, 表35); Stroke defaults to true, Fill to false, Rule to NonZero. */
export interface CT_Path extends CT_GraphicUnit {
  stroke?: boolean;
  fill?: boolean;
  rule?: 'NonZero' | 'Even-Odd';
  strokeColor?: CT_Color;
  fillColor?: CT_Color;
  abbreviatedData: PathCommand[];
}

export interface ImageBorder {
  lineWidth?: number;
  horizonalCornerRadius?: number;
  verticalCornerRadius?: number;
  dashOffset?: number;
  dashPattern?: number[];
  borderColor?: CT_Color;
}

/** CT_Image (§10, 表43): painted into the unit square of the object's space, so the CTM scales it. */
export interface CT_Image extends CT_GraphicUnit {
  resourceId: number;
  substitution?: number;
  imageMask?: number;
  border?: ImageBorder;
}

/** CT_Composite (Page.xsd): draws a CompositeGraphicUnit (CT_VectorG) resource. */
export interface CT_Composite extends CT_GraphicUnit {
  resourceId: number;
}

export interface TextObject extends CT_Text {
  kind: 'TextObject';
}
export interface PathObject extends CT_Path {
  kind: 'PathObject';
}
export interface ImageObject extends CT_Image {
  kind: 'ImageObject';
}
export interface CompositeObject extends CT_Composite {
  kind: 'CompositeObject';
}
/** CT_PageBlock (Page.xsd): a group of objects. */
export interface PageBlock {
  kind: 'PageBlock';
  id?: number;
  objects: PageObject[];
}

/** Any element of a CT_PageBlock, painted in document order. */
export type PageObject = TextObject | PathObject | ImageObject | CompositeObject | PageBlock;

/** CT_Layer (Page.xsd): a layer of page content. */
export interface CT_Layer {
  id?: number;
  type?: 'Body' | 'Background' | 'Foreground' | 'Custom';
  drawParam?: number;
  objects: PageObject[];
}
