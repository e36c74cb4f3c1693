import type { CT_Text, PageObject } from '../model/page-objects.js';
import type { PageXml } from '../model/page-xml.js';
import type { Matrix, ST_Box } from '../model/primitives.js';
import { apply, IDENTITY } from '../model/primitives.js';

/** One glyph's origin (baseline point) on the page, in millimetres from the top-left corner. */
export interface TextGlyph {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

/** The text of one TextCode with its glyph positions in page coordinates. */
export interface TextRun {
  readonly text: string;
  readonly source: 'page' | 'template';
  readonly layerId?: number;
  readonly objectId?: number;
  readonly fontId: number;
  /** Size × the CTM's scale (√|det|), in mm. */
  readonly fontSize: number;
  readonly boundary: ST_Box;
  readonly glyphs: readonly TextGlyph[];
}

/**
 * Lays out the text of a page description (GB/T 33190 §11.3): glyph i sits at X + ΣDeltaX[0..i-1],
 * Y + ΣDeltaY[0..i-1] in the object's space; CTM then Boundary's origin map it to the page. Absent X/Y
 * repeat the previous TextCode's; a DeltaX list shorter than needed repeats its last value.
 * Invisible objects are skipped; CompositeObject content is not expanded.
 */
export function layoutTextRuns(page: PageXml, source: 'page' | 'template'): TextRun[] {
  const runs: TextRun[] = [];
  for (const layer of page.layers) walk(layer.objects, layer.id, source, runs);
  return runs;
}

function walk(objects: readonly PageObject[], layerId: number | undefined, source: 'page' | 'template', out: TextRun[]): void {
  for (const o of objects) {
    if (o.kind === 'PageBlock') walk(o.objects, layerId, source, out);
    else if (o.kind === 'TextObject' && o.visible !== false) out.push(...layoutText(o, layerId, source));
  }
}

function layoutText(t: CT_Text & { id?: number }, layerId: number | undefined, source: 'page' | 'template'): TextRun[] {
  const ctm: Matrix = t.ctm ?? IDENTITY;
  const scale = Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]));
  const runs: TextRun[] = [];
  let x = 0;
  let y = 0;
  for (const code of t.textCodes) {
    x = code.x ?? x;
    y = code.y ?? y;
    const chars = Array.from(code.text);
    const glyphs: TextGlyph[] = [];
    let gx = x;
    let gy = y;
    for (let i = 0; i < chars.length; i++) {
      if (i > 0) {
        gx += delta(code.deltaX, i - 1);
        gy += delta(code.deltaY, i - 1);
      }
      const p = apply(ctm, gx, gy);
      glyphs.push({ text: chars[i] as string, x: t.boundary.x + p.x, y: t.boundary.y + p.y });
    }
    runs.push({
      text: code.text,
      source,
      ...(layerId === undefined ? {} : { layerId }),
      ...(t.id === undefined ? {} : { objectId: t.id }),
      fontId: t.font,
      fontSize: t.size * scale,
      boundary: t.boundary,
      glyphs,
    });
  }
  return runs;
}

function delta(list: readonly number[] | undefined, i: number): number {
  if (list === undefined || list.length === 0) return 0;
  return list[Math.min(i, list.length - 1)] as number;
}
