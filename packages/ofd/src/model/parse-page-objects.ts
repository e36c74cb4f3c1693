import type { XmlElement } from '../xml/xml-element.js';
import { isOfdNamespace } from '../xml/ofd-namespace.js';
import { parseAbbreviatedData } from './abbreviated-data.js';
import { assign } from './assign.js';
import { parseColor } from './ct-color.js';
import { parseDeltaList } from './delta-list.js';
import type {
  ClipArea,
  CT_CGTransform,
  CT_Clip,
  CT_GraphicUnit,
  CT_Image,
  CT_Path,
  CT_Text,
  ImageBorder,
  PageObject,
  TextCode,
} from './page-objects.js';
import type { ReadContext } from './xml-read.js';
import {
  kid,
  kids,
  malformed,
  optBool,
  optEnum,
  optId,
  optInt,
  optMatrix,
  optNumber,
  optNumberList,
  optString,
  parseNumberList,
  reqBox,
  reqId,
  reqNumber,
} from './xml-read.js';

/** Parses the children of a CT_PageBlock (Layer, PageBlock, Appearance, VectorG Content); unknown elements are skipped. */
export function parsePageObjects(block: XmlElement, ctx: ReadContext): PageObject[] {
  const out: PageObject[] = [];
  for (const el of block.elements()) {
    if (!isOfdNamespace(el.uri)) continue;
    switch (el.local) {
      case 'TextObject':
        out.push({ kind: 'TextObject', ...parseText(el, ctx) });
        break;
      case 'PathObject':
        out.push({ kind: 'PathObject', ...parsePath(el, ctx) });
        break;
      case 'ImageObject':
        out.push({ kind: 'ImageObject', ...parseImage(el, ctx) });
        break;
      case 'CompositeObject':
        out.push({ kind: 'CompositeObject', ...parseGraphicUnit(el, ctx), resourceId: reqId(el, 'ResourceID', ctx) });
        break;
      case 'PageBlock': {
        const id = optId(el, 'ID', ctx);
        out.push({ kind: 'PageBlock', ...(id === undefined ? {} : { id }), objects: parsePageObjects(el, ctx) });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function parseGraphicUnit(el: XmlElement, ctx: ReadContext): CT_GraphicUnit {
  const gu: CT_GraphicUnit = { boundary: reqBox(el, 'Boundary', ctx) };
  assign(gu, 'id', optId(el, 'ID', ctx));
  assign(gu, 'name', optString(el, 'Name'));
  assign(gu, 'visible', optBool(el, 'Visible', ctx));
  assign(gu, 'ctm', optMatrix(el, 'CTM', ctx));
  assign(gu, 'drawParam', optId(el, 'DrawParam', ctx));
  assign(gu, 'lineWidth', optNumber(el, 'LineWidth', ctx));
  assign(gu, 'cap', optEnum(el, 'Cap', ['Butt', 'Round', 'Square'] as const, ctx));
  assign(gu, 'join', optEnum(el, 'Join', ['Miter', 'Round', 'Bevel'] as const, ctx));
  assign(gu, 'miterLimit', optNumber(el, 'MiterLimit', ctx));
  assign(gu, 'dashOffset', optNumber(el, 'DashOffset', ctx));
  assign(gu, 'dashPattern', optNumberList(el, 'DashPattern', ctx));
  assign(gu, 'alpha', optInt(el, 'Alpha', ctx));
  const clips = kid(el, 'Clips');
  if (clips !== undefined) gu.clips = kids(clips, 'Clip').map((c) => parseClip(c, ctx));
  return gu;
}

function parseClip(el: XmlElement, ctx: ReadContext): CT_Clip {
  return {
    areas: kids(el, 'Area').map((area): ClipArea => {
      const path = kid(area, 'Path');
      const text = kid(area, 'Text');
      let shape: ClipArea['shape'];
      if (path !== undefined) shape = { kind: 'Path', path: parsePath(path, ctx) };
      else if (text !== undefined) shape = { kind: 'Text', text: parseText(text, ctx) };
      else throw malformed(ctx, area, 'clip area has neither Path nor Text');
      const result: ClipArea = { shape };
      assign(result, 'drawParam', optId(area, 'DrawParam', ctx));
      assign(result, 'ctm', optMatrix(area, 'CTM', ctx));
      return result;
    }),
  };
}

function parseText(el: XmlElement, ctx: ReadContext): CT_Text {
  const text: CT_Text = {
    ...parseGraphicUnit(el, ctx),
    font: reqId(el, 'Font', ctx),
    size: reqNumber(el, 'Size', ctx),
    textCodes: [],
  };
  assign(text, 'stroke', optBool(el, 'Stroke', ctx));
  assign(text, 'fill', optBool(el, 'Fill', ctx));
  assign(text, 'hScale', optNumber(el, 'HScale', ctx));
  assign(text, 'readDirection', optInt(el, 'ReadDirection', ctx));
  assign(text, 'charDirection', optInt(el, 'CharDirection', ctx));
  assign(text, 'weight', optInt(el, 'Weight', ctx));
  assign(text, 'italic', optBool(el, 'Italic', ctx));
  const fill = kid(el, 'FillColor');
  if (fill !== undefined) text.fillColor = parseColor(fill, ctx);
  const stroke = kid(el, 'StrokeColor');
  if (stroke !== undefined) text.strokeColor = parseColor(stroke, ctx);
  let pending: CT_CGTransform[] = [];
  for (const child of el.elements()) {
    if (!isOfdNamespace(child.uri)) continue;
    if (child.local === 'CGTransform') pending.push(parseCgTransform(child, ctx));
    else if (child.local === 'TextCode') {
      const code: TextCode = { text: child.text() };
      const glyphs = Array.from(code.text).length;
      assign(code, 'x', optNumber(child, 'X', ctx));
      assign(code, 'y', optNumber(child, 'Y', ctx));
      const dx = child.attr('DeltaX');
      if (dx !== undefined) code.deltaX = parseDeltaList(dx, ctx, child, 'DeltaX', glyphs);
      const dy = child.attr('DeltaY');
      if (dy !== undefined) code.deltaY = parseDeltaList(dy, ctx, child, 'DeltaY', glyphs);
      if (pending.length > 0) code.cgTransforms = pending;
      pending = [];
      text.textCodes.push(code);
    }
  }
  return text;
}

function parseCgTransform(el: XmlElement, ctx: ReadContext): CT_CGTransform {
  const t: CT_CGTransform = { codePosition: optInt(el, 'CodePosition', ctx) ?? 0 };
  assign(t, 'codeCount', optInt(el, 'CodeCount', ctx));
  assign(t, 'glyphCount', optInt(el, 'GlyphCount', ctx));
  const glyphs = kid(el, 'Glyphs');
  if (glyphs !== undefined) t.glyphs = parseNumberList(glyphs.text(), ctx, glyphs, 'Glyphs');
  return t;
}

function parsePath(el: XmlElement, ctx: ReadContext): CT_Path {
  const dataEl = kid(el, 'AbbreviatedData');
  const parsed = parseAbbreviatedData(dataEl === undefined ? '' : dataEl.text());
  if (typeof parsed === 'string') throw malformed(ctx, el, `AbbreviatedData: ${parsed}`);
  const path: CT_Path = { ...parseGraphicUnit(el, ctx), abbreviatedData: parsed };
  assign(path, 'stroke', optBool(el, 'Stroke', ctx));
  assign(path, 'fill', optBool(el, 'Fill', ctx));
  assign(path, 'rule', optEnum(el, 'Rule', ['NonZero', 'Even-Odd'] as const, ctx));
  const stroke = kid(el, 'StrokeColor');
  if (stroke !== undefined) path.strokeColor = parseColor(stroke, ctx);
  const fill = kid(el, 'FillColor');
  if (fill !== undefined) path.fillColor = parseColor(fill, ctx);
  return path;
}

function parseImage(el: XmlElement, ctx: ReadContext): CT_Image {
  const image: CT_Image = { ...parseGraphicUnit(el, ctx), resourceId: reqId(el, 'ResourceID', ctx) };
  assign(image, 'substitution', optId(el, 'Substitution', ctx));
  assign(image, 'imageMask', optId(el, 'ImageMask', ctx));
  const border = kid(el, 'Border');
  if (border !== undefined) {
    const b: ImageBorder = {};
    assign(b, 'lineWidth', optNumber(border, 'LineWidth', ctx));
    assign(b, 'horizonalCornerRadius', optNumber(border, 'HorizonalCornerRadius', ctx));
    assign(b, 'verticalCornerRadius', optNumber(border, 'VerticalCornerRadius', ctx));
    assign(b, 'dashOffset', optNumber(border, 'DashOffset', ctx));
    assign(b, 'dashPattern', optNumberList(border, 'DashPattern', ctx));
    const color = kid(border, 'BorderColor');
    if (color !== undefined) b.borderColor = parseColor(color, ctx);
    image.border = b;
  }
  return image;
}
