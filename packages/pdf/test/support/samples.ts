/** Test-only helpers: third-party samples read in place from ../shared/samples, and CLI peers. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLES_DIR = fileURLToPath(new URL('../../../../../shared/samples/pdf/', import.meta.url));

/** Every PDF sample, by file name. */
export function sampleNames(): string[] {
  return readdirSync(SAMPLES_DIR).filter((n) => n.endsWith('.pdf')).sort();
}

export function sampleBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SAMPLES_DIR, name)));
}

export function samplePath(name: string): string {
  return join(SAMPLES_DIR, name);
}

/** Passwords from samples/MANIFEST.md. */
export const SAMPLE_PASSWORDS: Record<string, { user: string; owner: string }> = {
  'pyHanko__minimal-aes256.pdf': { user: 'usersecret', owner: 'ownersecret' },
  'pyHanko__minimal-rc4.pdf': { user: 'usersecret', owner: 'ownersecret' },
};

const made: string[] = [];

/** A fresh temporary folder; call cleanupTempDirs() from afterAll to remove them. */
export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'openseal-pdf-'));
  made.push(d);
  return d;
}

export function cleanupTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

export interface ToolResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(tool: string, args: readonly string[], cwd?: string): ToolResult {
  const r = spawnSync(tool, args, { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024, ...(cwd ? { cwd } : {}) });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Page count according to poppler's pdfinfo. */
export function pdfinfoPages(path: string, password?: string): number {
  const out = execFileSync('pdfinfo', [...(password ? ['-upw', password] : []), path], { encoding: 'latin1' });
  const m = /^Pages:\s+(\d+)/m.exec(out);
  if (!m) throw new Error(`pdfinfo gave no page count for ${path}`);
  return Number(m[1]);
}

/** Number of `%%EOF` markers in the file. */
export function countEof(bytes: Uint8Array): number {
  return Buffer.from(bytes).toString('latin1').split('%%EOF').length - 1;
}
