import { readFileSync } from 'node:fs';
import { CliUsageError } from '../errors.js';

export interface PassphraseOptions {
  passphrase?: string;
  passphraseFile?: string;
  passphraseEnv?: string;
}

/**
 * A passphrase from, in order: --passphrase-file (first line), --passphrase-env VAR, --passphrase.
 * Prefer the file or environment forms: a passphrase on the command line is visible to other users.
 */
export function resolvePassphrase(o: PassphraseOptions): string | undefined {
  if (o.passphraseFile) {
    const text = readFileSync(o.passphraseFile, 'utf8');
    return text.split(/\r?\n/)[0] ?? '';
  }
  if (o.passphraseEnv) {
    const v = process.env[o.passphraseEnv];
    if (v === undefined) throw new CliUsageError(`environment variable ${o.passphraseEnv} is not set`);
    return v;
  }
  return o.passphrase;
}

/** Adds the three passphrase options to a command. */
export function passphraseOptions<T extends { option(flags: string, description: string): T }>(command: T): T {
  return command
    .option('--passphrase-file <file>', 'read the passphrase from the first line of a file')
    .option('--passphrase-env <var>', 'read the passphrase from an environment variable')
    .option('--passphrase <text>', 'the passphrase itself (visible to other users: prefer the two above)');
}
