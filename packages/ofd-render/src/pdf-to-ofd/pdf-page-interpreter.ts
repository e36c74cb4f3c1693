import type { Matrix, PathCommand } from '@openseal/ofd';
import { apply, multiply } from '@openseal/ofd';
import type { WarningLog } from '../render-warning.js';
import type { ConvertedItem, PageClip, Paint, StrokePaint } from './converted-page.js';
import { cloneState, initialState, parseColor, type GraphicsState } from './graphics-state.js';
import type { PdfFontMapper } from './pdf-font-mapper.js';
import { DRAW_OPS, type PdfJsGlyph, type PdfJsPage } from './pdfjs-types.js';
import { TextEmitter } from './text-emitter.js';

export interface InterpreterDeps {
  readonly ops: Readonly<Record<string, number>>;
  readonly fonts: PdfFontMapper;
  readonly warnings: WarningLog;
  /** Registers a decoded image; returns its key. */
  readonly image: (id: string, inline: unknown) => Promise<string | undefined>;
  /** Content that cannot be expressed as OFD objects, with its box in page mm. */
  readonly unsupported: (what: string, box: { x: number; y: number; width: number; height: number } | undefined, at: number) => void;
  readonly maxOps: number;
  readonly maxDepth: number;
}

const CAPS = ['Butt', 'Round', 'Square'] as const;
const JOINS = ['Miter', 'Round', 'Bevel'] as const;

