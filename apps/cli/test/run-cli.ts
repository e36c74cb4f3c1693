// Test-only: runs the CLI in-process (main) or as the user types it (node bin/openseal.js).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/main.js';
import { processContext } from '../src/context.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const base = processContext();
  const code = await main(args, { ...base, exit: { code: 0 }, stdout: (t) => (stdout += t.endsWith('\n') ? t : `${t}\n`), stderr: (t) => (stderr += t.endsWith('\n') ? t : `${t}\n`) });
  return { code, stdout, stderr };
}

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../bin/openseal.js');

/** Runs the built `openseal` binary (dist/ comes from `tsc -b`, which `npm test` runs first). */
export function runBin(args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
