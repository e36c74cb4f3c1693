import type { CT_CGTransform, CT_Clip, CT_Color, Matrix, PageObject, PathCommand, ST_Box, TextCode } from '@openseal/ofd';
import { apply } from '@openseal/ofd';
import type { ConvertedItem, PageClip, Paint } from './converted-page.js';

/** Page-mm items to OFD page objects: Boundary = the content's box, local coordinates relative to it. */
export function toOfdObject(item: ConvertedItem, fontId: (key: string) => number, imageId: (key: string) => number | undefined): PageObject | undefined {
  switch (item.kind) {
    case 'path': {
      const margin = item.stroke === undefined ? 0 : item.stroke.width * Math.max(1, Math.min(item.stroke.miterLimit, 4) / 2);
      const b = bounds(item.commands, margin);
      if (b === undefined) return undefined;
      const s = item.stroke;
      return {
        kind: 'PathObject',
        boundary: b,
        abbreviatedData: translate(item.commands, -b.x, -b.y),
        stroke: s !== undefined,
        fill: item.fill !== undefined,
        ...(item.fill?.rule === 'Even-Odd' ? { rule: 'Even-Odd' as const } : {}),
        ...(s === undefined
          ? {}
          : { lineWidth: round(s.width), cap: s.cap, join: s.join, miterLimit: round(s.miterLimit), strokeColor: color(s), ...(s.dash === undefined ? {} : { dashPattern: s.dash.map(round), dashOffset: round(s.dashOffset) }) }),
        ...(item.fill === undefined ? {} : { fillColor: color(item.fill) }),
        ...clipsOf(item.clips, b),
      };
    }
    case 'image': {
      const m = item.matrix;
      const corners = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 1, 1), apply(m, 0, 1)];
      const b = boxOf(corners, 0);
      const id = imageId(item.imageKey);
      if (b === undefined || id === undefined) return undefined;
      return { kind: 'ImageObject', boundary: b, ctm: [m[0], m[1], m[2], m[3], m[4] - b.x, m[5] - b.y].map(round) as unknown as Matrix, resourceId: id, ...clipsOf(item.clips, b) };
    }
    case 'text':
      return textObject(item, fontId(item.fontKey));
  }
}

function textObject(item: Extract<ConvertedItem, { kind: 'text' }>, font: number): PageObject | undefined {
  if (item.glyphs.length === 0) return undefined;
  const size = item.size;
  const lin = item.linear;
  // Glyph boxes reach about an em above the baseline and 0.3 em below (in the upright em space).
  const corners = item.glyphs.flatMap((g) =>
    [[-0.1, -1.05], [1.2, -1.05], [1.2, 0.35], [-0.1, 0.35]].map(([u, v]) => {
      const du = (u as number) * size * (item.hScale ?? 1);
      const dv = (v as number) * size;
      return lin === undefined ? { x: g.x + du, y: g.y + dv } : { x: g.x + lin[0] * du + lin[2] * dv, y: g.y + lin[1] * du + lin[3] * dv };
    }),
  );
  const b = boxOf(corners, 0);
  if (b === undefined) return undefined;
  const inv = lin === undefined ? undefined : invert(lin);
  const local = (x: number, y: number): { x: number; y: number } => (inv === undefined ? { x: x - b.x, y: y - b.y } : apply(inv, x - b.x, y - b.y));
  const chars: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  const transforms: CT_CGTransform[] = [];
  let run: { start: number; glyphs: number[] } | undefined;
  const flush = (): void => {
    if (run !== undefined && run.glyphs.length > 0) transforms.push({ codePosition: run.start, codeCount: run.glyphs.length, glyphCount: run.glyphs.length, glyphs: run.glyphs });
    run = undefined;
  };
  for (const g of item.glyphs) {
    const cps = Array.from(g.text);
    const p = local(g.x, g.y);
    if (g.gid !== undefined && cps.length > 1) {
      flush();
      transforms.push({ codePosition: chars.length, codeCount: cps.length, glyphCount: 1, glyphs: [g.gid] });
    } else if (g.gid !== undefined) {
      if (run === undefined) run = { start: chars.length, glyphs: [] };
      run.glyphs.push(g.gid);
    } else flush();
    for (const cp of cps) {
      chars.push(cp);
      xs.push(p.x);
      ys.push(p.y);
    }
  }
  flush();
  const deltas = (v: number[]): number[] => v.slice(1).map((x, i) => round(x - (v[i] as number)));
  const dx = deltas(xs);
  const dy = deltas(ys);
  const code: TextCode = {
    x: round(xs[0] as number),
    y: round(ys[0] as number),
    ...(dx.length > 0 ? { deltaX: dx } : {}),
    ...(dy.some((d) => d !== 0) ? { deltaY: dy } : {}),
    text: chars.join(''),
    ...(transforms.length > 0 ? { cgTransforms: transforms } : {}),
  };
  return {
    kind: 'TextObject',
    boundary: b,
    ...(lin === undefined ? {} : { ctm: lin.map(round) as unknown as Matrix }),
    font,
    size: round(size),
    ...(item.hScale === undefined ? {} : { hScale: round(item.hScale) }),
    fill: item.fill !== undefined,
    ...(item.stroke === undefined ? {} : { stroke: true, lineWidth: round(item.stroke.width), strokeColor: color(item.stroke) }),
    ...(item.fill === undefined ? {} : { fillColor: color(item.fill) }),
    textCodes: [code],
    ...clipsOf(item.clips, b),
  };
}