/** Walks a pdf.js operator list and produces page items in page millimetres (y down). */
export async function interpretPage(page: PdfJsPage, base: Matrix, deps: InterpreterDeps): Promise<ConvertedItem[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const op = deps.ops;
  const items: ConvertedItem[] = [];
  let gs = initialState();
  const stack: GraphicsState[] = [];
  let pendingClip: 'NonZero' | 'Even-Odd' | undefined;
  const text = new TextEmitter(deps.fonts, deps.warnings, items);
  const toPage = (): Matrix => multiply(gs.ctm, base);
  const scaleOf = (m: Matrix): number => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
  if (fnArray.length > deps.maxOps) deps.warnings.add('RENDER_LIMIT_REACHED', `page has ${fnArray.length} operators; only the first ${deps.maxOps} are converted`);

  for (let i = 0; i < Math.min(fnArray.length, deps.maxOps); i++) {
    const fn = fnArray[i] as number;
    const args = (argsArray[i] ?? []) as unknown[];
    const num = (k: number): number => (typeof args[k] === 'number' ? (args[k] as number) : 0);
    switch (fn) {
      case op.save:
        if (stack.length >= deps.maxDepth) deps.warnings.add('RENDER_LIMIT_REACHED', 'graphics state nested too deeply');
        else stack.push(cloneState(gs));
        break;
      case op.restore:
        gs = stack.pop() ?? gs;
        break;
      case op.transform:
        gs.ctm = multiply(args.slice(0, 6).map(Number) as unknown as Matrix, gs.ctm);
        break;
      case op.paintFormXObjectBegin: {
        stack.push(cloneState(gs));
        const m = args[0];
        if (m !== null && m !== undefined) gs.ctm = multiply(Array.from(m as ArrayLike<number>).slice(0, 6) as unknown as Matrix, gs.ctm);
        const bbox = args[1] as ArrayLike<number> | null | undefined;
        if (bbox !== null && bbox !== undefined && bbox.length === 4) {
          const [x0, y0, x1, y1] = Array.from(bbox) as [number, number, number, number];
          gs.clips = [...gs.clips, { commands: rectCommands(x0, y0, x1, y1, toPage()), rule: 'NonZero' }];
        }
        break;
      }
      case op.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        break;
      case op.setLineWidth:
        gs.lineWidth = num(0);
        break;
      case op.setLineCap:
        gs.cap = num(0);
        break;
      case op.setLineJoin:
        gs.join = num(0);
        break;
      case op.setMiterLimit:
        gs.miterLimit = num(0);
        break;
      case op.setDash:
        gs.dash = Array.from((args[0] ?? []) as ArrayLike<number>);
        gs.dashOffset = num(1);
        break;
      case op.setGState:
        for (const entry of (args[0] ?? []) as Array<[string, unknown]>) {
          const [key, value] = entry;
          if (key === 'ca' && typeof value === 'number') gs.fillAlpha = value;
          else if (key === 'CA' && typeof value === 'number') gs.strokeAlpha = value;
          else if (key === 'LW' && typeof value === 'number') gs.lineWidth = value;
          else if (key === 'Font' && Array.isArray(value)) [gs.font, gs.fontSize] = [String(value[0]), Number(value[1])];
        }
        break;
      case op.setFillRGBColor:
        gs.fill = parseColor(args[0]);
        break;
      case op.setStrokeRGBColor:
        gs.stroke = parseColor(args[0]);
        break;
      case op.clip:
        pendingClip = 'NonZero';
        break;
      case op.eoClip:
        pendingClip = 'Even-Odd';
        break;
      case op.constructPath: {
        const paintOp = args[0] as number;
        const data = (args[1] as ArrayLike<unknown>[] | undefined)?.[0];
        const m = toPage();
        const commands = data === undefined ? [] : pathCommands(data as ArrayLike<number>, m);
        if (commands.length > 0) paintPath(paintOp, commands, m);
        if (pendingClip !== undefined && commands.length > 0) gs.clips = [...gs.clips, { commands, rule: pendingClip }];
        pendingClip = undefined;
        break;
      }
      case op.endPath:
        pendingClip = undefined;
        break;
      case op.beginText:
        text.begin();
        break;
      case op.endText:
        text.end();
        break;
      case op.setFont:
        gs.font = String(args[0]);
        gs.fontSize = num(1);
        break;
      case op.setTextMatrix:
        text.setMatrix(Array.from(args[0] as ArrayLike<number>).slice(0, 6) as unknown as Matrix);
        break;
      case op.moveText:
        text.move(num(0), num(1));
        break;
      case op.setLeadingMoveText:
        gs.leading = -num(1);
        text.move(num(0), num(1));
        break;
      case op.nextLine:
        text.move(0, -gs.leading);
        break;
      case op.setLeading:
        gs.leading = num(0);
        break;
      case op.setCharSpacing:
        gs.charSpacing = num(0);
        break;
      case op.setWordSpacing:
        gs.wordSpacing = num(0);
        break;
      case op.setHScale:
        gs.hScale = num(0) / 100;
        break;
      case op.setTextRise:
        gs.rise = num(0);
        break;
      case op.setTextRenderingMode:
        gs.renderMode = num(0);
        break;
      case op.showText:
      case op.showSpacedText:
        text.show(page, args[0] as Array<PdfJsGlyph | number>, gs, base, fillPaint(), strokePaint(scaleOf(toPage())));
        break;
      case op.nextLineShowText:
        text.move(0, -gs.leading);
        text.show(page, args[0] as Array<PdfJsGlyph | number>, gs, base, fillPaint(), strokePaint(scaleOf(toPage())));
        break;
      case op.nextLineSetSpacingShowText:
        gs.wordSpacing = num(0);
        gs.charSpacing = num(1);
        text.move(0, -gs.leading);
        text.show(page, args[2] as Array<PdfJsGlyph | number>, gs, base, fillPaint(), strokePaint(scaleOf(toPage())));
        break;
      case op.paintImageXObject:
      case op.paintInlineImageXObject:
      case op.paintImageXObjectRepeat: {
        const key = await deps.image(fn === op.paintInlineImageXObject ? `inline-${i}` : String(args[0]), fn === op.paintInlineImageXObject ? args[0] : undefined);
        // PDF images fill the unit square with their top row at y = 1 (§8.9.4); OFD's top row is at y = 0.
        if (key !== undefined) items.push({ kind: 'image', imageKey: key, matrix: multiply([1, 0, 0, -1, 0, 1], toPage()), clips: gs.clips });
        break;
      }
      case op.paintImageMaskXObject:
      case op.paintImageMaskXObjectGroup:
      case op.paintSolidColorImageMask:
        deps.unsupported('stencil image mask', unitBox(toPage()), items.length);
        break;
      case op.shadingFill:
        deps.unsupported('shading', clipBox(gs.clips), items.length);
        break;
      case op.setFillColorN:
      case op.setStrokeColorN:
        if (args[0] === 'TilingPattern' || args[0] === 'Shading' || (Array.isArray(args[0]) && typeof args[0][0] === 'string')) deps.warnings.add('RENDER_SHADING_APPROXIMATED', 'a pattern colour was converted as a single colour');
        break;
      default:
        break;
    }
  }
  text.end();
  return items;

  function fillPaint(): Paint {
    return { rgb: gs.fill, alpha: Math.round(gs.fillAlpha * 255) };
  }

  function strokePaint(scale: number): StrokePaint {
    const dash = gs.dash.filter((d) => Number.isFinite(d) && d >= 0).map((d) => d * scale);
    return {
      rgb: gs.stroke,
      alpha: Math.round(gs.strokeAlpha * 255),
      width: gs.lineWidth * scale,
      cap: CAPS[gs.cap] ?? 'Butt',
      join: JOINS[gs.join] ?? 'Miter',
      miterLimit: gs.miterLimit,
      ...(dash.length > 0 && dash.some((d) => d > 0) ? { dash } : {}),
      dashOffset: gs.dashOffset * scale,
    };
  }

  function paintPath(paintOp: number, commands: PathCommand[], m: Matrix): void {
    const fill = [op.fill, op.eoFill, op.fillStroke, op.eoFillStroke, op.closeFillStroke, op.closeEOFillStroke].includes(paintOp);
    const stroke = [op.stroke, op.closeStroke, op.fillStroke, op.eoFillStroke, op.closeFillStroke, op.closeEOFillStroke].includes(paintOp);
    if (!fill && !stroke) return;
    const evenOdd = [op.eoFill, op.eoFillStroke, op.closeEOFillStroke].includes(paintOp);
    const closed = [op.closeStroke, op.closeFillStroke, op.closeEOFillStroke].includes(paintOp) ? [...commands, { op: 'C' } as const] : commands;
    items.push({
      kind: 'path',
      commands: closed,
      ...(fill ? { fill: { ...fillPaint(), rule: evenOdd ? ('Even-Odd' as const) : ('NonZero' as const) } } : {}),
      ...(stroke ? { stroke: strokePaint(scaleOf(m)) } : {}),
      clips: gs.clips,
    });
  }
}

