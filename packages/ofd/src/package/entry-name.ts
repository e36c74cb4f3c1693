import { OfdUnsafePathError } from '../errors.js';

export interface EntryName {
  /** The package path: `/`-separated, no leading `/`, no `.` or empty segments; directories keep a trailing `/`. */
  readonly path: string;
  readonly isDirectory: boolean;
  /** Case- and Unicode-form-folded key used to detect clashes (two names one file system would merge). */
  readonly key: string;
}

/**
 * Validates a ZIP entry name as a package path. Refused: NUL and other control characters, backslashes,
 * absolute paths, drive letters and `..` segments — anything that could escape an extraction folder.
 */
export function checkEntryName(raw: string): EntryName {
  if (raw.length === 0) throw new OfdUnsafePathError(raw, 'empty name');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) throw new OfdUnsafePathError(raw, 'control character in name');
  if (raw.includes('\\')) throw new OfdUnsafePathError(raw, 'backslash in name');
  if (raw.startsWith('/')) throw new OfdUnsafePathError(raw, 'absolute path');
  if (/^[A-Za-z]:/.test(raw)) throw new OfdUnsafePathError(raw, 'drive letter');
  const isDirectory = raw.endsWith('/');
  const segments: string[] = [];
  for (const segment of raw.split('/')) {
    if (segment === '..') throw new OfdUnsafePathError(raw, 'parent directory segment');
    if (segment === '' || segment === '.') continue;
    segments.push(segment);
  }
  if (segments.length === 0) throw new OfdUnsafePathError(raw, 'no file name');
  const path = segments.join('/') + (isDirectory ? '/' : '');
  return { path, isDirectory, key: foldKey(path) };
}

/** The clash key of a path: NFC then lower case. */
export function foldKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}
