import { BinaryReader } from './binary-reader.js';
import { FontFaceNotFoundError, FontMalformedError, FontUnsupportedError } from './errors.js';

/** One entry of the sfnt table directory (OpenType spec, "Table Directory"). */
export interface TableRecord {
  readonly tag: string;
  readonly checksum: number;
  readonly offset: number;
  readonly length: number;
}

export type OutlineFormat = 'truetype' | 'cff';

export interface SfntDirectory {
  readonly offset: number;
  readonly outlineFormat: OutlineFormat;
  readonly tables: ReadonlyMap<string, TableRecord>;
}

const MAX_TABLES = 256;
const MAX_FACES = 1024;

/** Offsets of each face's table directory: one for .ttf/.otf, n for a 'ttcf' collection. */
export function readFaceOffsets(bytes: Uint8Array): number[] {
  const r = new BinaryReader(bytes, 0, bytes.length, 'font header');
  const tag = r.tag();
  if (tag === 'wOFF' || tag === 'wOF2') throw new FontUnsupportedError('WOFF container', { tag });
  if (tag !== 'ttcf') return [0];
  r.u32(); // version 1.0 or 2.0; the DSIG fields of 2.0 follow the offsets and are not needed
  const n = r.u32();
  if (n === 0 || n > MAX_FACES) throw new FontMalformedError('implausible number of faces in collection', { n });
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(r.u32());
  return out;
}

export function readSfntDirectory(bytes: Uint8Array, faceIndex = 0): SfntDirectory {
  const offsets = readFaceOffsets(bytes);
  const offset = offsets[faceIndex];
  if (offset === undefined || !Number.isInteger(faceIndex)) throw new FontFaceNotFoundError(faceIndex, offsets.length);
  const r = new BinaryReader(bytes, 0, bytes.length, 'table directory').seek(offset);
  const version = r.u32();
  let outlineFormat: OutlineFormat;
  if (version === 0x00010000 || version === 0x74727565 /* 'true' */) outlineFormat = 'truetype';
  else if (version === 0x4f54544f /* 'OTTO' */) outlineFormat = 'cff';
  else throw new FontUnsupportedError('sfnt version', { version: version.toString(16) });
  const numTables = r.u16();
  if (numTables > MAX_TABLES) throw new FontMalformedError('implausible number of tables', { numTables });
  r.skip(6);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const rec = { tag: r.tag(), checksum: r.u32(), offset: r.u32(), length: r.u32() };
    if (rec.offset + rec.length > bytes.length) throw new FontMalformedError(`table ${rec.tag} lies outside the file`, { ...rec });
    tables.set(rec.tag, rec);
  }
  return { offset, outlineFormat, tables };
}
