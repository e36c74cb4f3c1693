// Test-only: where ../shared (samples, verifiers, acceptance scripts) sits beside this checkout.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = resolve(REPO_ROOT, '../shared');
export const sharedPath = (...parts: string[]): string => resolve(SHARED_DIR, ...parts);
