import { InvalidArgumentError } from '@openseal/kernel';
import { OfdDuplicateEntryError, OfdMissingPartError } from '../errors.js';
import { DOS_EPOCH, toDosDateTime } from '../zip/dos-time.js';
import type { ZipWriteEntry } from '../zip/write-zip.js';
import { writeZip } from '../zip/write-zip.js';
import { checkEntryName, foldKey } from './entry-name.js';
import type { OfdPackage } from './ofd-package.js';

export interface PackageChanges {
  /** Files to add or replace, by package path (a leading `/` is accepted). */
  readonly put?: ReadonlyMap<string, Uint8Array> | Readonly<Record<string, Uint8Array>>;
  /** Files to drop. */
  readonly remove?: readonly string[];
}

export interface UpdateOptions {
  /** Timestamp of the new or replaced entries (engines have no clock); default 1980-01-01T00:00:00Z. */
  readonly modifiedAt?: Date;
}

/**
 * Writes a new archive from `pkg` with `changes` applied. Every other entry — file or directory — is
 * copied with its compressed bytes, CRC and timestamp unchanged, in its original order; replaced
 * entries keep their position and new ones are appended. This is the step sealing needs: it adds
 * `Doc_0/Signs/…` and rewrites only `OFD.xml` / `Signatures.xml`, so earlier digests stay valid.
 */
export function updatePackage(pkg: OfdPackage, changes: PackageChanges, options: UpdateOptions = {}): Uint8Array {
  const { time: dosTime, date: dosDate } = toDosDateTime(options.modifiedAt ?? DOS_EPOCH);
  const put = normalisePuts(changes.put);
  const existingByKey = new Map(pkg.storedEntries.map((s) => [foldKey(s.path), s.path]));
  for (const [path] of put) {
    const clash = existingByKey.get(foldKey(path));
    if (clash !== undefined && clash !== path) throw new OfdDuplicateEntryError(path, clash);
  }
  const removed = new Set<string>();
  for (const raw of changes.remove ?? []) {
    const target = pkg.entry(raw);
    if (target === undefined) throw new OfdMissingPartError(raw);
    if (put.has(target.path)) throw new InvalidArgumentError(`${target.path} is both put and removed`);
    removed.add(target.path);
  }

  const out: ZipWriteEntry[] = [];
  const written = new Set<string>();
  for (const stored of pkg.storedEntries) {
    if (removed.has(stored.path)) continue;
    const replacement = put.get(stored.path);
    if (replacement !== undefined) {
      out.push({ name: stored.path, data: replacement, dosTime, dosDate });
    } else {
      const r = stored.record;
      out.push({
        name: stored.path,
        copy: { method: r.method, crc32: r.crc32, size: r.size, compressed: r.compressed, dosTime: r.dosTime, dosDate: r.dosDate },
      });
    }
    written.add(stored.path);
  }
  for (const [path, data] of put) {
    if (!written.has(path)) out.push({ name: path, data, dosTime, dosDate });
  }
  return writeZip(out);
}

function normalisePuts(put: PackageChanges['put']): Map<string, Uint8Array> {
  const result = new Map<string, Uint8Array>();
  const keys = new Map<string, string>();
  const items = put === undefined ? [] : put instanceof Map ? [...put.entries()] : Object.entries(put);
  for (const [raw, data] of items) {
    const name = checkEntryName(raw.startsWith('/') ? raw.slice(1) : raw);
    if (name.isDirectory) throw new InvalidArgumentError(`cannot put data into a directory entry: ${raw}`);
    const clash = keys.get(name.key);
    if (clash !== undefined) throw new OfdDuplicateEntryError(name.path, clash);
    keys.set(name.key, name.path);
    result.set(name.path, data);
  }
  return result;
}
