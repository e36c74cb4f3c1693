/** Protections applied while opening a package; every one is checked before the work it bounds. */
export interface OfdPackageLimits {
  /** Size of the .ofd file itself. */
  readonly maxPackageBytes: number;
  readonly maxEntries: number;
  /** Uncompressed size of one entry (declared and actual). */
  readonly maxEntryBytes: number;
  /** Uncompressed size of all entries together. */
  readonly maxTotalBytes: number;
  /** Uncompressed ÷ compressed size; applied to entries of at least `ratioCheckMinBytes`. */
  readonly maxCompressionRatio: number;
  readonly ratioCheckMinBytes: number;
}

/** Defaults: generous for real documents (a 1,000-page OFD is ~2,000 entries, tens of MB), tight for bombs. */
export const DEFAULT_PACKAGE_LIMITS: OfdPackageLimits = {
  maxPackageBytes: 1024 * 1024 * 1024,
  maxEntries: 20_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1024 * 1024,
};

export function packageLimits(overrides: Partial<OfdPackageLimits> = {}): OfdPackageLimits {
  return { ...DEFAULT_PACKAGE_LIMITS, ...overrides };
}
