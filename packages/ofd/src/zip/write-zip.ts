import { deflateSync } from 'fflate';
import { OfdUnsupportedError } from '../errors.js';
import { crc32 } from './crc32.js';

/** A fresh entry: compressed here (deflate level 6, or stored when that is not smaller). */
export interface ZipFreshEntry {
  readonly name: string;
  readonly data: Uint8Array;
  readonly dosTime: number;
  readonly dosDate: number;
}

/** An entry copied from another archive without recompression: its compressed bytes stay identical. */
export interface ZipCopiedEntry {
  readonly name: string;
  readonly copy: {
    readonly method: 0 | 8;
    readonly crc32: number;
    readonly size: number;
    readonly compressed: Uint8Array;
    readonly dosTime: number;
    readonly dosDate: number;
  };
}

export type ZipWriteEntry = ZipFreshEntry | ZipCopiedEntry;

const encoder = new TextEncoder();

/**
 * Writes a plain ZIP (APPNOTE 6.3): local header + data per entry, central directory, end record;
 * no data descriptors, no extra fields, no ZIP64. Output depends only on the input.
 */
export function writeZip(entries: readonly ZipWriteEntry[]): Uint8Array {
  if (entries.length > 0xfffe) throw new OfdUnsupportedError('more than 65,534 entries (ZIP64)');
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const item = prepare(entry);
    const name = encoder.encode(entry.name);
    // APPNOTE 4.4.4 bit 11: the name is UTF-8; set only when it is not plain ASCII.
    const flags = /^[\x20-\x7e]*$/.test(entry.name) ? 0 : 0x0800;
    const versionNeeded = item.method === 8 ? 20 : 10;
    if (offset > 0xffffffff - 1 || item.compressed.length > 0xfffffffe || item.size > 0xfffffffe) {
      throw new OfdUnsupportedError('archive larger than 4 GiB (ZIP64)');
    }
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, versionNeeded, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, item.method, true);
    lv.setUint16(10, item.dosTime, true);
    lv.setUint16(12, item.dosDate, true);
    lv.setUint32(14, item.crc32, true);
    lv.setUint32(18, item.compressed.length, true);
    lv.setUint32(22, item.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);

    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, versionNeeded, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, item.method, true);
    cv.setUint16(12, item.dosTime, true);
    cv.setUint16(14, item.dosDate, true);
    cv.setUint32(16, item.crc32, true);
    cv.setUint32(20, item.compressed.length, true);
    cv.setUint32(24, item.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, entry.name.endsWith('/') ? 0x10 : 0, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);

    parts.push(local, item.compressed);
    central.push(cd);
    offset += local.length + item.compressed.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  if (offset + cdSize > 0xffffffff) throw new OfdUnsupportedError('archive larger than 4 GiB (ZIP64)');
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);

  const out = new Uint8Array(offset + cdSize + end.length);
  let p = 0;
  for (const part of [...parts, ...central, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

interface Prepared {
  method: 0 | 8;
  crc32: number;
  size: number;
  compressed: Uint8Array;
  dosTime: number;
  dosDate: number;
}

function prepare(entry: ZipWriteEntry): Prepared {
  if ('copy' in entry) return { ...entry.copy };
  const { data } = entry;
  const deflated = data.length === 0 ? data : deflateSync(data, { level: 6 });
  const useDeflate = deflated.length < data.length;
  return {
    method: useDeflate ? 8 : 0,
    crc32: crc32(data),
    size: data.length,
    compressed: useDeflate ? deflated : data,
    dosTime: entry.dosTime,
    dosDate: entry.dosDate,
  };
}
