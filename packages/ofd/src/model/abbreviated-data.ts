import { formatNumber } from '../xml/xml-writer.js';

/**
 * One AbbreviatedData operator (GB/T 33190 §9.1, 表36), coordinates in the object's space:
 * S/M start a subpath, L line, Q quadratic Bézier, B cubic Bézier, A elliptical arc (SVG semantics), C close.
 */
export type PathCommand =
  | { readonly op: 'S' | 'M' | 'L'; readonly x: number; readonly y: number }
  | { readonly op: 'Q'; readonly x1: number; readonly y1: number; readonly x: number; readonly y: number }
  | {
      readonly op: 'B';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly x: number;
      readonly y: number;
    }
  | {
      readonly op: 'A';
      readonly rx: number;
      readonly ry: number;
      readonly angle: number;
      readonly largeArc: boolean;
      readonly sweep: boolean;
      readonly x: number;
      readonly y: number;
    }
  | { readonly op: 'C' };

const OPERANDS: Record<string, number> = { S: 2, M: 2, L: 2, Q: 4, B: 6, A: 7, C: 0 };
const TOKEN = /\s*([SMLQBAC]|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*,?/y;

/** Parses AbbreviatedData; returns an error message instead of throwing so callers can add context. */
export function parseAbbreviatedData(text: string): PathCommand[] | string {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  const src = text.trim();
  while (TOKEN.lastIndex < src.length) {
    const m = TOKEN.exec(src);
    if (m === null) return `unexpected character at ${TOKEN.lastIndex}`;
    tokens.push(m[1] as string);
  }
  const out: PathCommand[] = [];
  for (let i = 0; i < tokens.length; ) {
    const op = tokens[i] as string;
    const count = OPERANDS[op];
    if (count === undefined) return `number ${op} where an operator was expected`;
    const nums: number[] = [];
    for (let k = 1; k <= count; k++) {
      const t = tokens[i + k];
      if (t === undefined || OPERANDS[t] !== undefined) return `operator ${op} needs ${count} numbers`;
      const n = Number(t);
      if (!Number.isFinite(n)) return `number out of range after ${op}`;
      nums.push(n);
    }
    i += count + 1;
    out.push(toCommand(op, nums));
  }
  return out;
}

function toCommand(op: string, n: number[]): PathCommand {
  const v = (k: number): number => n[k] as number;
  switch (op) {
    case 'S':
    case 'M':
    case 'L':
      return { op, x: v(0), y: v(1) };
    case 'Q':
      return { op, x1: v(0), y1: v(1), x: v(2), y: v(3) };
    case 'B':
      return { op, x1: v(0), y1: v(1), x2: v(2), y2: v(3), x: v(4), y: v(5) };
    case 'A':
      return { op, rx: v(0), ry: v(1), angle: v(2), largeArc: v(3) !== 0, sweep: v(4) !== 0, x: v(5), y: v(6) };
    default:
      return { op: 'C' };
  }
}

export function formatAbbreviatedData(commands: readonly PathCommand[]): string {
  const f = formatNumber;
  return commands
    .map((c) => {
      switch (c.op) {
        case 'S':
        case 'M':
        case 'L':
          return `${c.op} ${f(c.x)} ${f(c.y)}`;
        case 'Q':
          return `Q ${f(c.x1)} ${f(c.y1)} ${f(c.x)} ${f(c.y)}`;
        case 'B':
          return `B ${f(c.x1)} ${f(c.y1)} ${f(c.x2)} ${f(c.y2)} ${f(c.x)} ${f(c.y)}`;
        case 'A':
          return `A ${f(c.rx)} ${f(c.ry)} ${f(c.angle)} ${c.largeArc ? 1 : 0} ${c.sweep ? 1 : 0} ${f(c.x)} ${f(c.y)}`;
        case 'C':
          return 'C';
      }
    })
    .join(' ');
}
