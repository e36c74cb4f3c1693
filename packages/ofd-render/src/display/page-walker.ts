import type { CT_Clip, CT_Image, CT_Path, CT_Text, Matrix, PageObject, ResourceTable, ST_Box } from '@openseal/ofd';
import { IDENTITY, multiply } from '@openseal/ofd';
import type { RenderLimits } from '../render-limits.js';
import type { WarningLog } from '../render-warning.js';
import type { Clip, ClipShape, DrawItem, FontFace, ItemSource, Rgba, StrokeStyle } from './display-list.js';
import { effectiveStyle, type EffectiveStyle } from './draw-style.js';
import { toPathSegments, rectPath } from './path-segments.js';
import { BLACK, resolveColor, type ColorContext } from './resolve-color.js';
import { textGlyphs } from './text-glyphs.js';

/** Where an image item waits for its pixels: filled in by the asynchronous image step. */
export interface PendingImage {
  readonly index: number;
  readonly resourceId: number;
}

export interface WalkState {
  readonly matrix: Matrix;
  readonly clips: readonly Clip[];
  readonly opacity: number;
  readonly layerDrawParam: number | undefined;
  readonly source: ItemSource;
  readonly depth: number;
}

export interface WalkerDeps {
  readonly resources: ResourceTable;
  readonly limits: RenderLimits;
  readonly warnings: WarningLog;
  readonly defaultColorSpace?: number;
  readonly fontFace: (id: number) => FontFace;
  readonly clipTextToBoundary: boolean;
}

const translate = (x: number, y: number): Matrix => [1, 0, 0, 1, x, y];

/**
 * Turns OFD page objects into display items (GB/T 33190 §8–11): each object's space maps to its parent's
 * by CTM then Boundary's origin; Boundary and Clips clip; Alpha multiplies down the tree. Stops adding
 * content, with a RENDER_LIMIT_REACHED warning, once a limit is reached.
 */
export class PageWalker {
  readonly items: DrawItem[] = [];
  readonly pendingImages: PendingImage[] = [];
  readonly #budget: { items: number; segments: number; glyphs: number };
  readonly #colors: ColorContext;

