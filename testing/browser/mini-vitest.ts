// A minimal describe/it/expect for running shared contract suites inside Chromium, where Vitest
// itself cannot be bundled. Only the matchers our suites use; each failure carries its message.
type Fn = () => unknown | Promise<unknown>;
interface Case { name: string; fn: Fn; fails: boolean }
const cases: Case[] = [];
const prefix: string[] = [];

export function describe(name: string, fn: () => void): void {
  prefix.push(name);
  try { fn(); } finally { prefix.pop(); }
}
export function it(name: string, fn: Fn): void {
  cases.push({ name: [...prefix, name].join(' › '), fn, fails: false });
}
it.fails = (name: string, fn: Fn): void => {
  cases.push({ name: [...prefix, name].join(' › '), fn, fails: true });
};
function formatName(template: string, args: unknown[]): string {
  let i = 0;
  return template.replace(/%[sdifjo%]/g, (m) => (m === '%%' ? '%' : String(args[i++])));
}
type EachFn = (...args: never[]) => unknown;
function each(register: (name: string, fn: () => unknown) => void) {
  return (table: readonly unknown[]) => (name: string, fn: EachFn) => {
    for (const row of table) {
      const args = Array.isArray(row) ? row : [row];
      register(formatName(name, args), () => (fn as (...a: unknown[]) => unknown)(...args));
    }
  };
}
it.each = each((name, fn) => it(name, fn));
describe.each = each((name, fn) => describe(name, fn as () => void));
export const test = it;

export interface CaseResult { name: string; ok: boolean; error?: string }

export async function runAll(): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    try {
      await c.fn();
      results.push(c.fails ? { name: c.name, ok: false, error: 'expected to fail but passed' } : { name: c.name, ok: true });
    } catch (e) {
      results.push(c.fails ? { name: c.name, ok: true } : { name: c.name, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
  }
  return results;
}

function fmt(v: unknown): string {
  if (v instanceof Uint8Array) return `Uint8Array(${v.length})`;
  try { return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x)); } catch { return String(v); }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (isContaining(b)) return matchesObject(a, b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const CONTAINING = Symbol('objectContaining');
interface Containing { [CONTAINING]: object }
function isContaining(v: unknown): v is Containing {
  return typeof v === 'object' && v !== null && CONTAINING in v;
}

function matchesObject(actual: unknown, expected: unknown): boolean {
  if (isContaining(expected)) return matchesObject(actual, expected[CONTAINING]);
  if (typeof expected !== 'object' || expected === null) return deepEqual(actual, expected);
  if (typeof actual !== 'object' || actual === null) return false;
  return Object.entries(expected).every(([k, v]) => matchesObject((actual as Record<string, unknown>)[k], v));
}

function errorMatches(e: unknown, expected: unknown): boolean {
  if (expected === undefined) return true;
  const message = e instanceof Error ? e.message : String(e);
  if (typeof expected === 'string') return message.includes(expected);
  if (expected instanceof RegExp) return expected.test(message);
  if (typeof expected === 'function') return e instanceof (expected as new () => unknown);
  return matchesObject(e, expected);
}

function matchers(actual: unknown, negate: boolean) {
  const check = (pass: boolean, what: string) => {
    if (pass === negate) throw new Error(`expected ${fmt(actual)} ${negate ? 'not ' : ''}${what}`);
  };
  return {
    toBe: (v: unknown) => check(Object.is(actual, v), `to be ${fmt(v)}`),
    toEqual: (v: unknown) => check(deepEqual(actual, v), `to equal ${fmt(v)}`),
    toStrictEqual: (v: unknown) => check(deepEqual(actual, v), `to equal ${fmt(v)}`),
    toMatchObject: (v: unknown) => check(matchesObject(actual, v), `to match ${fmt(v)}`),
    toBeTruthy: () => check(Boolean(actual), 'to be truthy'),
    toBeFalsy: () => check(!actual, 'to be falsy'),
    toBeDefined: () => check(actual !== undefined, 'to be defined'),
    toBeUndefined: () => check(actual === undefined, 'to be undefined'),
    toBeNull: () => check(actual === null, 'to be null'),
    toBeGreaterThan: (v: number) => check((actual as number) > v, `to be > ${v}`),
    toBeGreaterThanOrEqual: (v: number) => check((actual as number) >= v, `to be >= ${v}`),
    toBeLessThan: (v: number) => check((actual as number) < v, `to be < ${v}`),
    toBeLessThanOrEqual: (v: number) => check((actual as number) <= v, `to be <= ${v}`),
    toHaveLength: (n: number) => check((actual as { length: number }).length === n, `to have length ${n}`),
    toContain: (v: unknown) => check((actual as { includes(x: unknown): boolean }).includes(v), `to contain ${fmt(v)}`),
    toBeInstanceOf: (c: new (...a: never[]) => unknown) => check(actual instanceof c, `to be instance of ${c.name}`),
    toMatch: (r: RegExp | string) => check(typeof r === 'string' ? String(actual).includes(r) : r.test(String(actual)), `to match ${String(r)}`),
    toThrow: (expected?: unknown) => {
      let threw = false;
      let err: unknown;
      try { (actual as () => unknown)(); } catch (e) { threw = true; err = e; }
      check(threw && errorMatches(err, expected), `to throw ${fmt(expected)}${threw ? ` (threw ${fmt(err instanceof Error ? err.message : err)})` : ''}`);
    },
  };
}

type Matchers = ReturnType<typeof matchers>;
type AsyncMatchers = { [K in keyof Matchers]: (...a: Parameters<Matchers[K]>) => Promise<void> };

export function expect(actual: unknown): Matchers & { not: Matchers; resolves: AsyncMatchers; rejects: AsyncMatchers } {
  const asyncOf = (mode: 'resolves' | 'rejects'): AsyncMatchers =>
    new Proxy({} as AsyncMatchers, {
      get: (_t, key: string) => async (...args: unknown[]) => {
        let value: unknown;
        let rejected = false;
        try { value = await (actual as Promise<unknown>); } catch (e) { value = e; rejected = true; }
        if (mode === 'resolves' && rejected) throw new Error(`expected promise to resolve, it rejected with ${fmt(value instanceof Error ? value.message : value)}`);
        if (mode === 'rejects' && !rejected) throw new Error(`expected promise to reject, it resolved with ${fmt(value)}`);
        if (mode === 'rejects' && key === 'toThrow') {
          if (!errorMatches(value, args[0])) throw new Error(`expected rejection ${fmt(value instanceof Error ? value.message : value)} to match ${fmt(args[0])}`);
          return;
        }
        (matchers(value, false) as unknown as Record<string, (...a: unknown[]) => void>)[key]!(...args);
      },
    });
  return Object.assign(matchers(actual, false), { not: matchers(actual, true), resolves: asyncOf('resolves'), rejects: asyncOf('rejects') });
}

expect.objectContaining = (o: object): Containing => ({ [CONTAINING]: o });

export const beforeAll = (fn: Fn): void => { cases.push({ name: `${prefix.join(' › ')} (beforeAll)`, fn, fails: false }); };
