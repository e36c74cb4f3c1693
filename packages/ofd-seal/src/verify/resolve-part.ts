import { OpenSealError } from '@openseal/kernel';
import { resolveLoc, type OfdPackage } from '@openseal/ofd';

/**
 * ST_Loc → package path as GB/T 33190 says (absolute, or relative to `baseDir`); when that names no entry
 * but the same location read from the package root does, the latter (producers write both forms).
 * Undefined for a location that escapes the package.
 */
export function resolvePart(pkg: OfdPackage, loc: string, baseDir: string): string | undefined {
  let path: string;
  try {
    path = resolveLoc(loc, baseDir);
  } catch (e) {
    if (e instanceof OpenSealError) return undefined;
    throw e;
  }
  if (pkg.has(path) || loc.trim().startsWith('/')) return pkg.entry(path)?.path ?? path;
  try {
    const fromRoot = resolveLoc(loc, '');
    return pkg.entry(fromRoot)?.path ?? path;
  } catch (e) {
    if (e instanceof OpenSealError) return path;
    throw e;
  }
}
