/**
 * Draw lists → OFD (GB/T 33190) with the same geometry as the PDF: each face embedded as the same
 * GID-preserving TrueType subset, text as TextObjects with per-glyph DeltaX, lines and paths as
 * PathObjects.
 */
import { subsetTrueType, type Font } from '@openseal/fonts';
import type { RandomSource } from '@openseal/kernel';
import { OfdBuilder, type PathCommand } from '@openseal/ofd';
import type { LaidOutPage, PathSegment } from './draw-list.js';

export interface OfdRenderOptions {
  /** OFD.xml DocID (32 hex digits); or give `random` to draw one. */
  readonly docId?: string;
  readonly random?: RandomSource;
  readonly title?: string;
  readonly creationDate?: Date;
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

export function renderOfd(pages: readonly LaidOutPage[], options: OfdRenderOptions = {}): Uint8Array {
  const first = pages[0];
  const builder = new OfdBuilder({
    pageSize: { width: first?.widthMm ?? 210, height: first?.heightMm ?? 297 },
    docInfo: { ...(options.docId === undefined ? {} : { docId: options.docId }), ...(options.title === undefined ? {} : { title: options.title }), creator: 'OpenSeal' },
    ...(options.random === undefined ? {} : { random: options.random }),
    ...(options.creationDate === undefined ? {} : { creationDate: options.creationDate }),
  });
  const glyphs = new Map<Font, Set<number>>();
  for (const p of pages) for (const op of p.ops) if (op.kind === 'text') for (const g of op.glyphs) (glyphs.get(op.font) ?? glyphs.set(op.font, new Set()).get(op.font))?.add(g.gid);
  const ids = new Map<Font, number>();
  for (const [font, gids] of glyphs) {
    ids.set(font, builder.addFont({
      fontName: font.names.postScriptName,
      familyName: font.names.family,
      file: { bytes: subsetTrueType(font, gids), fileName: `font_${ids.size + 1}.ttf` },
    }));
  }
  for (const p of pages) {
    const page = builder.addPage({ width: p.widthMm, height: p.heightMm });
    for (const op of p.ops) {
      if (op.kind === 'line') {
        page.path({ commands: [{ op: 'M', x: op.x1, y: op.y1 }, { op: 'L', x: op.x2, y: op.y2 }], stroke: { color: { rgb: op.color }, width: op.widthMm, cap: 'Butt' } });
      } else if (op.kind === 'path') {
        page.path({ commands: toOfdPath(op.commands), stroke: false, fill: { color: { rgb: op.fill } } });
      } else {
        const g0 = op.glyphs[0];
        if (g0 === undefined) continue;
        page.text({
          text: op.glyphs.map((g) => g.text).join(''),
          font: ids.get(op.font) as number,
          size: round(op.sizeMm),
          x: round(g0.x),
          y: round(op.baseline),
          // DeltaX is the distance between glyph origins on the page; HScale only narrows the glyphs.
          deltaX: op.glyphs.slice(1).map((g, i) => round(g.x - (op.glyphs[i] as { x: number }).x)),
          fill: { rgb: op.color },
          ...(op.hScale !== undefined ? { hScale: round(op.hScale) } : {}),
          ...(op.strokeMm !== undefined ? { stroke: { color: { rgb: op.color }, width: round(op.strokeMm), join: 'Round' as const } } : {}),
        });
      }
    }
  }
  return builder.toBytes();
}

function toOfdPath(commands: readonly PathSegment[]): PathCommand[] {
  return commands.map((c): PathCommand => {
    if (c.op === 'Z') return { op: 'C' };
    if (c.op === 'C') return { op: 'B', x1: c.x1, y1: c.y1, x2: c.x2, y2: c.y2, x: c.x, y: c.y };
    return { op: c.op, x: c.x, y: c.y };
  });
}
