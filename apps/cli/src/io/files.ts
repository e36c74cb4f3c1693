import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CliFileError } from '../errors.js';

/** Files larger than this are refused before reading (keys, certificates, tokens are small). */
const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export function readInput(path: string): Uint8Array {
  try {
    const data = readFileSync(path);
    if (data.length > MAX_INPUT_BYTES) throw new Error('file too large');
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } catch (e) {
    throw new CliFileError(path, 'read', { cause: e });
  }
}

/** Writes atomically enough for CLI use; `secret` files get mode 0600. */
export function writeOutput(path: string, data: Uint8Array | string, options: { secret?: boolean } = {}): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data, { mode: options.secret ? 0o600 : 0o644 });
  } catch (e) {
    throw new CliFileError(path, 'write', { cause: e });
  }
}
