// Test-only helpers: read fonts installed by scripts/install-system-deps.sh, ask independent tools about them.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FONT_ROOT = '/usr/share/fonts';

function find(dir: string, name: string): string | undefined {
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) {
      const hit = find(p, name);
      if (hit) return hit;
    } else if (entry === name) return p;
  }
  return undefined;
}

/** Path of an installed font file by file name (e.g. 'wqy-zenhei.ttc'). */
export function systemFontPath(name: string): string {
  const path = existsSync(FONT_ROOT) ? find(FONT_ROOT, name) : undefined;
  if (!path) throw new Error(`font ${name} is not installed under ${FONT_ROOT}: run scripts/install-system-deps.sh`);
  return path;
}

/** Bytes of an installed font file by file name. */
export function systemFont(name: string): Uint8Array {
  return new Uint8Array(readFileSync(systemFontPath(name)));
}

/** Runs Debian's python3 (python3-fonttools) with a script; returns its parsed JSON output. */
export function fontTools<T>(script: string, args: readonly string[] = []): T {
  const out = execFileSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as T;
}
