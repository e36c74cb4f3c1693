import type { XmlElement } from '../xml/xml-element.js';
import type { XNode } from '../xml/xml-writer.js';
import { serializeOfdXml, x, xText } from '../xml/xml-writer.js';
import { assign } from './assign.js';
import type { CT_PageArea } from './ct-page-area.js';
import { pageAreaNode, parsePageArea } from './ct-page-area.js';
import type { CT_Layer } from './page-objects.js';
import { parsePageObjects } from './parse-page-objects.js';
import { pageObjectNodes } from './write-page-objects.js';
import type { ReadContext } from './xml-read.js';
import { expectRoot, kid, kids, optEnum, optId, reqId } from './xml-read.js';

export interface PageTemplateRef {
  templateId: number;
  zOrder?: 'Background' | 'Foreground';
}

/** A page description file (Content.xml, also used for template pages): Page.xsd `Page`. */
export interface PageXml {
  templates: PageTemplateRef[];
  /** PageRes ST_Locs, relative to the page file's directory. */
  pageRes: string[];
  area?: CT_PageArea;
  layers: CT_Layer[];
}

export function parsePageXml(root: XmlElement, ctx: ReadContext): PageXml {
  expectRoot(root, 'Page', ctx);
  const page: PageXml = {
    templates: kids(root, 'Template').map((t) => {
      const ref: PageTemplateRef = { templateId: reqId(t, 'TemplateID', ctx) };
      assign(ref, 'zOrder', optEnum(t, 'ZOrder', ['Background', 'Foreground'] as const, ctx));
      return ref;
    }),
    pageRes: kids(root, 'PageRes').map((r) => r.text().trim()),
    layers: [],
  };
  const area = kid(root, 'Area');
  if (area !== undefined) page.area = parsePageArea(area, ctx);
  const content = kid(root, 'Content');
  if (content !== undefined) {
    page.layers = kids(content, 'Layer').map((layer) => {
      const l: CT_Layer = { objects: parsePageObjects(layer, ctx) };
      assign(l, 'id', optId(layer, 'ID', ctx));
      assign(l, 'type', optEnum(layer, 'Type', ['Body', 'Background', 'Foreground', 'Custom'] as const, ctx));
      assign(l, 'drawParam', optId(layer, 'DrawParam', ctx));
      return l;
    });
  }
  return page;
}

export function pageXmlNode(page: PageXml): XNode {
  return x(
    'Page',
    [],
    page.templates.map((t) => x('Template', [
      ['TemplateID', t.templateId],
      ['ZOrder', t.zOrder],
    ])),
    page.pageRes.map((loc) => xText('PageRes', loc)),
    page.area === undefined ? undefined : pageAreaNode('Area', page.area),
    page.layers.length === 0
      ? undefined
      : x(
          'Content',
          [],
          page.layers.map((l) =>
            x('Layer', [
              ['ID', l.id],
              ['Type', l.type],
              ['DrawParam', l.drawParam],
            ], pageObjectNodes(l.objects)),
          ),
        ),
  );
}

export function serializePageXml(page: PageXml): Uint8Array {
  return serializeOfdXml(pageXmlNode(page));
}
