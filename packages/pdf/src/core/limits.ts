import { PdfLimitExceededError } from '../errors.js';

/** Parser limits; hostile input fails with PDF_LIMIT_EXCEEDED instead of exhausting memory or time. */
export interface PdfLimits {
  /** Nesting of arrays and dictionaries (and of page-tree levels). */
  readonly maxDepth: number;
  /** Bytes in one decoded string. */
  readonly maxStringLength: number;
  /** Items in one array, or entries in one dictionary. */
  readonly maxCollectionLength: number;
  /** Bytes produced when decoding one stream through its filters. */
  readonly maxDecodedStreamSize: number;
  /** Total work units (bytes scanned by the lexer or searched, plus bytes decoded) for one document. */
  readonly maxWork: number;
  /** Cross-reference sections followed through /Prev and /XRefStm. */
  readonly maxXrefSections: number;
  /** Largest object number accepted (Acrobat's own limit is 8,388,607). */
  readonly maxObjectNumber: number;
  /** Objects declared in one object stream (/N). */
  readonly maxObjectStreamObjects: number;
  /** Pages visited when walking the page tree. */
  readonly maxPages: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxDepth: 256,
  maxStringLength: 64 * 1024 * 1024,
  maxCollectionLength: 4_000_000,
  maxDecodedStreamSize: 256 * 1024 * 1024,
  maxWork: 8 * 1024 * 1024 * 1024,
  maxXrefSections: 10_000,
  maxObjectNumber: 8_388_607,
  maxObjectStreamObjects: 1_000_000,
  maxPages: 1_000_000,
};

export function resolveLimits(partial?: Partial<PdfLimits>): PdfLimits {
  return { ...DEFAULT_PDF_LIMITS, ...partial };
}

/** Counts the work done on one document, so no input can keep the parser busy for ever. */
export class WorkBudget {
  #spent = 0;
  constructor(readonly max: number) {}
  spend(units: number): void {
    this.#spent += units;
    if (this.#spent > this.max) throw new PdfLimitExceededError('maxWork', this.max);
  }
  get spent(): number {
    return this.#spent;
  }
}
