import { OfdMalformedError } from '../errors.js';
import { isOfdNamespace } from '../xml/ofd-namespace.js';
import type { XmlElement } from '../xml/xml-element.js';
import type { Matrix, ST_Box } from './primitives.js';

/** Where a value comes from, for error details: the package part being read. */
export interface ReadContext {
  readonly part: string;
}

const DOUBLE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function bad(ctx: ReadContext, el: XmlElement, what: string, value?: string): OfdMalformedError {
  return new OfdMalformedError(`${what} on <${el.local}> in ${ctx.part}`, {
    part: ctx.part,
    element: el.local,
    ...(value === undefined ? {} : { value: value.slice(0, 80) }),
  });
}

export function parseDouble(text: string, ctx: ReadContext, el: XmlElement, name: string): number {
  const t = text.trim();
  if (!DOUBLE.test(t)) throw bad(ctx, el, `${name} is not a number`, text);
  const n = Number(t);
  if (!Number.isFinite(n)) throw bad(ctx, el, `${name} is out of range`, text);
  return n;
}

export function optString(el: XmlElement, name: string): string | undefined {
  return el.attr(name);
}

export function reqString(el: XmlElement, name: string, ctx: ReadContext): string {
  const v = el.attr(name);
  if (v === undefined) throw bad(ctx, el, `required attribute ${name} missing`);
  return v;
}

export function optNumber(el: XmlElement, name: string, ctx: ReadContext): number | undefined {
  const v = el.attr(name);
  return v === undefined ? undefined : parseDouble(v, ctx, el, name);
}

export function reqNumber(el: XmlElement, name: string, ctx: ReadContext): number {
  return parseDouble(reqString(el, name, ctx), ctx, el, name);
}

export function optInt(el: XmlElement, name: string, ctx: ReadContext): number | undefined {
  const v = el.attr(name);
  if (v === undefined) return undefined;
  if (!/^\s*[+-]?\d+\s*$/.test(v)) throw bad(ctx, el, `${name} is not an integer`, v);
  return Number(v.trim());
}

/** ST_ID / ST_RefID: xs:unsignedInt. */
export function parseId(text: string, ctx: ReadContext, el: XmlElement, name: string): number {
  const t = text.trim();
  if (!/^\d{1,10}$/.test(t) || Number(t) > 0xffffffff) throw bad(ctx, el, `${name} is not an ST_ID`, text);
  return Number(t);
}

export function optId(el: XmlElement, name: string, ctx: ReadContext): number | undefined {
  const v = el.attr(name);
  return v === undefined ? undefined : parseId(v, ctx, el, name);
}

export function reqId(el: XmlElement, name: string, ctx: ReadContext): number {
  return parseId(reqString(el, name, ctx), ctx, el, name);
}

export function optBool(el: XmlElement, name: string, ctx: ReadContext): boolean | undefined {
  const v = el.attr(name);
  if (v === undefined) return undefined;
  const t = v.trim();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  throw bad(ctx, el, `${name} is not a boolean`, v);
}

export function optEnum<T extends string>(el: XmlElement, name: string, values: readonly T[], ctx: ReadContext): T | undefined {
  const v = el.attr(name);
  if (v === undefined) return undefined;
  const t = v.trim();
  if (!(values as readonly string[]).includes(t)) throw bad(ctx, el, `${name} has an unknown value`, v);
  return t as T;
}

/** ST_Array of numbers (whitespace separated). */
export function parseNumberList(text: string, ctx: ReadContext, el: XmlElement, name: string): number[] {
  const t = text.trim();
  if (t === '') return [];
  return t.split(/\s+/).map((p) => parseDouble(p, ctx, el, name));
}

export function optNumberList(el: XmlElement, name: string, ctx: ReadContext): number[] | undefined {
  const v = el.attr(name);
  return v === undefined ? undefined : parseNumberList(v, ctx, el, name);
}

export function parseBox(text: string, ctx: ReadContext, el: XmlElement, name: string): ST_Box {
  const n = parseNumberList(text, ctx, el, name);
  if (n.length !== 4) throw bad(ctx, el, `${name} is not an ST_Box`, text);
  const [x, y, width, height] = n as [number, number, number, number];
  return { x, y, width, height };
}

export function optBox(el: XmlElement, name: string, ctx: ReadContext): ST_Box | undefined {
  const v = el.attr(name);
  return v === undefined ? undefined : parseBox(v, ctx, el, name);
}

export function reqBox(el: XmlElement, name: string, ctx: ReadContext): ST_Box {
  return parseBox(reqString(el, name, ctx), ctx, el, name);
}

export function optMatrix(el: XmlElement, name: string, ctx: ReadContext): Matrix | undefined {
  const v = el.attr(name);
  if (v === undefined) return undefined;
  const n = parseNumberList(v, ctx, el, name);
  if (n.length !== 6) throw bad(ctx, el, `${name} is not a 6-number matrix`, v);
  return n as unknown as Matrix;
}

/** OFD child elements with this local name (either OFD namespace, prefix-agnostic). */
export function kids(el: XmlElement, local: string): XmlElement[] {
  return el.elements().filter((c) => c.local === local && isOfdNamespace(c.uri));
}

export function kid(el: XmlElement, local: string): XmlElement | undefined {
  for (const c of el.elements()) if (c.local === local && isOfdNamespace(c.uri)) return c;
  return undefined;
}

export function reqKid(el: XmlElement, local: string, ctx: ReadContext): XmlElement {
  const k = kid(el, local);
  if (k === undefined) throw bad(ctx, el, `required child <${local}> missing`);
  return k;
}

/** Text of a child element (trimmed: used for ST_Loc, IDs, dates — never for TextCode). */
export function kidText(el: XmlElement, local: string): string | undefined {
  const k = kid(el, local);
  return k === undefined ? undefined : k.text().trim();
}

export function reqKidText(el: XmlElement, local: string, ctx: ReadContext): string {
  return reqKid(el, local, ctx).text().trim();
}

/** Checks the root element of a part: the expected local name in an OFD namespace. */
export function expectRoot(el: XmlElement, local: string, ctx: ReadContext): void {
  if (el.local !== local || !isOfdNamespace(el.uri)) {
    throw new OfdMalformedError(`expected <${local}> as the root of ${ctx.part}, found <${el.qname}>`, {
      part: ctx.part,
      element: el.qname,
      namespace: el.uri,
    });
  }
}

export function malformed(ctx: ReadContext, el: XmlElement, what: string, value?: string): OfdMalformedError {
  return bad(ctx, el, what, value);
}
