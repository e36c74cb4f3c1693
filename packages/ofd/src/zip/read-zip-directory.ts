import { OfdLimitExceededError, OfdMalformedError, OfdUnsupportedError } from '../errors.js';
import type { ZipEntryRecord } from './zip-entry-record.js';

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

export interface ZipDirectoryLimits {
  readonly maxEntries: number;
}

/**
 * Reads and cross-checks the central directory (APPNOTE 4.3.16 end record, 4.3.12 central headers,
 * 4.3.7 local headers). Every offset is bounds-checked; entries whose data overlap are refused, which
 * also defeats overlapping-file zip bombs. Nothing is inflated here.
 */
export function readZipDirectory(zip: Uint8Array, limits: ZipDirectoryLimits): ZipEntryRecord[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEndOfCentralDirectory(zip, view);
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const countOnDisk = view.getUint16(eocd + 8, true);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new OfdUnsupportedError('ZIP64 archive');
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_ZIP64_LOCATOR) throw new OfdUnsupportedError('ZIP64 archive');
  if (disk !== 0 || cdDisk !== 0 || countOnDisk !== count) throw new OfdUnsupportedError('multi-disk ZIP archive');
  if (count > limits.maxEntries) throw new OfdLimitExceededError('ZIP entry count', limits.maxEntries, count);
  if (cdOffset + cdSize > eocd) throw new OfdMalformedError('central directory lies outside the archive', { cdOffset, cdSize });

  const records: ZipEntryRecord[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_SIZE > cdOffset + cdSize || view.getUint32(p, true) !== SIG_CENTRAL) {
      throw new OfdMalformedError('bad central directory header', { index: i, offset: p });
    }
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const next = p + CENTRAL_SIZE + nameLen + extraLen + commentLen;
    if (next > cdOffset + cdSize) throw new OfdMalformedError('central directory header overruns the directory', { index: i });
    const rawName = zip.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLen);
    records.push(readEntry(zip, view, p, rawName, cdOffset));
    p = next;
  }
  if (p !== cdOffset + cdSize) throw new OfdMalformedError('central directory size does not match its entries', { cdSize });
  checkNoOverlap(zip, records);
  return records;
}

function findEndOfCentralDirectory(zip: Uint8Array, view: DataView): number {
  if (zip.length < EOCD_SIZE) throw new OfdMalformedError('not a ZIP archive (too short)', { length: zip.length });
  const stop = Math.max(0, zip.length - EOCD_SIZE - 0xffff);
  for (let i = zip.length - EOCD_SIZE; i >= stop; i--) {
    if (view.getUint32(i, true) === SIG_EOCD && i + EOCD_SIZE + view.getUint16(i + 20, true) <= zip.length) return i;
  }
  throw new OfdMalformedError('not a ZIP archive (no end of central directory record)');
}

function readEntry(zip: Uint8Array, view: DataView, p: number, rawName: Uint8Array, cdOffset: number): ZipEntryRecord {
  const flags = view.getUint16(p + 8, true);
  const method = view.getUint16(p + 10, true);
  const name = decodeName(rawName, flags);
  // APPNOTE 4.4.4: bit 0 = encrypted, bit 6 = strong encryption; method 99 = WinZip AES.
  if (flags & 0x0001 || flags & 0x0040 || method === 99) throw new OfdUnsupportedError('encrypted ZIP entry', name);
  if (method !== 0 && method !== 8) throw new OfdUnsupportedError(`ZIP compression method ${method}`, name);
  const compressedSize = view.getUint32(p + 20, true);
  const size = view.getUint32(p + 24, true);
  const localHeaderOffset = view.getUint32(p + 42, true);
  if (method === 0 && compressedSize !== size) throw new OfdMalformedError('stored entry with different sizes', { entry: name });

  const lp = localHeaderOffset;
  if (lp + LOCAL_SIZE > cdOffset || view.getUint32(lp, true) !== SIG_LOCAL) {
    throw new OfdMalformedError('bad local file header', { entry: name, offset: lp });
  }
  const localFlags = view.getUint16(lp + 6, true);
  if (localFlags & 0x0001) throw new OfdUnsupportedError('encrypted ZIP entry', name);
  if (view.getUint16(lp + 8, true) !== method) throw new OfdMalformedError('local and central headers disagree on the method', { entry: name });
  const localNameLen = view.getUint16(lp + 26, true);
  const localExtraLen = view.getUint16(lp + 28, true);
  const dataStart = lp + LOCAL_SIZE + localNameLen + localExtraLen;
  const localName = zip.subarray(lp + LOCAL_SIZE, lp + LOCAL_SIZE + localNameLen);
  if (!sameBytes(localName, rawName)) throw new OfdMalformedError('local and central headers disagree on the name', { entry: name });
  if (dataStart + compressedSize > cdOffset) throw new OfdMalformedError('entry data overrun the central directory', { entry: name });

  return {
    name,
    rawName,
    flags,
    method,
    crc32: view.getUint32(p + 16, true),
    compressedSize,
    size,
    dosTime: view.getUint16(p + 12, true),
    dosDate: view.getUint16(p + 14, true),
    localHeaderOffset,
    compressed: zip.subarray(dataStart, dataStart + compressedSize),
  };
}

/** Names are UTF-8 when flag bit 11 is set (APPNOTE appendix D); Chinese tools otherwise often write GB18030. */
function decodeName(raw: Uint8Array, flags: number): string {
  try {
    return utf8Strict.decode(raw);
  } catch (utf8Error) {
    if (flags & 0x0800) throw new OfdMalformedError('entry name is not valid UTF-8', {}, { cause: utf8Error });
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(raw);
    } catch (gbError) {
      throw new OfdMalformedError('entry name is neither UTF-8 nor GB18030', {}, { cause: gbError });
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function checkNoOverlap(zip: Uint8Array, records: readonly ZipEntryRecord[]): void {
  const spans = records
    .map((r) => ({ name: r.name, start: r.localHeaderOffset, end: r.compressed.byteOffset - zip.byteOffset + r.compressed.length }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1]!;
    const cur = spans[i]!;
    if (cur.start < prev.end) throw new OfdMalformedError('ZIP entries overlap', { entry: cur.name, overlaps: prev.name });
  }
}
