import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FontSubstituteCandidate } from '@openseal/fonts';
import type { SubstituteFontLoader } from '@openseal/ofd-render';

const FONT_DIRS = ['/usr/share/fonts/truetype', '/usr/share/fonts/opentype', '/usr/local/share/fonts'];

/**
 * Reads substitute fonts from this machine: the candidate's Debian path, else a file of the same name in
 * the usual font directories (one read per file, kept for the process's life).
 */
export function systemFontLoader(extraDirs: readonly string[] = []): SubstituteFontLoader {
  const cache = new Map<string, Uint8Array | null>();
  return (c: FontSubstituteCandidate) => {
    let bytes = cache.get(c.file);
    if (bytes === undefined) {
      const path = [c.file, ...[...extraDirs, ...FONT_DIRS].flatMap((d) => [join(d, basename(c.file)), join(d, c.debianPackage.replace(/^fonts-/, ''), basename(c.file))])].find((p) => existsSync(p));
      bytes = path === undefined ? null : new Uint8Array(readFileSync(path));
      cache.set(c.file, bytes);
    }
    return bytes ?? undefined;
  };
}
