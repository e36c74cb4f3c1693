import { InvalidArgumentError } from '@openseal/kernel';
import type { PathCommand } from '../model/abbreviated-data.js';
import type { CT_Clip, CT_GraphicUnit, CT_Layer, CT_Path, LineCap, LineJoin, PageObject, PathObject, TextObject } from '../model/page-objects.js';
import type { PageXml } from '../model/page-xml.js';
import type { Matrix, ST_Box } from '../model/primitives.js';
import type { ColorInput } from './color-input.js';
import { toColor } from './color-input.js';
import { grow, pathBounds, roundOut, tidy, tidyPath, translatePath } from './path-geometry.js';

export interface StrokeStyle {
  readonly color?: ColorInput;
  /** mm; OFD's default is 0.353 (1 pt). */
  readonly width?: number;
  readonly cap?: LineCap;
  readonly join?: LineJoin;
  readonly miterLimit?: number;
  readonly dashPattern?: readonly number[];
  readonly dashOffset?: number;
}

/**
 * Placement shared by every drawing call. Without `boundary`, coordinates are page millimetres and the
 * builder computes the Boundary; with `boundary`, coordinates are in the object's own space exactly as
 * OFD defines it (CTM, then Boundary's origin) — use that for full control.
 */
interface Placement {
  readonly boundary?: ST_Box;
  readonly ctm?: Matrix;
  /** A clip path: page mm, or the object's space when `boundary` is given (GB/T 33190 §8.4: relative to Boundary). */
  readonly clip?: readonly PathCommand[];
  readonly alpha?: number;
  readonly name?: string;
}

export interface TextInput extends Placement {
  readonly text: string;
  /** A font resource ID from OfdBuilder.addFont. */
  readonly font: number;
  /** Font size in mm (pt × 25.4 / 72). */
  readonly size: number;
  /** Baseline origin of the first glyph. */
  readonly x: number;
  readonly y: number;
  /** Advances from each glyph to the next (n − 1 values); default: `advance` for each. */
  readonly deltaX?: readonly number[];
  /** Uniform advance when `deltaX` is absent; default `size` (full-width CJK). */
  readonly advance?: number;
  readonly deltaY?: readonly number[];
  readonly fill?: ColorInput;
  readonly stroke?: StrokeStyle;
  readonly weight?: number;
  readonly italic?: boolean;
  readonly hScale?: number;
}

export interface PathInput extends Placement {
  readonly commands: readonly PathCommand[];
  /** Default: stroked in black at 0.353 mm; `false` = not stroked. */
  readonly stroke?: StrokeStyle | false;
  /** Default: not filled. */
  readonly fill?: { readonly color?: ColorInput; readonly rule?: 'NonZero' | 'Even-Odd' } | false;
}

export interface ImageInput extends Omit<Placement, 'boundary'> {
  /** A MultiMedia resource ID from OfdBuilder.addImage. */
  readonly resource: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PageBuilderContext {
  nextId(): number;
  colorSpaceFor(type: 'GRAY' | 'CMYK'): number;
}

/** Draws onto one page; every object gets a document-unique ID. */
export class PageBuilder {
  readonly xml: PageXml;
  #layer: CT_Layer;

