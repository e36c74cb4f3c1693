// Test-only: runs Info-ZIP `unzip -t` (an independent ZIP reader) on bytes we wrote.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function unzipTest(zip: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'ofd-unzip-'));
  try {
    const file = join(dir, 'doc.ofd');
    writeFileSync(file, zip);
    return execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
