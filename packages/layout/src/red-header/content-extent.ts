/**
 * Estimates where a page's content sits (ISO 32000-1 §8–9 operators): the text lines (baseline ± font
 * size), painted paths and images, through the CTM and text matrices. Glyph widths are not known here, so
 * only the vertical extent is reliable; that is what placing a header above the content needs. Paths
 * covering most of the page (backgrounds) are ignored.
 */

export type Matrix = readonly [number, number, number, number, number, number];

export interface Extent {
  readonly yMin: number;
  readonly yMax: number;
  readonly xMin: number;
  readonly xMax: number;
}

export interface XObjectInfo {
  readonly subtype: 'Image' | 'Form';
  readonly bbox?: readonly [number, number, number, number];
  readonly matrix?: Matrix;
}

const ID: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const MAX_OPS = 2_000_000;

export function contentExtent(content: Uint8Array, pageBox: readonly [number, number, number, number], xobject: (name: string) => XObjectInfo | undefined): Extent | undefined {
  let box: { x0: number; y0: number; x1: number; y1: number } | undefined;
  const add = (x: number, y: number) => {
    if (box === undefined) box = { x0: x, y0: y, x1: x, y1: y };
    else box = { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x), y1: Math.max(box.y1, y) };
  };
  const pageArea = (pageBox[2] - pageBox[0]) * (pageBox[3] - pageBox[1]);
  let ctm: Matrix = ID;
  const stack: Matrix[] = [];
  let tm: Matrix = ID;
  let tlm: Matrix = ID;
  let size = 12;
  let leading = 0;
  let path: [number, number][] = [];
  const operands: (number | undefined)[] = [];
  const num = (i: number): number => operands[operands.length - i] ?? 0;
  const showText = () => {
    const m = mul(tm, ctm);
    for (const [x, y] of [[0, -0.25 * size], [0, size], [size, size]] as const) add(...apply(m, x, y));
  };
  const td = (tx: number, ty: number) => {
    tlm = mul([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  const square = (m: Matrix, x0: number, y0: number, x1: number, y1: number) => {
    for (const [x, y] of [[x0, y0], [x1, y0], [x0, y1], [x1, y1]] as const) add(...apply(m, x, y));
  };
  let count = 0;
  for (const tok of tokens(content)) {
    if (++count > MAX_OPS) break;
    if (typeof tok === 'number') {
      operands.push(tok);
      continue;
    }
    if (tok.kind === 'operand') {
      operands.push(undefined);
      continue;
    }
    const op = tok.op;
    switch (op) {
      case 'q': stack.push(ctm); break;
      case 'Q': ctm = stack.pop() ?? ID; break;
      case 'cm': ctm = mul([num(6), num(5), num(4), num(3), num(2), num(1)], ctm); break;
      case 'BT': tm = tlm = ID; break;
      case 'Tf': size = Math.abs(num(1)) || size; break;
      case 'TL': leading = num(1); break;
      case 'Td': td(num(2), num(1)); break;
      case 'TD': leading = -num(1); td(num(2), num(1)); break;
      case 'Tm': tlm = tm = [num(6), num(5), num(4), num(3), num(2), num(1)]; break;
      case 'T*': td(0, -leading); break;
      case "'": case '"': td(0, -leading); showText(); break;
      case 'Tj': case 'TJ': showText(); break;
      case 'm': case 'l': path.push(apply(ctm, num(2), num(1))); break;
      case 'c': path.push(apply(ctm, num(6), num(5)), apply(ctm, num(4), num(3)), apply(ctm, num(2), num(1))); break;
      case 'v': case 'y': path.push(apply(ctm, num(4), num(3)), apply(ctm, num(2), num(1))); break;
      case 're': {
        const [x, y, w, h] = [num(4), num(3), num(2), num(1)];
        path.push(apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x, y + h), apply(ctm, x + w, y + h));
        break;
      }
      case 'S': case 's': case 'f': case 'F': case 'f*': case 'B': case 'B*': case 'b': case 'b*': {
        if (path.length > 0) {
          const xs = path.map((p) => p[0]);
          const ys = path.map((p) => p[1]);
          const area = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
          if (area < 0.9 * pageArea) for (const p of path) add(...p);
        }
        path = [];
        break;
      }
      case 'n': path = []; break;
      case 'Do': {
        const info = tok.name === undefined ? undefined : xobject(tok.name);
        if (info?.subtype === 'Form' && info.bbox !== undefined) square(mul(info.matrix ?? ID, ctm), ...info.bbox);
        else square(ctm, 0, 0, 1, 1);
        break;
      }
      case 'BI': square(ctm, 0, 0, 1, 1); break;
      default: break;
    }
    operands.length = 0;
  }
  if (box === undefined) return undefined;
  const b = box as { x0: number; y0: number; x1: number; y1: number };
  return { xMin: Math.max(b.x0, pageBox[0]), yMin: Math.max(b.y0, pageBox[1]), xMax: Math.min(b.x1, pageBox[2]), yMax: Math.min(b.y1, pageBox[3]) };
}

type Token = number | { kind: 'operand' } | { kind: 'op'; op: string; name?: string };

/** Content-stream tokens (§7.8.2): numbers, other operands as placeholders, operators (with a preceding name for Do). */
function* tokens(b: Uint8Array): Generator<Token> {
  let i = 0;
  let lastName: string | undefined;
  const ws = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
  const delim = (c: number) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
  while (i < b.length) {
    const c = b[i] as number;
    if (ws(c)) { i++; continue; }
    if (c === 0x25) { while (i < b.length && b[i] !== 0x0a && b[i] !== 0x0d) i++; continue; }
    if (c === 0x28) {
      let depth = 0;
      for (; i < b.length; i++) {
        if (b[i] === 0x5c) { i++; continue; }
        if (b[i] === 0x28) depth++;
        else if (b[i] === 0x29 && --depth === 0) { i++; break; }
      }
      yield { kind: 'operand' };
      continue;
    }
    if (c === 0x3c && b[i + 1] === 0x3c) { i += 2; yield { kind: 'operand' }; continue; }
    if (c === 0x3e && b[i + 1] === 0x3e) { i += 2; continue; }
    if (c === 0x3c) { while (i < b.length && b[i] !== 0x3e) i++; i++; yield { kind: 'operand' }; continue; }
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) { i++; if (c === 0x5b) yield { kind: 'operand' }; continue; }
    let j = i + 1;
    while (j < b.length && !ws(b[j] as number) && !delim(b[j] as number)) j++;
    const word = String.fromCharCode(...b.subarray(i, j));
    i = j;
    if (c === 0x2f) { lastName = word.slice(1); yield { kind: 'operand' }; continue; }
    const n = Number(word);
    if (word !== '' && Number.isFinite(n) && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) { yield n; continue; }
    if (word === 'ID') {
      // Inline image data runs to whitespace + "EI" + whitespace (§8.9.7).
      while (i < b.length - 2 && !(ws(b[i] as number) && b[i + 1] === 0x45 && b[i + 2] === 0x49 && (i + 3 >= b.length || ws(b[i + 3] as number)))) i++;
      i += 3;
      continue;
    }
    yield { kind: 'op', op: word, ...(word === 'Do' && lastName !== undefined ? { name: lastName } : {}) };
  }
}
