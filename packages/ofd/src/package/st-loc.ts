import { OfdUnsafePathError } from '../errors.js';

/**
 * Resolves an ST_Loc (GB/T 33190 Definitions.xsd): a leading `/` starts at the package
 * root, anything else is relative to `baseDir` (the directory of the XML part holding the reference,
 * or a Res file's BaseLoc directory). `.` and `..` are honoured; climbing above the root is refused.
 * Returns a package path without a leading `/`.
 */
export function resolveLoc(loc: string, baseDir: string): string {
  const text = loc.trim();
  if (text.length === 0) throw new OfdUnsafePathError(loc, 'empty location');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(text)) throw new OfdUnsafePathError(loc, 'control character in location');
  const absolute = text.startsWith('/');
  const segments = absolute ? [] : splitPath(baseDir);
  for (const segment of text.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) throw new OfdUnsafePathError(loc, 'climbs above the package root');
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  if (segments.length === 0) throw new OfdUnsafePathError(loc, 'names no file');
  return segments.join('/');
}

/** The directory part of a package path ('' for the root): `Doc_0/Pages/Page_0/Content.xml` → `Doc_0/Pages/Page_0`. */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Resolves a directory location (a Res `BaseLoc`) the same way; `undefined` keeps `baseDir`. */
export function resolveDir(loc: string | undefined, baseDir: string): string {
  if (loc === undefined || loc.trim() === '' || loc.trim() === '.') return baseDir;
  if (loc.trim() === '/') return '';
  return resolveLoc(loc, baseDir);
}

function splitPath(dir: string): string[] {
  return dir.split('/').filter((s) => s !== '' && s !== '.');
}
