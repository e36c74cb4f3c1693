// Test-only: runs the independent BouncyCastle SES verifier of ../shared/verifiers on an OFD file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const RUN = resolve(repoRoot, '../shared/verifiers/run.sh');

export interface SesVerifyResult {
  readonly overall: string;
  readonly signatures: ReadonlyArray<Record<string, unknown> & { valid: boolean; problems: string[]; badRefs: string[] }>;
}

/** Whether java and the verifier are available on this machine. */
export function sesVerifierAvailable(): boolean {
  return spawnSync('java', ['-version']).status === 0;
}

export function sesVerify(ofd: Uint8Array): SesVerifyResult {
  const dir = mkdtempSync(join(tmpdir(), 'openseal-sesverify-'));
  try {
    const file = join(dir, 'doc.ofd');
    writeFileSync(file, ofd);
    const r = spawnSync(RUN, ['ofd', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`SesVerify failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as SesVerifyResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
