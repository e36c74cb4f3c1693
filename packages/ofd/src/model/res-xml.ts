import type { XmlElement } from '../xml/xml-element.js';
import type { XNode } from '../xml/xml-writer.js';
import { serializeOfdXml, x, xText } from '../xml/xml-writer.js';
import { assign } from './assign.js';
import type { CT_Color } from './ct-color.js';
import { colorNode, parseColor } from './ct-color.js';
import type { PageObject } from './page-objects.js';
import { parsePageObjects } from './parse-page-objects.js';
import { formatList, pageObjectNodes } from './write-page-objects.js';
import type { ReadContext } from './xml-read.js';
import {
  expectRoot, kid, kids, kidText, optBool, optEnum, optId, optInt, optNumber, optNumberList, optString,
  parseId, parseNumberList, reqId, reqKid, reqNumber, reqString,
} from './xml-read.js';

/** CT_ColorSpace (Res.xsd). */
export interface CT_ColorSpace {
  id: number;
  type: 'GRAY' | 'RGB' | 'CMYK';
  bitsPerComponent?: number;
  profile?: string;
  /** Palette/CV entries. */
  palette?: number[][];
}

/** CT_DrawParam (Res.xsd): inheritable drawing state; `relative` names the parent DrawParam. */
export interface CT_DrawParam {
  id: number;
  relative?: number;
  lineWidth?: number;
  join?: string;
  cap?: string;
  dashOffset?: number;
  dashPattern?: number[];
  miterLimit?: number;
  fillColor?: CT_Color;
  strokeColor?: CT_Color;
}

/** CT_Font (Res.xsd); `fontFile` is the raw ST_Loc, relative to the Res file's BaseLoc directory. */
export interface CT_Font {
  id: number;
  fontName: string;
  familyName?: string;
  charset?: string;
  italic?: boolean;
  bold?: boolean;
  serif?: boolean;
  fixedWidth?: boolean;
  fontFile?: string;
}

/** CT_MultiMedia (Res.xsd); `mediaFile` as written (relative to the Res BaseLoc directory unless absolute). */
export interface CT_MultiMedia {
  id: number;
  type: 'Image' | 'Audio' | 'Video';
  format?: string;
  mediaFile: string;
}

/** CT_VectorG (Res.xsd): a composite graphic unit, Width × Height, drawn by CompositeObject. */
export interface CT_VectorG {
  id: number;
  width: number;
  height: number;
  thumbnail?: number;
  substitution?: number;
  content: PageObject[];
}

/** A resource file (PublicRes.xml, DocumentRes.xml, PageRes): Res.xsd `Res`. */
export interface ResXml {
  /** Directory (ST_Loc) the resource files are relative to, e.g. "Res". Required by the XSD. */
  baseLoc?: string;
  colorSpaces: CT_ColorSpace[];
  drawParams: CT_DrawParam[];
  fonts: CT_Font[];
  multiMedias: CT_MultiMedia[];
  compositeGraphicUnits: CT_VectorG[];
}

