import type { XAttrValue, XNode } from '../xml/xml-writer.js';
import { formatNumber, x } from '../xml/xml-writer.js';
import { formatAbbreviatedData } from './abbreviated-data.js';
import { colorNode } from './ct-color.js';
import { formatDeltaList } from './delta-list.js';
import type { CT_Clip, CT_GraphicUnit, CT_Path, CT_Text, PageObject } from './page-objects.js';
import type { Matrix, ST_Box } from './primitives.js';

type Attrs = Array<readonly [string, XAttrValue]>;

export function formatBox(b: ST_Box): string {
  return `${formatNumber(b.x)} ${formatNumber(b.y)} ${formatNumber(b.width)} ${formatNumber(b.height)}`;
}

export function formatList(values: readonly number[] | Matrix | undefined): string | undefined {
  return values === undefined ? undefined : values.map(formatNumber).join(' ');
}

/** Page objects in document order; element and attribute order follow Page.xsd (base CT_GraphicUnit first). */
export function pageObjectNodes(objects: readonly PageObject[]): XNode[] {
  return objects.map(pageObjectNode);
}

function pageObjectNode(o: PageObject): XNode {
  switch (o.kind) {
    case 'TextObject':
      return textNode('TextObject', o);
    case 'PathObject':
      return pathNode('PathObject', o);
    case 'ImageObject':
      return x(
        'ImageObject',
        [...unitAttrs(o), ['ResourceID', o.resourceId], ['Substitution', o.substitution], ['ImageMask', o.imageMask]],
        clipsNode(o.clips),
        o.border === undefined
          ? undefined
          : x(
              'Border',
              [
                ['LineWidth', o.border.lineWidth],
                ['HorizonalCornerRadius', o.border.horizonalCornerRadius],
                ['VerticalCornerRadius', o.border.verticalCornerRadius],
                ['DashOffset', o.border.dashOffset],
                ['DashPattern', formatList(o.border.dashPattern)],
              ],
              colorNode('BorderColor', o.border.borderColor),
            ),
      );
    case 'CompositeObject':
      return x('CompositeObject', [...unitAttrs(o), ['ResourceID', o.resourceId]], clipsNode(o.clips));
    case 'PageBlock':
      return x('PageBlock', [['ID', o.id]], pageObjectNodes(o.objects));
  }
}

function unitAttrs(u: CT_GraphicUnit): Attrs {
  return [
    ['ID', u.id],
    ['Boundary', formatBox(u.boundary)],
    ['Name', u.name],
    ['Visible', u.visible],
    ['CTM', formatList(u.ctm)],
    ['DrawParam', u.drawParam],
    ['LineWidth', u.lineWidth],
    ['Cap', u.cap],
    ['Join', u.join],
    ['MiterLimit', u.miterLimit],
    ['DashOffset', u.dashOffset],
    ['DashPattern', formatList(u.dashPattern)],
    ['Alpha', u.alpha],
  ];
}

function clipsNode(clips: readonly CT_Clip[] | undefined): XNode | undefined {
  if (clips === undefined) return undefined;
  return x(
    'Clips',
    [],
    clips.map((clip) =>
      x(
        'Clip',
        [],
        clip.areas.map((area) =>
          x(
            'Area',
            [
              ['DrawParam', area.drawParam],
              ['CTM', formatList(area.ctm)],
            ],
            area.shape.kind === 'Path' ? pathNode('Path', area.shape.path) : textNode('Text', area.shape.text),
          ),
        ),
      ),
    ),
  );
}

function textNode(name: string, t: CT_Text): XNode {
  const codes: XNode[] = [];
  for (const code of t.textCodes) {
    for (const cg of code.cgTransforms ?? []) {
      codes.push(
        x(
          'CGTransform',
          [
            ['CodePosition', cg.codePosition],
            ['CodeCount', cg.codeCount],
            ['GlyphCount', cg.glyphCount],
          ],
          cg.glyphs === undefined ? undefined : x('Glyphs', [], formatList(cg.glyphs) as string),
        ),
      );
    }
    const attrs: Attrs = [
      ['X', code.x],
      ['Y', code.y],
      ['DeltaX', code.deltaX === undefined ? undefined : formatDeltaList(code.deltaX)],
      ['DeltaY', code.deltaY === undefined ? undefined : formatDeltaList(code.deltaY)],
    ];
    codes.push(code.text === '' ? x('TextCode', attrs) : x('TextCode', attrs, code.text));
  }
  return x(
    name,
    [
      ...unitAttrs(t),
      ['Font', t.font],
      ['Size', t.size],
      ['Stroke', t.stroke],
      ['Fill', t.fill],
      ['HScale', t.hScale],
      ['ReadDirection', t.readDirection],
      ['CharDirection', t.charDirection],
      ['Weight', t.weight],
      ['Italic', t.italic],
    ],
    clipsNode(t.clips),
    colorNode('FillColor', t.fillColor),
    colorNode('StrokeColor', t.strokeColor),
    codes,
  );
}

function pathNode(name: string, p: CT_Path): XNode {
  return x(
    name,
    [...unitAttrs(p), ['Stroke', p.stroke], ['Fill', p.fill], ['Rule', p.rule]],
    clipsNode(p.clips),
    colorNode('StrokeColor', p.strokeColor),
    colorNode('FillColor', p.fillColor),
    x('AbbreviatedData', [], formatAbbreviatedData(p.abbreviatedData)),
  );
}
