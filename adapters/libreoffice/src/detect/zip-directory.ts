/**
 * Reads a ZIP file's central directory (APPNOTE.TXT §4.3.16, §4.3.12) and single small entries, enough
 * to recognise OOXML, ODF and OFD packages. Entry contents are inflated only on request and only up to
 * a size limit, so a zip bomb cannot blow up detection.
 */
import { inflateSync } from 'fflate';

export class ZipFormatError extends Error {}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 22 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function listZipEntries(bytes: Uint8Array, maxEntries = 100_000): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory record');
  const count = view.getUint16(eocd + 10, true);
  let off = view.getUint32(eocd + 16, true);
  if (count === 0xffff || off === 0xffffffff) throw new ZipFormatError('ZIP64 archives are not supported for detection');
  if (count > maxEntries) throw new ZipFormatError('too many entries');
  const out: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (off + 46 > bytes.length || view.getUint32(off, true) !== CEN) throw new ZipFormatError('central directory is damaged');
    const nameLen = view.getUint16(off + 28, true);
    const extraLen = view.getUint16(off + 30, true);
    const commentLen = view.getUint16(off + 32, true);
    if (off + 46 + nameLen > bytes.length) throw new ZipFormatError('central directory is damaged');
    out.push({
      name: decoder.decode(bytes.subarray(off + 46, off + 46 + nameLen)),
      method: view.getUint16(off + 10, true),
      compressedSize: view.getUint32(off + 20, true),
      size: view.getUint32(off + 24, true),
      localOffset: view.getUint32(off + 42, true),
    });
    off += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The uncompressed bytes of one entry (stored or deflated), refusing entries above `maxSize`. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxSize = 4 * 1024 * 1024): Uint8Array {
  if (entry.size > maxSize) throw new ZipFormatError(`${entry.name} is larger than ${maxSize} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOC) throw new ZipFormatError(`local header of ${entry.name} is damaged`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`${entry.name} runs past the end of the file`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
  try {
    const out = inflateSync(data, { out: new Uint8Array(entry.size) });
    if (out.length !== entry.size) throw new ZipFormatError(`${entry.name} inflates to the wrong size`);
    return out;
  } catch (e) {
    if (e instanceof ZipFormatError) throw e;
    throw new ZipFormatError(`${entry.name} cannot be inflated`, { cause: e });
  }
}
