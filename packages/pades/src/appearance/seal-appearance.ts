/**
 * The appearance Form XObject of a seal (ISO 32000-2 §12.5.5 /AP /N): the picture at true size, the
 * optional text block, turned upright for the page's /Rotate, optionally clipped to a vertical slice.
 */
import { InvalidArgumentError } from '@openseal/kernel';
import { PdfName, type PdfObject, type PdfRef } from '@openseal/pdf';
import { ContentBuilder } from './content-builder.js';
import { addFormXObject, ResourceNames } from './form-xobject.js';
import type { ObjectSink } from './object-sink.js';
import type { MmBox, PageFrame } from './page-frame.js';
import { embedRaster } from './raster-image.js';
import type { SealDesign } from './seal-design.js';
import { mmToPt, ptToMm } from './units.js';
import { drawVector, type VectorDrawing } from './vector-drawing.js';

/** The appearance box and, inside it, where the picture and the text go (mm, from its top-left). */
export interface SealLayout {
  readonly widthMm: number;
  readonly heightMm: number;
  readonly seal: MmBox;
  readonly text?: MmBox;
}

/** A vertical strip of the appearance box: [xMm, xMm + widthMm) from its left edge. */
export interface AppearanceSlice {
  readonly xMm: number;
  readonly widthMm: number;
}

const TEXT_GAP_MM = 1;
const MAX_SIZE_MM = 2000;

export function sealPictureSize(design: SealDesign): { widthMm: number; heightMm: number } {
  const w = design.widthMm;
  const g = design.graphic;
  const aspect = g.height / g.width;
  const h = design.heightMm ?? w * aspect;
  if (!(w > 0 && h > 0 && w <= MAX_SIZE_MM && h <= MAX_SIZE_MM)) throw new InvalidArgumentError('seal size must be positive and at most 2 m', { widthMm: w, heightMm: h });
  return { widthMm: w, heightMm: h };
}

export function layoutSeal(design: SealDesign): SealLayout {
  const { widthMm: w, heightMm: h } = sealPictureSize(design);
  const t = design.text;
  if (!t) return { widthMm: w, heightMm: h, seal: { x: 0, y: 0, width: w, height: h } };
  const tw = ptToMm(t.widthPt);
  const th = ptToMm(t.heightPt);
  if (t.position === 'overlay') {
    // Over the lower part of the picture, where a date usually sits on a stamped seal.
    return { widthMm: w, heightMm: h, seal: { x: 0, y: 0, width: w, height: h }, text: { x: (w - tw) / 2, y: h * 0.7 - th / 2, width: tw, height: th } };
  }
  const width = Math.max(w, tw);
  return { widthMm: width, heightMm: h + TEXT_GAP_MM + th, seal: { x: (width - w) / 2, y: 0, width: w, height: h }, text: { x: (width - tw) / 2, y: h + TEXT_GAP_MM, width: tw, height: th } };
}

const vectorForms = new WeakMap<ObjectSink, Map<VectorDrawing, Map<string, PdfRef>>>();

/** The drawing as a Form XObject of w × h points, added once per file (riding seams reuse it per strip). */
function embedVectorForm(sink: ObjectSink, drawing: VectorDrawing, w: number, h: number): PdfRef {
  let bySink = vectorForms.get(sink);
  if (!bySink) vectorForms.set(sink, (bySink = new Map()));
  let bySize = bySink.get(drawing);
  if (!bySize) bySink.set(drawing, (bySize = new Map()));
  const key = `${w.toFixed(4)}x${h.toFixed(4)}`;
  const hit = bySize.get(key);
  if (hit) return hit;
  const cb = new ContentBuilder();
  drawVector(cb, drawing, w, h);
  const ref = addFormXObject(sink, { width: w, height: h, resources: new ResourceNames(), content: cb.toBytes() });
  bySize.set(key, ref);
  return ref;
}

/** Writes the appearance XObject for `frame`'s page and returns its reference. */
export function writeSealAppearance(sink: ObjectSink, design: SealDesign, frame: PageFrame, slice?: AppearanceSlice): PdfRef {
  const layout = layoutSeal(design);
  const boxW = slice?.widthMm ?? layout.widthMm;
  const boxH = layout.heightMm;
  if (slice && !(slice.widthMm > 0 && slice.xMm >= 0 && slice.xMm + slice.widthMm <= layout.widthMm + 1e-9)) {
    throw new InvalidArgumentError('slice lies outside the seal', { slice, widthMm: layout.widthMm });
  }
  const unitsPerMm = 1 / frame.mmPerUnit;
  const res = new ResourceNames();
  const cb = new ContentBuilder();
  // Everything below is drawn in points in the seen orientation; the /Matrix turns it for /Rotate.
  const ptToUnits = unitsPerMm / mmToPt(1);
  if (Math.abs(ptToUnits - 1) > 1e-12) cb.concat([ptToUnits, 0, 0, ptToUnits, 0, 0]);
  const H = mmToPt(boxH);
  const opacity = design.opacity ?? 1;
  if (!(opacity >= 0 && opacity <= 1)) throw new InvalidArgumentError('opacity must be within 0…1', { opacity: design.opacity });
  const state: Record<string, PdfObject> = {};
  if (opacity < 1) Object.assign(state, { ca: opacity, CA: opacity });
  if ((design.blend ?? 'multiply') === 'multiply') state['BM'] = new PdfName('Multiply');
  if (Object.keys(state).length > 0) cb.op('gs', `/${res.graphicsState(state)}`);
  if (slice) {
    // §8.5.4 clip to the strip, then shift the whole seal so the strip's part lands in the box.
    cb.rect(0, 0, mmToPt(slice.widthMm), H).op('W').op('n');
    cb.concat([1, 0, 0, 1, -mmToPt(slice.xMm), 0]);
  }
  const s = layout.seal;
  const sx = mmToPt(s.x);
  const sy = H - mmToPt(s.y + s.height);
  const sw = mmToPt(s.width);
  const sh = mmToPt(s.height);
  const g = design.graphic;
  if (g.kind === 'raster') {
    cb.save().concat([sw, 0, 0, sh, sx, sy]).xobject(res.xobject(embedRaster(sink, g))).restore();
  } else {
    cb.save().concat([1, 0, 0, 1, sx, sy]).xobject(res.xobject(embedVectorForm(sink, g, sw, sh))).restore();
  }
  if (design.text && layout.text) {
    const t = layout.text;
    design.text.draw(cb, res, sink, mmToPt(t.x), H - mmToPt(t.y + t.height));
  }
  const w = boxW * unitsPerMm;
  const h = boxH * unitsPerMm;
  return addFormXObject(sink, { width: w, height: h, matrix: frame.formMatrix(w, h), resources: res, content: cb.toBytes() });
}
