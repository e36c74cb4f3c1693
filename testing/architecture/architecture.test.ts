// Enforces the layer rules of docs/architecture.md: which workspace may import which, pure engines,
// browser-safe verification code, and no import cycles between source files.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Layer of every workspace and the @openseal packages it may import. */
const ALLOWED: Record<string, readonly string[]> = {
  kernel: [],
  asn1: ['kernel'],
  crypto: ['kernel', 'asn1'],
  pki: ['kernel', 'asn1', 'crypto'],
  // document models know nothing of CMS or seals
  pdf: ['kernel'],
  ofd: ['kernel'],
  fonts: ['kernel'],
  images: ['kernel'],
  geometry: [],
  // layout and rendering sit on the document models
  layout: ['kernel', 'fonts', 'images', 'pdf', 'ofd'],
  'ofd-render': ['kernel', 'fonts', 'images', 'ofd', 'pdf', 'geometry'],
  // signing profiles
  ses: ['kernel', 'asn1', 'crypto', 'pki'],
  pades: ['kernel', 'asn1', 'crypto', 'pki', 'pdf', 'fonts', 'images', 'ses', 'geometry'],
  'ofd-seal': ['kernel', 'asn1', 'crypto', 'pki', 'ofd', 'ses', 'images'],
};

interface SourceFile { path: string; workspace: string; kind: 'packages' | 'adapters' | 'apps'; imports: string[]; runtimeImports: string[]; isTest: boolean }

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT_RE = /\b(?:import|export)\s+(type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(): SourceFile[] {
  const files: SourceFile[] = [];
  for (const kind of ['packages', 'adapters', 'apps'] as const) {
    const base = join(root, kind);
    if (!existsSync(base)) continue;
    for (const ws of readdirSync(base)) {
      for (const path of walk(join(base, ws, 'src'))) {
        const text = readFileSync(path, 'utf8');
        const matches = [...text.matchAll(IMPORT_RE)];
        const imports = matches.map((m) => (m[2] ?? m[3] ?? m[4]) as string);
        const runtimeImports = matches.filter((m) => !m[1]).map((m) => (m[2] ?? m[3] ?? m[4]) as string);
        files.push({ path, workspace: ws, kind, imports, runtimeImports, isTest: /\.test(-d)?\.tsx?$/.test(path) });
      }
    }
  }
  return files;
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const rel = (p: string) => relative(root, p);

describe('architecture', () => {
  const files = sources();

  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('engines import only lower engine layers', () => {
    const bad: string[] = [];
    for (const f of files.filter((f) => f.kind === 'packages')) {
      const allowed = ALLOWED[f.workspace];
      if (!allowed) {
        bad.push(`${rel(f.path)}: workspace packages/${f.workspace} has no entry in the layer table`);
        continue;
      }
      for (const spec of f.imports) {
        const m = /^@openseal\/([^/]+)/.exec(spec);
        if (m && m[1] !== f.workspace && !allowed.includes(m[1] as string)) bad.push(`${rel(f.path)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('engines touch no Node built-ins (node:crypto only in packages/crypto/src/node)', () => {
    const bad: string[] = [];
    for (const f of files.filter((f) => f.kind === 'packages' && !f.isTest)) {
      const nodeSide = rel(f.path).startsWith('packages/crypto/src/node/');
      for (const spec of f.imports) {
        if (!builtins.has(spec)) continue;
        if (nodeSide && ['node:crypto', 'crypto', 'node:util', 'node:buffer'].includes(spec)) continue;
        bad.push(`${rel(f.path)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('browser-safe code never imports the Node-only entry points', () => {
    const bad: string[] = [];
    for (const f of files.filter((f) => f.kind === 'packages' && !f.isTest && !rel(f.path).startsWith('packages/crypto/src/node/'))) {
      for (const spec of f.imports) {
        if (spec.endsWith('/node') && spec.startsWith('@openseal/')) bad.push(`${rel(f.path)} imports ${spec}`);
        if (spec.startsWith('.') && /(^|\/)node(\/|$)/.test(spec) && rel(f.path).startsWith('packages/crypto/src/') && !rel(f.path).startsWith('packages/crypto/src/node/')) bad.push(`${rel(f.path)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('adapters import engines only, never other adapters or apps', () => {
    const bad: string[] = [];
    const adapters = new Set(files.filter((f) => f.kind === 'adapters').map((f) => f.workspace));
    for (const f of files.filter((f) => f.kind === 'adapters')) {
      for (const spec of f.imports) {
        const m = /^@openseal\/([^/]+)/.exec(spec);
        if (!m) continue;
        const target = m[1] as string;
        if (target === f.workspace) continue;
        if (adapters.has(target) || target === 'cli' || target === 'server' || target === 'web') bad.push(`${rel(f.path)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('relative imports never leave their workspace', () => {
    const bad: string[] = [];
    for (const f of files) {
      const wsRoot = join(root, f.kind, f.workspace);
      for (const spec of f.imports.filter((s) => s.startsWith('.'))) {
        if (!resolve(dirname(f.path), spec).startsWith(wsRoot + '/')) bad.push(`${rel(f.path)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every @openseal import is declared in the workspace package.json', () => {
    const bad: string[] = [];
    for (const f of files.filter((f) => !f.isTest)) {
      const pkg = JSON.parse(readFileSync(join(root, f.kind, f.workspace, 'package.json'), 'utf8')) as { name: string; dependencies?: Record<string, string> };
      for (const spec of f.imports) {
        const m = /^(@openseal\/[^/]+)/.exec(spec);
        if (m && m[1] !== pkg.name && !(pkg.dependencies && m[1]! in pkg.dependencies)) bad.push(`${rel(f.path)}: ${m[1]} not in ${pkg.name} dependencies`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no runtime import cycles between source files (type-only imports excluded)', () => {
    const graph = new Map<string, string[]>();
    for (const f of files.filter((f) => !f.isTest)) {
      const deps: string[] = [];
      for (const spec of f.runtimeImports.filter((s) => s.startsWith('.'))) {
        const target = resolve(dirname(f.path), spec).replace(/\.js$/, '.ts');
        deps.push(existsSync(target) ? target : target.replace(/\.ts$/, '/index.ts'));
      }
      graph.set(f.path, deps);
    }
    const state = new Map<string, 1 | 2>();
    const cycles: string[] = [];
    const stack: string[] = [];
    const visit = (n: string): void => {
      state.set(n, 1);
      stack.push(n);
      for (const d of graph.get(n) ?? []) {
        if (state.get(d) === 1) cycles.push([...stack.slice(stack.indexOf(d)), d].map(rel).join(' → '));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(n, 2);
    };
    for (const n of graph.keys()) if (!state.has(n)) visit(n);
    expect(cycles).toEqual([]);
  });
});