export function parseResXml(root: XmlElement, ctx: ReadContext): ResXml {
  expectRoot(root, 'Res', ctx);
  const res: ResXml = { colorSpaces: [], drawParams: [], fonts: [], multiMedias: [], compositeGraphicUnits: [] };
  assign(res, 'baseLoc', optString(root, 'BaseLoc'));
  for (const group of kids(root, 'ColorSpaces')) {
    for (const el of kids(group, 'ColorSpace')) {
      const cs: CT_ColorSpace = { id: reqId(el, 'ID', ctx), type: optEnum(el, 'Type', ['GRAY', 'RGB', 'CMYK'] as const, ctx) ?? 'RGB' };
      assign(cs, 'bitsPerComponent', optInt(el, 'BitsPerComponent', ctx));
      assign(cs, 'profile', optString(el, 'Profile'));
      const palette = kid(el, 'Palette');
      if (palette !== undefined) cs.palette = kids(palette, 'CV').map((cv) => parseNumberList(cv.text(), ctx, cv, 'CV'));
      res.colorSpaces.push(cs);
    }
  }
  for (const group of kids(root, 'DrawParams')) {
    for (const el of kids(group, 'DrawParam')) {
      const dp: CT_DrawParam = { id: reqId(el, 'ID', ctx) };
      assign(dp, 'relative', optId(el, 'Relative', ctx));
      assign(dp, 'lineWidth', optNumber(el, 'LineWidth', ctx));
      assign(dp, 'join', optString(el, 'Join'));
      assign(dp, 'cap', optString(el, 'Cap'));
      assign(dp, 'dashOffset', optNumber(el, 'DashOffset', ctx));
      assign(dp, 'dashPattern', optNumberList(el, 'DashPattern', ctx));
      assign(dp, 'miterLimit', optNumber(el, 'MiterLimit', ctx));
      const fill = kid(el, 'FillColor');
      if (fill !== undefined) dp.fillColor = parseColor(fill, ctx);
      const stroke = kid(el, 'StrokeColor');
      if (stroke !== undefined) dp.strokeColor = parseColor(stroke, ctx);
      res.drawParams.push(dp);
    }
  }
  for (const group of kids(root, 'Fonts')) {
    for (const el of kids(group, 'Font')) {
      const font: CT_Font = { id: reqId(el, 'ID', ctx), fontName: reqString(el, 'FontName', ctx) };
      assign(font, 'familyName', optString(el, 'FamilyName'));
      assign(font, 'charset', optString(el, 'Charset'));
      assign(font, 'italic', optBool(el, 'Italic', ctx));
      assign(font, 'bold', optBool(el, 'Bold', ctx));
      assign(font, 'serif', optBool(el, 'Serif', ctx));
      assign(font, 'fixedWidth', optBool(el, 'FixedWidth', ctx));
      assign(font, 'fontFile', kidText(el, 'FontFile'));
      res.fonts.push(font);
    }
  }
  for (const group of kids(root, 'MultiMedias')) {
    for (const el of kids(group, 'MultiMedia')) {
      const media: CT_MultiMedia = {
        id: reqId(el, 'ID', ctx),
        type: optEnum(el, 'Type', ['Image', 'Audio', 'Video'] as const, ctx) ?? 'Image',
        mediaFile: reqKid(el, 'MediaFile', ctx).text().trim(),
      };
      assign(media, 'format', optString(el, 'Format'));
      res.multiMedias.push(media);
    }
  }
  for (const group of kids(root, 'CompositeGraphicUnits')) {
    for (const el of kids(group, 'CompositeGraphicUnit')) {
      const vg: CT_VectorG = {
        id: reqId(el, 'ID', ctx),
        width: reqNumber(el, 'Width', ctx),
        height: reqNumber(el, 'Height', ctx),
        content: parsePageObjects(reqKid(el, 'Content', ctx), ctx),
      };
      const thumb = kid(el, 'Thumbnail');
      if (thumb !== undefined) vg.thumbnail = parseId(thumb.text(), ctx, thumb, 'Thumbnail');
      const sub = kid(el, 'Substitution');
      if (sub !== undefined) vg.substitution = parseId(sub.text(), ctx, sub, 'Substitution');
      res.compositeGraphicUnits.push(vg);
    }
  }
  return res;
}

export function resXmlNode(res: ResXml): XNode {
  const group = <T>(name: string, items: readonly T[], node: (item: T) => XNode): XNode | undefined =>
    items.length === 0 ? undefined : x(name, [], items.map(node));
  return x(
    'Res',
    [['BaseLoc', res.baseLoc]],
    group('ColorSpaces', res.colorSpaces, (cs) =>
      x('ColorSpace', [['ID', cs.id], ['Type', cs.type], ['BitsPerComponent', cs.bitsPerComponent], ['Profile', cs.profile]],
        cs.palette === undefined ? undefined : x('Palette', [], cs.palette.map((cv) => x('CV', [], formatList(cv) as string)))),
    ),
    group('DrawParams', res.drawParams, (dp) =>
      x('DrawParam', [
        ['ID', dp.id], ['Relative', dp.relative], ['LineWidth', dp.lineWidth], ['Join', dp.join], ['Cap', dp.cap],
        ['DashOffset', dp.dashOffset], ['DashPattern', formatList(dp.dashPattern)], ['MiterLimit', dp.miterLimit],
      ], colorNode('FillColor', dp.fillColor), colorNode('StrokeColor', dp.strokeColor)),
    ),
    group('Fonts', res.fonts, (f) =>
      x('Font', [
        ['ID', f.id], ['FontName', f.fontName], ['FamilyName', f.familyName], ['Charset', f.charset],
        ['Italic', f.italic], ['Bold', f.bold], ['Serif', f.serif], ['FixedWidth', f.fixedWidth],
      ], xText('FontFile', f.fontFile)),
    ),
    group('MultiMedias', res.multiMedias, (m) =>
      x('MultiMedia', [['ID', m.id], ['Type', m.type], ['Format', m.format]], xText('MediaFile', m.mediaFile)),
    ),
    group('CompositeGraphicUnits', res.compositeGraphicUnits, (vg) =>
      x('CompositeGraphicUnit', [['ID', vg.id], ['Width', vg.width], ['Height', vg.height]],
        xText('Thumbnail', vg.thumbnail), xText('Substitution', vg.substitution), x('Content', [], pageObjectNodes(vg.content))),
    ),
  );
}

export function serializeResXml(res: ResXml): Uint8Array {
  return serializeOfdXml(resXmlNode(res));
}