  constructor(
    readonly id: number,
    readonly index: number,
    readonly width: number,
    readonly height: number,
    private readonly ctx: PageBuilderContext,
    area: PageXml['area'],
  ) {
    this.#layer = { id: ctx.nextId(), objects: [] };
    this.xml = { templates: [], pageRes: [], layers: [this.#layer], ...(area === undefined ? {} : { area }) };
  }

  /** Starts a new layer; later objects go into it (painted above the earlier layers). */
  layer(type?: CT_Layer['type']): this {
    this.#layer = { id: this.ctx.nextId(), ...(type === undefined ? {} : { type }), objects: [] };
    this.xml.layers.push(this.#layer);
    return this;
  }

  /** Adds a prepared object as is (IDs are assigned where missing, inside PageBlocks too); returns its ID. */
  object(o: PageObject): number {
    const withIds = this.withIds(o);
    this.#layer.objects.push(withIds);
    return withIds.id as number;
  }

  private withIds(o: PageObject): PageObject {
    const id = o.id ?? this.ctx.nextId();
    return o.kind === 'PageBlock' ? { ...o, id, objects: o.objects.map((c) => this.withIds(c)) } : { ...o, id };
  }

  text(t: TextInput): number {
    const chars = Array.from(t.text);
    if (chars.length === 0) throw new InvalidArgumentError('empty text');
    const deltaX = t.deltaX === undefined ? Array<number>(chars.length - 1).fill(t.advance ?? t.size) : [...t.deltaX];
    let boundary = t.boundary;
    let x = t.x;
    let y = t.y;
    if (boundary === undefined) {
      if (t.ctm !== undefined) throw new InvalidArgumentError('a CTM needs an explicit boundary');
      let gx = t.x;
      let gy = t.y;
      let [minX, maxX, minY, maxY] = [gx, gx, gy, gy];
      for (let i = 1; i < chars.length; i++) {
        gx += deltaX[Math.min(i - 1, deltaX.length - 1)] ?? 0;
        gy += t.deltaY?.[Math.min(i - 1, t.deltaY.length - 1)] ?? 0;
        [minX, maxX, minY, maxY] = [Math.min(minX, gx), Math.max(maxX, gx), Math.min(minY, gy), Math.max(maxY, gy)];
      }
      // Glyph boxes reach about one em above the baseline and 0.3 em below; keep a margin (Boundary clips).
      const s = t.size * (t.hScale ?? 1);
      boundary = roundOut({ x: minX - 0.1 * s, y: minY - t.size, width: maxX - minX + 1.2 * s, height: maxY - minY + 1.3 * t.size });
      x = tidy(t.x - boundary.x);
      y = tidy(t.y - boundary.y);
    }
    const o: TextObject = {
      kind: 'TextObject',
      ...this.unit(t, boundary),
      font: t.font,
      size: t.size,
      textCodes: [{ x, y, ...(deltaX.length > 0 ? { deltaX } : {}), ...(t.deltaY === undefined ? {} : { deltaY: [...t.deltaY] }), text: t.text }],
    };
    if (t.stroke !== undefined) {
      o.stroke = true;
      this.strokeAttrs(o, t.stroke);
      if (t.stroke.color !== undefined) o.strokeColor = this.color(t.stroke.color);
    }
    if (t.fill !== undefined) o.fillColor = this.color(t.fill);
    if (t.weight !== undefined) o.weight = t.weight;
    if (t.italic !== undefined) o.italic = t.italic;
    if (t.hScale !== undefined) o.hScale = t.hScale;
    return this.object(o);
  }

  path(p: PathInput): number {
    let boundary = p.boundary;
    let commands = [...p.commands];
    if (boundary === undefined) {
      if (p.ctm !== undefined) throw new InvalidArgumentError('a CTM needs an explicit boundary');
      const bounds = pathBounds(commands);
      if (bounds === undefined) throw new InvalidArgumentError('path without points');
      const stroke = p.stroke === false ? undefined : p.stroke;
      // Stroke outlines reach half the width out, miter spikes up to MiterLimit × that (Page.xsd default 4.234).
      const margin = p.stroke === false ? 0 : ((stroke?.width ?? 0.353) / 2) * Math.max(1.5, stroke?.miterLimit ?? 4.234);
      boundary = roundOut(grow(bounds, margin));
      commands = tidyPath(translatePath(commands, -boundary.x, -boundary.y));
    }
    const o: PathObject = { kind: 'PathObject', ...this.unit(p, boundary), abbreviatedData: commands, stroke: p.stroke !== false, fill: p.fill !== undefined && p.fill !== false };
    if (p.stroke !== false && p.stroke !== undefined) {
      this.strokeAttrs(o, p.stroke);
      if (p.stroke.color !== undefined) o.strokeColor = this.color(p.stroke.color);
    }
    if (p.fill !== undefined && p.fill !== false) {
      if (p.fill.color !== undefined) o.fillColor = this.color(p.fill.color);
      if (p.fill.rule !== undefined) o.rule = p.fill.rule;
    }
    return this.object(o);
  }

  /** Draws an image resource into the box (x, y, width, height): CTM = [w 0 0 h 0 0] (§10: unit square). */
  image(i: ImageInput): number {
    const boundary: ST_Box = { x: i.x, y: i.y, width: i.width, height: i.height };
    return this.object({
      kind: 'ImageObject',
      ...this.unit({ ...i, ctm: i.ctm ?? [i.width, 0, 0, i.height, 0, 0] }, boundary, true),
      resourceId: i.resource,
    });
  }

  private unit(p: Placement, boundary: ST_Box, clipInPageMm = p.boundary === undefined): CT_GraphicUnit {
    const unit: CT_GraphicUnit = { boundary };
    if (p.name !== undefined) unit.name = p.name;
    if (p.ctm !== undefined) unit.ctm = p.ctm;
    if (p.alpha !== undefined) unit.alpha = p.alpha;
    if (p.clip !== undefined) unit.clips = [clipOf(p.clip, boundary, clipInPageMm)];
    return unit;
  }

  private strokeAttrs(u: CT_GraphicUnit, s: StrokeStyle): void {
    if (s.width !== undefined) u.lineWidth = s.width;
    if (s.cap !== undefined) u.cap = s.cap;
    if (s.join !== undefined) u.join = s.join;
    if (s.miterLimit !== undefined) u.miterLimit = s.miterLimit;
    if (s.dashPattern !== undefined) u.dashPattern = [...s.dashPattern];
    if (s.dashOffset !== undefined) u.dashOffset = s.dashOffset;
  }

  private color(c: ColorInput): ReturnType<typeof toColor> {
    return toColor(c, (type) => this.ctx.colorSpaceFor(type));
  }
}

function clipOf(commands: readonly PathCommand[], boundary: ST_Box, inPageMm: boolean): CT_Clip {
  const local = inPageMm ? tidyPath(translatePath(commands, -boundary.x, -boundary.y)) : [...commands];
  const path: CT_Path = { boundary: { x: 0, y: 0, width: boundary.width, height: boundary.height }, fill: true, abbreviatedData: local };
  return { areas: [{ shape: { kind: 'Path', path } }] };
}
