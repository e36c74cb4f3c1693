/** What a visible seal looks like, independent of where it goes. */
import type { PreparedRaster } from './raster-image.js';
import type { PreparedSealText } from './seal-text.js';
import type { VectorDrawing } from './vector-drawing.js';

/** The seal picture: a prepared bitmap (PNG/JPEG, see prepareSealImage) or a vector drawing. */
export type SealGraphic = PreparedRaster | VectorDrawing;

export interface SealDesign {
  readonly graphic: SealGraphic;
  /** Printed width of the seal picture in mm (true size: a 42 mm seal prints 42 mm wide). */
  readonly widthMm: number;
  /** Printed height in mm; default keeps the picture's aspect ratio. */
  readonly heightMm?: number;
  /** Text lines (signer, date …) drawn below or over the picture, with an embedded font. */
  readonly text?: PreparedSealText;
  /** Constant alpha 0…1 for the whole appearance (default 1: opaque, as a printed seal). */
  readonly opacity?: number;
  /** How the seal combines with the page (ISO 32000-2 §11.3.5): 'multiply' (default) lets text under
   *  the seal show through as under real ink; 'normal' paints over it. */
  readonly blend?: 'multiply' | 'normal';
}
