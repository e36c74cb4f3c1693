import type { XmlElement } from '../xml/xml-element.js';
import type { XNode } from '../xml/xml-writer.js';
import { x } from '../xml/xml-writer.js';
import { fromXmlElement } from './raw-element.js';
import type { ReadContext } from './xml-read.js';
import { malformed, optId, optInt } from './xml-read.js';

/** CT_Color (GB/T 33190 Page.xsd): components in the colour space's range, e.g. RGB "255 0 0". */
export interface CT_Color {
  /** Components; the hex form `#FF #00 #00` is read as numbers too. */
  value?: number[];
  index?: number;
  /** RefID of a ColorSpace; absent = the document's DefaultCS, else RGB. */
  colorSpace?: number;
  alpha?: number;
  /** A shading or pattern child (Pattern, AxialShd, RadialShd, GouraudShd, LaGourandShd), kept as parsed XML. */
  shading?: XmlElement;
}

const SHADINGS = new Set(['Pattern', 'AxialShd', 'RadialShd', 'GouraudShd', 'LaGourandShd', 'LaGouraudShd']);

export function parseColor(el: XmlElement, ctx: ReadContext): CT_Color {
  const color: CT_Color = {};
  const value = el.attr('Value');
  if (value !== undefined) color.value = parseComponents(value, ctx, el);
  const index = optInt(el, 'Index', ctx);
  if (index !== undefined) color.index = index;
  const cs = optId(el, 'ColorSpace', ctx);
  if (cs !== undefined) color.colorSpace = cs;
  const alpha = optInt(el, 'Alpha', ctx);
  if (alpha !== undefined) color.alpha = alpha;
  const shading = el.elements().find((c) => SHADINGS.has(c.local));
  if (shading !== undefined) color.shading = shading;
  return color;
}

function parseComponents(text: string, ctx: ReadContext, el: XmlElement): number[] {
  const t = text.trim();
  if (t === '') return [];
  return t.split(/\s+/).map((token) => {
    if (/^#[0-9A-Fa-f]{1,8}$/.test(token)) return parseInt(token.slice(1), 16);
    if (!/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(token)) throw malformed(ctx, el, 'Value is not a colour', text);
    return Number(token);
  });
}

export function colorNode(name: 'FillColor' | 'StrokeColor' | 'BorderColor' | 'Color', c: CT_Color | undefined): XNode | undefined {
  if (c === undefined) return undefined;
  return x(
    name,
    [
      ['Value', c.value?.map(String).join(' ')],
      ['Index', c.index],
      ['ColorSpace', c.colorSpace],
      ['Alpha', c.alpha],
    ],
    c.shading === undefined ? undefined : fromXmlElement(c.shading),
  );
}