function clipsOf(clips: readonly PageClip[], b: ST_Box): { clips?: CT_Clip[] } {
  if (clips.length === 0) return {};
  return {
    clips: clips.map((c) => ({
      areas: [{ shape: { kind: 'Path' as const, path: { boundary: { x: 0, y: 0, width: b.width, height: b.height }, fill: true, ...(c.rule === 'Even-Odd' ? { rule: 'Even-Odd' as const } : {}), abbreviatedData: translate(c.commands, -b.x, -b.y) } } }],
    })),
  };
}

function color(p: Paint): CT_Color {
  return { value: [...p.rgb], ...(p.alpha < 255 ? { alpha: p.alpha } : {}) };
}

function translate(commands: readonly PathCommand[], dx: number, dy: number): PathCommand[] {
  return commands.map((c): PathCommand => {
    switch (c.op) {
      case 'C':
        return c;
      case 'Q':
        return { op: 'Q', x1: round(c.x1 + dx), y1: round(c.y1 + dy), x: round(c.x + dx), y: round(c.y + dy) };
      case 'B':
        return { op: 'B', x1: round(c.x1 + dx), y1: round(c.y1 + dy), x2: round(c.x2 + dx), y2: round(c.y2 + dy), x: round(c.x + dx), y: round(c.y + dy) };
      case 'A':
        return { ...c, x: round(c.x + dx), y: round(c.y + dy) };
      default:
        return { op: c.op, x: round(c.x + dx), y: round(c.y + dy) };
    }
  });
}

function bounds(commands: readonly PathCommand[], margin: number): ST_Box | undefined {
  const pts: Array<{ x: number; y: number }> = [];
  for (const c of commands) {
    if (c.op === 'C') continue;
    pts.push(c);
    if (c.op === 'Q' || c.op === 'B') pts.push({ x: c.x1, y: c.y1 });
    if (c.op === 'B') pts.push({ x: c.x2, y: c.y2 });
  }
  return boxOf(pts, margin);
}

function boxOf(pts: ReadonlyArray<{ x: number; y: number }>, margin: number): ST_Box | undefined {
  if (pts.length === 0) return undefined;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of pts) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  const x0 = Math.floor((minX - margin) * 1000) / 1000;
  const y0 = Math.floor((minY - margin) * 1000) / 1000;
  const x1 = Math.ceil((maxX + margin) * 1000) / 1000;
  const y1 = Math.ceil((maxY + margin) * 1000) / 1000;
  if (![x0, y0, x1, y1].every(Number.isFinite)) return undefined;
  return { x: x0, y: y0, width: round(Math.max(x1 - x0, 0)), height: round(Math.max(y1 - y0, 0)) };
}

function invert(m: Matrix): Matrix | undefined {
  const det = m[0] * m[3] - m[1] * m[2];
  if (Math.abs(det) < 1e-12) return undefined;
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, 0, 0];
}

function round(v: number): number {
  return Math.round(v * 10000) / 10000;
}
