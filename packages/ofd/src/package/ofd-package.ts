import { OfdDuplicateEntryError, OfdLimitExceededError, OfdMissingPartError } from '../errors.js';
import { fromDosDateTime } from '../zip/dos-time.js';
import { inflateEntry } from '../zip/inflate-entry.js';
import { readZipDirectory } from '../zip/read-zip-directory.js';
import type { ZipEntryRecord } from '../zip/zip-entry-record.js';
import { checkEntryName, foldKey } from './entry-name.js';
import type { OfdEntry } from './ofd-entry.js';
import type { OfdPackageLimits } from './package-limits.js';
import { packageLimits } from './package-limits.js';

export interface OfdPackageReadOptions {
  readonly limits?: Partial<OfdPackageLimits>;
}

/** A stored entry as it sits in the archive, kept so an update can copy it without recompressing. */
export interface StoredEntry {
  readonly path: string;
  readonly isDirectory: boolean;
  readonly record: ZipEntryRecord;
}

/**
 * An OFD package (GB/T 33190-2016: a ZIP container whose entry point, §7.4, is `/OFD.xml`), opened
 * safely: entry count, sizes and compression ratio are limited, names are validated as package paths,
 * clashes (also by letter case) are refused, each entry is inflated with a hard stop and CRC-checked.
 * The package holds every file's exact bytes, in archive order.
 */
export class OfdPackage {
  readonly #files: Map<string, OfdEntry>;
  readonly #byKey: Map<string, string>;
  readonly #stored: readonly StoredEntry[];

  private constructor(files: Map<string, OfdEntry>, byKey: Map<string, string>, stored: readonly StoredEntry[]) {
    this.#files = files;
    this.#byKey = byKey;
    this.#stored = stored;
  }

  static read(zip: Uint8Array, options: OfdPackageReadOptions = {}): OfdPackage {
    const limits = packageLimits(options.limits);
    if (zip.length > limits.maxPackageBytes) throw new OfdLimitExceededError('package size', limits.maxPackageBytes, zip.length);
    const records = readZipDirectory(zip, { maxEntries: limits.maxEntries });
    const stored: StoredEntry[] = [];
    const byKey = new Map<string, string>();
    const dirKeys = new Set<string>();
    let total = 0;
    for (const record of records) {
      const name = checkEntryName(record.name);
      const clash = byKey.get(name.key);
      if (clash !== undefined) throw new OfdDuplicateEntryError(name.path, clash);
      byKey.set(name.key, name.path);
      if (name.isDirectory) dirKeys.add(name.key.slice(0, -1));
      checkSizes(record, name.path, limits);
      total += record.size;
      if (total > limits.maxTotalBytes) throw new OfdLimitExceededError('total uncompressed size', limits.maxTotalBytes, total);
      stored.push({ path: name.path, isDirectory: name.isDirectory, record });
    }
    checkFileDirectoryClashes(stored, byKey, dirKeys);
    // GB/T 33190 §7.4 主入口: the package entry point is /OFD.xml.
    if (!stored.some((s) => !s.isDirectory && foldKey(s.path) === 'ofd.xml')) throw new OfdMissingPartError('OFD.xml');

    const files = new Map<string, OfdEntry>();
    const fileKeys = new Map<string, string>();
    for (const s of stored) {
      if (s.isDirectory) continue;
      const { record } = s;
      const modifiedAt = fromDosDateTime({ time: record.dosTime, date: record.dosDate });
      files.set(s.path, {
        path: s.path,
        bytes: inflateEntry(record, s.path),
        method: record.method === 8 ? 'deflated' : 'stored',
        compressedSize: record.compressedSize,
        crc32: record.crc32,
        modifiedAt,
      });
      fileKeys.set(foldKey(s.path), s.path);
    }
    return new OfdPackage(files, fileKeys, stored);
  }

  /** Files (not directories) in archive order. */
  get entries(): readonly OfdEntry[] {
    return [...this.#files.values()];
  }

  get paths(): readonly string[] {
    return [...this.#files.keys()];
  }

  /** Directory entries present in the archive (they carry no data; kept on update). */
  get directories(): readonly string[] {
    return this.#stored.filter((s) => s.isDirectory).map((s) => s.path);
  }

  /** The archive entries as stored, for byte-preserving updates. */
  get storedEntries(): readonly StoredEntry[] {
    return this.#stored;
  }

  /**
   * Looks a file up by package path (a leading `/` is accepted). An exact match wins; otherwise a
   * match ignoring letter case (unambiguous, since clashing names were refused on read).
   */
  entry(path: string): OfdEntry | undefined {
    const clean = path.startsWith('/') ? path.slice(1) : path;
    const exact = this.#files.get(clean);
    if (exact !== undefined) return exact;
    const folded = this.#byKey.get(foldKey(clean));
    return folded === undefined ? undefined : this.#files.get(folded);
  }

  has(path: string): boolean {
    return this.entry(path) !== undefined;
  }

  /** The exact bytes of a file; throws OFD_MISSING_PART when absent. */
  bytes(path: string, referencedFrom?: string): Uint8Array {
    const found = this.entry(path);
    if (found === undefined) throw new OfdMissingPartError(path, referencedFrom);
    return found.bytes;
  }
}

function checkSizes(record: ZipEntryRecord, path: string, limits: OfdPackageLimits): void {
  if (record.size > limits.maxEntryBytes) throw new OfdLimitExceededError('entry uncompressed size', limits.maxEntryBytes, record.size, path);
  if (record.size >= limits.ratioCheckMinBytes) {
    const ratio = record.size / Math.max(1, record.compressedSize);
    if (ratio > limits.maxCompressionRatio) {
      throw new OfdLimitExceededError('compression ratio', limits.maxCompressionRatio, Math.round(ratio), path);
    }
  }
}

/** A file named like a directory that holds other entries (`a` and `a/b`) cannot be extracted: refuse it. */
function checkFileDirectoryClashes(stored: readonly StoredEntry[], byKey: Map<string, string>, dirKeys: Set<string>): void {
  const parents = new Set(dirKeys);
  for (const s of stored) {
    const key = foldKey(s.isDirectory ? s.path.slice(0, -1) : s.path);
    for (let i = key.indexOf('/'); i >= 0; i = key.indexOf('/', i + 1)) parents.add(key.slice(0, i));
  }
  for (const s of stored) {
    if (s.isDirectory) continue;
    const key = foldKey(s.path);
    if (parents.has(key)) throw new OfdDuplicateEntryError(s.path, byKey.get(`${key}/`) ?? `${s.path}/…`);
  }
}
