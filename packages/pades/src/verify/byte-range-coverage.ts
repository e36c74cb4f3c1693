/**
 * ByteRange sanity (ISO 32000-2 §12.8.1, pades.md §2 and §8): exactly two ranges, the first from 0, the
 * gap exactly the /Contents hex string with its delimiters, the second ending at the end of a revision.
 * Anything else is reported as an anomaly; a valid signature has none.
 */
import type { PdfDocument, PdfSignatureInfo } from '@openseal/pdf';

export type CoverageAnomaly =
  /** Not four non-negative integers. */
  | 'BYTE_RANGE_MALFORMED'
  /** The first range does not start at byte 0. */
  | 'NOT_FROM_START'
  /** The gap between the ranges is not exactly the /Contents string (`<` … `>`). */
  | 'GAP_NOT_CONTENTS'
  /** The /Contents gap holds something other than hex digits. */
  | 'CONTENTS_NOT_HEX'
  /** A range leaves the file. */
  | 'OUTSIDE_FILE'
  /** The second range does not end where a revision ends (%%EOF + EOL). */
  | 'NOT_REVISION_END'
  /** The signature dictionary was written after the revision its ByteRange covers. */
  | 'SIGNATURE_OUTSIDE_RANGE'
  /** The signature dictionary is not stored as a plain object, so its /Contents cannot be located. */
  | 'CONTENTS_NOT_LOCATED';

/** pyHanko's coverage levels: the whole file, a whole earlier revision, or something unclear. */
export type CoverageLevel = 'ENTIRE_FILE' | 'ENTIRE_REVISION' | 'UNCLEAR';

export interface ByteRangeCoverage {
  readonly level: CoverageLevel;
  readonly byteRange: readonly number[];
  /** Revision (0-based) whose end the ByteRange reaches. */
  readonly signedRevision?: number;
  /** Bytes of the file after the covered range (later revisions or trailing data). */
  readonly uncoveredTail: number;
  readonly anomalies: readonly CoverageAnomaly[];
}

function isHexDigitOrSpace(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66) || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c;
}

export function byteRangeCoverage(doc: PdfDocument, sig: PdfSignatureInfo): ByteRangeCoverage {
  const br = sig.byteRange ?? [];
  const size = doc.bytes.length;
  const anomalies: CoverageAnomaly[] = [];
  const ok = br.length === 4 && br.every((n) => Number.isSafeInteger(n) && n >= 0);
  if (!ok) return { level: 'UNCLEAR', byteRange: br, uncoveredTail: size, anomalies: ['BYTE_RANGE_MALFORMED'] };
  const [a, b, c, d] = br as [number, number, number, number];
  if (a !== 0) anomalies.push('NOT_FROM_START');
  const end = c + d;
  if (a + b > size || end > size || c < a + b) anomalies.push('OUTSIDE_FILE');
  const span = sig.contentsSpan;
  if (!span) anomalies.push('CONTENTS_NOT_LOCATED');
  else if (span.start !== a + b || span.end !== c) anomalies.push('GAP_NOT_CONTENTS');
  else {
    const bytes = doc.bytes;
    let hex = bytes[span.start] === 0x3c && bytes[span.end - 1] === 0x3e;
    for (let i = span.start + 1; hex && i < span.end - 1; i++) hex = isHexDigitOrSpace(bytes[i] as number);
    if (!hex) anomalies.push('CONTENTS_NOT_HEX');
  }
  const signedRevision = doc.revisions.findIndex((r) => r.end === end);
  if (signedRevision < 0) anomalies.push('NOT_REVISION_END');
  else if (sig.revision > signedRevision) anomalies.push('SIGNATURE_OUTSIDE_RANGE');
  const uncoveredTail = Math.max(0, size - end);
  const level: CoverageLevel = anomalies.length > 0 ? 'UNCLEAR' : uncoveredTail === 0 ? 'ENTIRE_FILE' : 'ENTIRE_REVISION';
  return { level, byteRange: br, ...(signedRevision >= 0 ? { signedRevision } : {}), uncoveredTail, anomalies };
}
