import type { XmlElement } from '../xml/xml-element.js';
import type { XNode } from '../xml/xml-writer.js';
import { x, xText } from '../xml/xml-writer.js';
import type { ST_Box } from './primitives.js';
import { formatBox } from './write-page-objects.js';
import type { ReadContext } from './xml-read.js';
import { kid, parseBox, reqKid } from './xml-read.js';

/** CT_PageArea (Definitions.xsd): PhysicalBox required; A4 is `0 0 210 297`. */
export interface CT_PageArea {
  physicalBox: ST_Box;
  applicationBox?: ST_Box;
  contentBox?: ST_Box;
  bleedBox?: ST_Box;
}

export function parsePageArea(el: XmlElement, ctx: ReadContext): CT_PageArea {
  const box = (name: string, node: XmlElement): ST_Box => parseBox(node.text(), ctx, node, name);
  const area: CT_PageArea = { physicalBox: box('PhysicalBox', reqKid(el, 'PhysicalBox', ctx)) };
  for (const [name, key] of [
    ['ApplicationBox', 'applicationBox'],
    ['ContentBox', 'contentBox'],
    ['BleedBox', 'bleedBox'],
  ] as const) {
    const node = kid(el, name);
    if (node !== undefined) area[key] = box(name, node);
  }
  return area;
}

export function pageAreaNode(name: 'PageArea' | 'Area', area: CT_PageArea): XNode {
  const b = (box: ST_Box | undefined): string | undefined => (box === undefined ? undefined : formatBox(box));
  return x(
    name,
    [],
    xText('PhysicalBox', b(area.physicalBox)),
    xText('ApplicationBox', b(area.applicationBox)),
    xText('ContentBox', b(area.contentBox)),
    xText('BleedBox', b(area.bleedBox)),
  );
}
