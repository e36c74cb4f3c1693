import type { BinaryReader } from '../binary-reader.js';
import { FontMalformedError, FontUnsupportedError } from '../errors.js';
import type { PathCommand } from '../path-commands.js';
import { parseCffDict, type CffDict } from './cff-dict.js';
import { readCffIndex, type CffIndex } from './cff-index.js';
import { runType2Charstring } from './type2-charstring.js';

/** Glyph outlines of a CFF ('OTTO') face. */
export interface CffOutlines {
  readonly glyphCount: number;
  path(gid: number): PathCommand[];
}

// Top/Font/Private DICT operators (Adobe TN 5176 Table 9, 10, 23).
const CHARSTRINGS = 17, PRIVATE = 18, SUBRS = 19, CHARSTRING_TYPE = 1206, ROS = 1230, FD_ARRAY = 1236, FD_SELECT = 1237;

interface PrivateInfo { localSubrs: CffIndex | undefined }

/** Parses the 'CFF ' table (version 1, name-keyed or CID-keyed) far enough to draw glyphs. */
export function parseCffOutlines(r: BinaryReader): CffOutlines {
  const major = r.seek(0).u8();
  if (major !== 1) throw new FontUnsupportedError(`CFF major version ${major}`);
  r.u8();
  const hdrSize = r.u8();
  const names = readCffIndex(r, hdrSize);
  const topDicts = readCffIndex(r, names.end);
  const strings = readCffIndex(r, topDicts.end);
  const globalSubrs = readCffIndex(r, strings.end);
  if (topDicts.count < 1) throw new FontMalformedError('CFF has no Top DICT');
  const top = dictAt(r, topDicts, 0);
  if ((top.get(CHARSTRING_TYPE)?.[0] ?? 2) !== 2) throw new FontUnsupportedError('CFF Type 1 charstrings');
  const csOffset = top.get(CHARSTRINGS)?.[0];
  if (csOffset === undefined) throw new FontMalformedError('CFF Top DICT without CharStrings');
  const charStrings = readCffIndex(r, csOffset);

  let privateFor: (gid: number) => PrivateInfo;
  if (top.has(ROS)) {
    const fdArrayOffset = top.get(FD_ARRAY)?.[0];
    const fdSelectOffset = top.get(FD_SELECT)?.[0];
    if (fdArrayOffset === undefined || fdSelectOffset === undefined) throw new FontMalformedError('CID-keyed CFF without FDArray/FDSelect');
    const fdArray = readCffIndex(r, fdArrayOffset);
    const privates: PrivateInfo[] = [];
    for (let i = 0; i < fdArray.count; i++) privates.push(readPrivate(r, dictAt(r, fdArray, i)));
    const select = readFdSelect(r, fdSelectOffset, charStrings.count);
    privateFor = (gid) => {
      const p = privates[select(gid)];
      if (!p) throw new FontMalformedError('FDSelect names a missing Font DICT', { gid });
      return p;
    };
  } else {
    const p = readPrivate(r, top);
    privateFor = () => p;
  }

  return {
    glyphCount: charStrings.count,
    path(gid) {
      if (gid < 0 || gid >= charStrings.count) return [];
      const [s, e] = charStrings.range(gid);
      return runType2Charstring({ bytes: r.bytes, globalSubrs, localSubrs: privateFor(gid).localSubrs }, s, e);
    },
  };
}

function dictAt(r: BinaryReader, index: CffIndex, i: number): CffDict {
  const [s, e] = index.range(i);
  return parseCffDict(r.bytes, s, e);
}

function readPrivate(r: BinaryReader, dict: CffDict): PrivateInfo {
  const priv = dict.get(PRIVATE);
  if (!priv || priv.length < 2) return { localSubrs: undefined };
  const [size, offset] = priv as [number, number];
  if (offset < 0 || size < 0 || offset + size > r.length) throw new FontMalformedError('CFF Private DICT lies outside the table');
  const p = parseCffDict(r.bytes, r.start + offset, r.start + offset + size);
  const subrs = p.get(SUBRS)?.[0];
  // Subrs offset is relative to the start of the Private DICT (TN 5176 Table 23).
  return { localSubrs: subrs === undefined ? undefined : readCffIndex(r, offset + subrs) };
}

function readFdSelect(r: BinaryReader, offset: number, nGlyphs: number): (gid: number) => number {
  const format = r.seek(offset).u8();
  if (format === 0) {
    const fds = r.bytesAt(nGlyphs).slice();
    return (gid) => fds[gid] ?? 0;
  }
  if (format === 3) {
    const nRanges = r.u16();
    const firsts: number[] = [];
    const fds: number[] = [];
    for (let i = 0; i < nRanges; i++) {
      firsts.push(r.u16());
      fds.push(r.u8());
    }
    return (gid) => {
      let lo = 0, hi = nRanges - 1, found = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if ((firsts[mid] as number) <= gid) {
          found = fds[mid] as number;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found;
    };
  }
  throw new FontUnsupportedError(`CFF FDSelect format ${format}`);
}