/** pdf.js path data (DrawOPS codes followed by coordinates) mapped to page mm. */
function pathCommands(data: ArrayLike<number>, m: Matrix): PathCommand[] {
  const out: PathCommand[] = [];
  const p = (k: number): { x: number; y: number } => apply(m, data[k] as number, data[k + 1] as number);
  for (let k = 0; k < data.length; ) {
    const code = data[k];
    if (code === DRAW_OPS.moveTo || code === DRAW_OPS.lineTo) {
      const q = p(k + 1);
      out.push({ op: code === DRAW_OPS.moveTo ? 'M' : 'L', x: q.x, y: q.y });
      k += 3;
    } else if (code === DRAW_OPS.curveTo) {
      const [a, b, c] = [p(k + 1), p(k + 3), p(k + 5)];
      out.push({ op: 'B', x1: a.x, y1: a.y, x2: b.x, y2: b.y, x: c.x, y: c.y });
      k += 7;
    } else if (code === DRAW_OPS.quadraticCurveTo) {
      const [a, b] = [p(k + 1), p(k + 3)];
      out.push({ op: 'Q', x1: a.x, y1: a.y, x: b.x, y: b.y });
      k += 5;
    } else if (code === DRAW_OPS.closePath) {
      out.push({ op: 'C' });
      k += 1;
    } else break;
  }
  return out.every((c) => c.op === 'C' || (Number.isFinite(c.x) && Number.isFinite(c.y))) ? out : [];
}

function rectCommands(x0: number, y0: number, x1: number, y1: number, m: Matrix): PathCommand[] {
  const pts = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x1, y1), apply(m, x0, y1)];
  return [{ op: 'M', ...pts[0]! }, { op: 'L', ...pts[1]! }, { op: 'L', ...pts[2]! }, { op: 'L', ...pts[3]! }, { op: 'C' }];
}

function unitBox(m: Matrix): { x: number; y: number; width: number; height: number } {
  const pts = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 1, 1), apply(m, 0, 1)];
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

function clipBox(clips: readonly PageClip[]): { x: number; y: number; width: number; height: number } | undefined {
  const last = clips[clips.length - 1];
  if (last === undefined) return undefined;
  const pts = last.commands.flatMap((c) => (c.op === 'C' ? [] : [c]));
  if (pts.length === 0) return undefined;
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}
