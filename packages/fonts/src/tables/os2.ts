import type { BinaryReader } from '../binary-reader.js';

/** OpenType 'OS/2' table (fields this engine uses); sxHeight/sCapHeight exist from version 2. */
export interface Os2Table {
  readonly version: number;
  readonly xAvgCharWidth: number;
  readonly usWeightClass: number;
  readonly usWidthClass: number;
  readonly fsType: number;
  readonly sFamilyClass: number;
  readonly fsSelection: number;
  readonly sTypoAscender: number;
  readonly sTypoDescender: number;
  readonly sTypoLineGap: number;
  readonly usWinAscent: number;
  readonly usWinDescent: number;
  readonly ulCodePageRange1: number;
  readonly sxHeight: number | undefined;
  readonly sCapHeight: number | undefined;
}

export function parseOs2(r: BinaryReader): Os2Table {
  const version = r.u16();
  const xAvgCharWidth = r.i16();
  const usWeightClass = r.u16();
  const usWidthClass = r.u16();
  const fsType = r.u16();
  r.seek(30);
  const sFamilyClass = r.i16();
  r.seek(62);
  const fsSelection = r.u16();
  r.seek(68);
  const sTypoAscender = r.i16();
  const sTypoDescender = r.i16();
  const sTypoLineGap = r.i16();
  const usWinAscent = r.u16();
  const usWinDescent = r.u16();
  const ulCodePageRange1 = version >= 1 && r.length >= 86 ? r.u32() : 0;
  let sxHeight: number | undefined;
  let sCapHeight: number | undefined;
  if (version >= 2 && r.length >= 90) {
    r.seek(86);
    sxHeight = r.i16();
    sCapHeight = r.i16();
  }
  return {
    version, xAvgCharWidth, usWeightClass, usWidthClass, fsType, sFamilyClass, fsSelection,
    sTypoAscender, sTypoDescender, sTypoLineGap, usWinAscent, usWinDescent, ulCodePageRange1, sxHeight, sCapHeight,
  };
}
