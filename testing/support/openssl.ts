// Test-only helpers to run the machine's OpenSSL as an independent peer.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ToolResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs `openssl …args`; never throws on a non-zero exit (check `code`). */
export function openssl(args: string[], options: { input?: Uint8Array | string; cwd?: string } = {}): ToolResult {
  const r = spawnSync('openssl', args, { input: options.input, cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout ?? Buffer.alloc(0), stderr: r.stderr?.toString() ?? '' };
}

/** Runs `openssl …args` and returns stdout; throws with stderr on failure. */
export function opensslOk(args: string[], options: { input?: Uint8Array | string; cwd?: string } = {}): Buffer {
  return execFileSync('openssl', args, { input: options.input, cwd: options.cwd, maxBuffer: 64 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** A fresh temporary directory and a function that removes it. */
export function tempDir(prefix = 'openseal-test-'): { dir: string; path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
