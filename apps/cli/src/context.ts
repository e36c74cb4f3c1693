import { randomBytes } from 'node:crypto';
import type { Clock, RandomSource } from '@openseal/kernel';

/** What every command receives: where to print, and the process's real clock and randomness. */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  clock: Clock;
  random: RandomSource;
  /** A command whose output is a verdict sets a non-zero code here (e.g. 1 for "invalid"). */
  exit: { code: number };
}

/** The wall clock. Lives in the app layer: engines take a Clock instead. */
export const systemClock: Clock = { now: () => new Date() };

/** The operating system's CSPRNG. */
export const systemRandom: RandomSource = { bytes: (n) => new Uint8Array(randomBytes(n)) };

export function processContext(): CliContext {
  return {
    stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    clock: systemClock,
    random: systemRandom,
    exit: { code: 0 },
  };
}