  constructor(private readonly deps: WalkerDeps) {
    this.#budget = { items: deps.limits.maxItems, segments: deps.limits.maxPathSegments, glyphs: deps.limits.maxGlyphs };
    this.#colors = {
      colorSpaces: deps.resources.colorSpaces,
      ...(deps.defaultColorSpace === undefined ? {} : { defaultColorSpace: deps.defaultColorSpace }),
      approximated: (what) => deps.warnings.add('RENDER_SHADING_APPROXIMATED', `${what} drawn with a single colour`),
    };
  }

  get exhausted(): boolean {
    return this.#budget.items <= 0 || this.#budget.segments <= 0 || this.#budget.glyphs <= 0;
  }

  walk(objects: readonly PageObject[], state: WalkState): void {
    if (state.depth > this.deps.limits.maxDepth) {
      this.deps.warnings.add('RENDER_LIMIT_REACHED', `objects nested deeper than ${this.deps.limits.maxDepth} levels were skipped`);
      return;
    }
    for (const o of objects) {
      if (this.exhausted) {
        this.deps.warnings.add('RENDER_LIMIT_REACHED', 'the page has more content than the render limits allow; the rest was skipped');
        return;
      }
      if (o.kind === 'PageBlock') {
        this.walk(o.objects, { ...state, depth: state.depth + 1 });
        continue;
      }
      if (o.visible === false) continue;
      const local = multiply(o.ctm ?? IDENTITY, translate(o.boundary.x, o.boundary.y));
      const matrix = multiply(local, state.matrix);
      if (!matrix.every(Number.isFinite)) {
        this.deps.warnings.add('RENDER_BAD_GEOMETRY', 'an object with a non-finite transform was skipped', ref(o.id));
        continue;
      }
      const opacity = state.opacity * (o.alpha === undefined ? 1 : Math.min(1, Math.max(0, o.alpha / 255)));
      const ownClips = this.clipsOf(o.clips, matrix, state.depth);
      const inner: WalkState = { ...state, matrix, opacity, clips: [...state.clips, ...ownClips], depth: state.depth + 1 };
      switch (o.kind) {
        case 'PathObject':
          this.path(o, inner, state);
          break;
        case 'TextObject':
          this.text(o, inner, state);
          break;
        case 'ImageObject':
          this.image(o, inner, state);
          break;
        case 'CompositeObject': {
          const vg = this.deps.resources.compositeGraphicUnits.get(o.resourceId)?.resource;
          if (vg === undefined) {
            this.deps.warnings.add('RENDER_MISSING_RESOURCE', `CompositeGraphicUnit ${o.resourceId} is not declared`, ref(o.id));
            break;
          }
          this.walk(vg.content, { ...inner, clips: [...inner.clips, boxClip(o.boundary, state.matrix, 0)] });
          break;
        }
      }
    }
  }

  private style(o: Parameters<typeof effectiveStyle>[0], state: WalkState): EffectiveStyle {
    return effectiveStyle(o, state.layerDrawParam, this.deps.resources.drawParams, this.deps.limits.maxDrawParamChain);
  }

  private strokeStyle(s: EffectiveStyle, color: Rgba): StrokeStyle {
    const dash = s.dashPattern?.filter((d) => Number.isFinite(d) && d >= 0);
    const usableDash = dash !== undefined && dash.length > 0 && dash.some((d) => d > 0) ? dash : undefined;
    return {
      color,
      width: Math.max(0, s.lineWidth ?? 0.353),
      cap: s.cap === 'Round' ? 'round' : s.cap === 'Square' ? 'square' : 'butt',
      join: s.join === 'Round' ? 'round' : s.join === 'Bevel' ? 'bevel' : 'miter',
      miterLimit: s.miterLimit ?? 4.234,
      ...(usableDash === undefined ? {} : { dash: usableDash }),
      dashOffset: s.dashOffset ?? 0,
    };
  }

  private path(o: CT_Path & { id?: number }, state: WalkState, parent: WalkState): void {
    const s = this.style(o, state);
    const stroke = o.stroke !== false;
    const fill = o.fill === true;
    if (!stroke && !fill) return;
    const path = toPathSegments(o.abbreviatedData);
    this.#budget.segments -= path.length;
    if (path.length === 0) return;
    const strokeStyle = stroke ? this.strokeStyle(s, s.strokeColor === undefined ? BLACK : resolveColor(s.strokeColor, this.#colors, BLACK)) : undefined;
    // Boundary clips (§8.5), grown by the line width: producers often give a hairline a zero-height box.
    const margin = strokeStyle === undefined ? 0 : strokeStyle.width * Math.max(1, strokeStyle.join === 'miter' ? Math.min(strokeStyle.miterLimit, 10) / 2 : 1);
    this.push({
      kind: 'path',
      matrix: state.matrix,
      clips: [...state.clips, boxClip(o.boundary, parent.matrix, margin)],
      opacity: state.opacity,
      source: state.source,
      ...(o.id === undefined ? {} : { objectId: o.id }),
      path,
      ...(fill ? { fill: { color: s.fillColor === undefined ? BLACK : resolveColor(s.fillColor, this.#colors, BLACK), rule: o.rule === 'Even-Odd' ? 'evenodd' : 'nonzero' } } : {}),
      ...(strokeStyle === undefined ? {} : { stroke: strokeStyle }),
    });
  }

  private text(o: CT_Text & { id?: number }, state: WalkState, parent: WalkState): void {
    const s = this.style(o, state);
    const { glyphs, truncated, unmatchedTransforms } = textGlyphs(o, this.#budget);
    if (truncated) this.deps.warnings.add('RENDER_LIMIT_REACHED', `more than ${this.deps.limits.maxGlyphs} glyphs on the page; the rest was skipped`);
    if (unmatchedTransforms > 0) this.deps.warnings.add('RENDER_GLYPH_MISSING', 'a CGTransform maps several characters to a different number of glyphs; drawn character by character', ref(o.id));
    if (glyphs.length === 0) return;
    const font = this.deps.fontFace(o.font);
    const fill = o.fill !== false;
    const stroke = o.stroke === true;
    const weight = o.weight ?? 400;
    this.push({
      kind: 'text',
      matrix: state.matrix,
      clips: this.deps.clipTextToBoundary ? [...state.clips, boxClip(o.boundary, parent.matrix, 0)] : state.clips,
      opacity: state.opacity,
      source: state.source,
      ...(o.id === undefined ? {} : { objectId: o.id }),
      font,
      size: o.size,
      glyphs,
      ...(fill ? { fill: s.fillColor === undefined ? BLACK : resolveColor(s.fillColor, this.#colors, BLACK) } : {}),
      ...(stroke ? { stroke: this.strokeStyle(s, s.strokeColor === undefined ? BLACK : resolveColor(s.strokeColor, this.#colors, BLACK)) } : {}),
      hScale: o.hScale !== undefined && o.hScale > 0 ? o.hScale : 1,
      charRotation: o.charDirection ?? 0,
      // An embedded program already has its weight; Font@Bold asks for emboldening only when substituted.
      bold: weight >= 600 || (font.bold && font.embedded === undefined),
      italic: o.italic === true || font.italic,
    });
  }

  private image(o: CT_Image & { id?: number }, state: WalkState, parent: WalkState): void {
    const index = this.items.length;
    const placeholder = { key: '', format: 'png' as const, bytes: new Uint8Array(0), width: 0, height: 0 };
    if (!this.push({
      kind: 'image',
      matrix: state.matrix,
      clips: [...state.clips, boxClip(o.boundary, parent.matrix, 0)],
      opacity: state.opacity,
      source: state.source,
      ...(o.id === undefined ? {} : { objectId: o.id }),
      image: placeholder,
    })) return;
    this.pendingImages.push({ index, resourceId: o.resourceId });
  }

  private push(item: DrawItem): boolean {
    if (this.#budget.items <= 0) return false;
    this.#budget.items--;
    this.items.push(item);
    return true;
  }

  private clipsOf(clips: readonly CT_Clip[] | undefined, objectMatrix: Matrix, depth: number): Clip[] {
    if (clips === undefined || clips.length === 0) return [];
    if (depth + clips.length > this.deps.limits.maxDepth * 4) {
      this.deps.warnings.add('RENDER_LIMIT_REACHED', 'too many nested clips; the innermost were ignored');
      return [];
    }
    return clips.map((clip): Clip => ({
      shapes: clip.areas.map((area): ClipShape => {
        const areaMatrix = multiply(area.ctm ?? IDENTITY, objectMatrix);
        if (area.shape.kind === 'Path') {
          const p = area.shape.path;
          const m = multiply(multiply(p.ctm ?? IDENTITY, translate(p.boundary.x, p.boundary.y)), areaMatrix);
          const path = toPathSegments(p.abbreviatedData);
          this.#budget.segments -= path.length;
          return { path, matrix: m, rule: p.rule === 'Even-Odd' ? 'evenodd' : 'nonzero' };
        }
        // A text clip area: its boundary stands in for the glyph outlines.
        this.deps.warnings.add('RENDER_BAD_GEOMETRY', 'a text clip area was approximated by its boundary');
        const b = area.shape.text.boundary;
        return { path: rectPath(b.x, b.y, b.width, b.height), matrix: areaMatrix, rule: 'nonzero' };
      }),
    }));
  }
}

/** The Boundary rectangle (in the parent's space) as a clip, grown by `margin` mm; none for degenerate boxes. */
export function boxClip(b: ST_Box, parentMatrix: Matrix, margin: number): Clip {
  const w = Math.max(0, b.width);
  const h = Math.max(0, b.height);
  return { shapes: [{ path: rectPath(b.x - margin, b.y - margin, w + 2 * margin, h + 2 * margin), matrix: parentMatrix, rule: 'nonzero' }] };
}

function ref(id: number | undefined): string | undefined {
  return id === undefined ? undefined : `object ${id}`;
}
