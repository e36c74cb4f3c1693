import type { Font } from '@openseal/fonts';
import { toBase64 } from '@openseal/kernel';
import type { DisplayList, DrawItem, FontFace, ImageItem, PathItem, TextItem } from '../display/display-list.js';
import { cssFontFamilies } from '../fonts/font-families.js';
import { SvgClipRegistry } from './svg-clips.js';
import { colorAttr, escapeAttr, matrixAttr, num, pathData } from './svg-format.js';
import { glyphOutlinePath, svgText } from './svg-text.js';

export interface SvgRenderOptions {
  /** Embed the document's font files as @font-face data URLs (default true). */
  readonly embedFonts?: boolean;
  /** Paint a white page behind the content (default true). */
  readonly background?: string | false;
  /** Prefix of element ids, so several pages can live in one HTML page (default "p"). */
  readonly idPrefix?: string;
  /** Parses an embedded font for outline drawing of glyph-index text; undefined when it cannot. */
  readonly parseFont?: (face: FontFace) => Font | undefined;
}

/**
 * A display list as one standalone SVG document whose user unit is the millimetre (viewBox = page mm).
 * Text stays text (selectable, searchable); the document's embedded fonts come along as data URLs.
 */
export function displayListToSvg(list: DisplayList, options: SvgRenderOptions = {}): string {
  const prefix = options.idPrefix ?? 'p';
  const clips = new SvgClipRegistry(prefix);
  const fontFaces = new Map<string, string>();
  const glyphs = new Map<string, string>();
  const glyphDefs: string[] = [];
  const embed = options.embedFonts !== false;
  const fontFamilyName = (face: FontFace): string => `${prefix}-${face.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  const families = (item: TextItem): string => {
    const face = item.font;
    const list: string[] = [];
    if (embed && face.embedded !== undefined) {
      const family = fontFamilyName(face);
      if (!fontFaces.has(face.key)) fontFaces.set(face.key, `@font-face{font-family:"${family}";src:url(data:${fontMime(face.embedded)};base64,${toBase64(face.embedded)})}`);
      list.push(family);
    }
    list.push(...cssFontFamilies(face));
    return list.map((f) => (/^[a-z-]+$/.test(f) ? f : `'${f.replace(/'/g, '')}'`)).join(', ');
  };
  const parsed = new Map<string, Font | undefined>();
  const outlineFont = (item: TextItem): Font | undefined => {
    if (options.parseFont === undefined || item.font.embedded === undefined) return undefined;
    if (!parsed.has(item.font.key)) parsed.set(item.font.key, options.parseFont(item.font));
    return parsed.get(item.font.key);
  };
  const glyphId = (font: Font, fontKey: string, gid: number): string | undefined => {
    const key = `${fontKey}/${gid}`;
    let id = glyphs.get(key);
    if (id === undefined) {
      if (gid < 0 || gid >= font.numGlyphs) return undefined;
      id = `${prefix}g${glyphs.size + 1}`;
      glyphs.set(key, id);
      glyphDefs.push(`<path id="${id}" d="${glyphOutlinePath(font, gid)}"/>`);
    }
    return id;
  };

  const body: string[] = [];
  let openClips = '';
  let depth = 0;
  for (const item of list.items) {
    const ids = item.clips.map((c) => clips.id(c));
    const key = ids.join(' ');
    if (key !== openClips) {
      body.push('</g>'.repeat(depth));
      depth = ids.length;
      body.push(ids.map((id) => `<g clip-path="url(#${id})">`).join(''));
      openClips = key;
    }
    body.push(drawItem(item, { families, outlineFont, glyphId }));
  }
  body.push('</g>'.repeat(depth));

  const w = num(list.width);
  const h = num(list.height);
  const style = fontFaces.size === 0 ? '' : `<style>${[...fontFaces.values()].join('')}</style>`;
  const defs = style + clips.defs.join('') + glyphDefs.join('');
  const bg = options.background === false ? '' : `<rect width="${w}" height="${h}" fill="${escapeAttr(options.background ?? '#ffffff')}"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${w}mm" height="${h}mm" viewBox="0 0 ${w} ${h}">` +
    (defs === '' ? '' : `<defs>${defs}</defs>`) +
    bg +
    body.join('') +
    '</svg>'
  );
}

interface ItemDeps {
  readonly families: (item: TextItem) => string;
  readonly outlineFont: (item: TextItem) => Font | undefined;
  readonly glyphId: (font: Font, fontKey: string, gid: number) => string | undefined;
}

function drawItem(item: DrawItem, deps: ItemDeps): string {
  switch (item.kind) {
    case 'path':
      return svgPath(item);
    case 'image':
      return svgImage(item);
    case 'text':
      return svgText(item, { ...deps, opacity: item.opacity });
  }
}

function svgPath(item: PathItem): string {
  const attrs: string[] = [`transform="${matrixAttr(item.matrix)}"`, `d="${pathData(item.path)}"`];
  if (item.fill !== undefined) {
    attrs.push(`fill="${colorAttr(item.fill.color)}"`);
    const a = item.fill.color.a * item.opacity;
    if (a < 1) attrs.push(`fill-opacity="${num(a, 3)}"`);
    if (item.fill.rule === 'evenodd') attrs.push('fill-rule="evenodd"');
  } else {
    attrs.push('fill="none"');
  }
  const s = item.stroke;
  if (s !== undefined) {
    // A zero line width means the thinnest line the device can draw (as in PDF); 0.05 mm stands in.
    attrs.push(`stroke="${colorAttr(s.color)}"`, `stroke-width="${num(s.width > 0 ? s.width : 0.05)}"`);
    if (s.width === 0) attrs.push('vector-effect="non-scaling-stroke"');
    const a = s.color.a * item.opacity;
    if (a < 1) attrs.push(`stroke-opacity="${num(a, 3)}"`);
    if (s.cap !== 'butt') attrs.push(`stroke-linecap="${s.cap}"`);
    if (s.join !== 'miter') attrs.push(`stroke-linejoin="${s.join}"`);
    else if (s.miterLimit !== 4) attrs.push(`stroke-miterlimit="${num(Math.max(1, s.miterLimit))}"`);
    if (s.dash !== undefined) attrs.push(`stroke-dasharray="${s.dash.map((d) => num(d)).join(' ')}"`);
    if (s.dashOffset !== 0) attrs.push(`stroke-dashoffset="${num(s.dashOffset)}"`);
  }
  return `<path ${attrs.join(' ')}/>`;
}

function svgImage(item: ImageItem): string {
  const img = item.image;
  const href = `data:image/${img.format};base64,${toBase64(img.bytes)}`;
  const opacity = item.opacity < 1 ? ` opacity="${num(item.opacity, 3)}"` : '';
  return `<image transform="${matrixAttr(item.matrix)}" width="1" height="1" preserveAspectRatio="none"${opacity} xlink:href="${href}"/>`;
}

function fontMime(bytes: Uint8Array): string {
  return bytes[0] === 0x4f && bytes[1] === 0x54 && bytes[2] === 0x54 && bytes[3] === 0x4f ? 'font/otf' : 'font/ttf';
}
