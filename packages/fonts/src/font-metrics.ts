import type { HeadTable } from './tables/head.js';
import type { HheaTable } from './tables/hhea.js';
import type { Os2Table } from './tables/os2.js';
import type { PostTable } from './tables/post.js';

export interface BBox {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** OS/2 fsType embedding licence (OpenType OS/2 "fsType"). */
export interface FontEmbedding {
  readonly permission: 'installable' | 'restricted' | 'preview-print' | 'editable';
  readonly noSubsetting: boolean;
  readonly bitmapOnly: boolean;
  readonly fsType: number;
}

/** Face-wide metrics in font units (y up); `descent` is negative below the baseline. */
export interface FontMetrics {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly bbox: BBox;
  readonly italicAngle: number;
  readonly isFixedPitch: boolean;
  readonly weightClass: number;
  readonly widthClass: number;
  readonly isBold: boolean;
  readonly isItalic: boolean;
  readonly avgCharWidth: number | undefined;
  readonly underlinePosition: number;
  readonly underlineThickness: number;
  readonly embedding: FontEmbedding;
}

export function embeddingFromFsType(fsType: number): FontEmbedding {
  const permission = fsType & 0x0008 ? 'editable' : fsType & 0x0004 ? 'preview-print' : fsType & 0x0002 ? 'restricted' : 'installable';
  return { permission, noSubsetting: (fsType & 0x0100) !== 0, bitmapOnly: (fsType & 0x0200) !== 0, fsType };
}

export interface MetricSources {
  readonly head: HeadTable;
  readonly hhea: HheaTable;
  readonly os2: Os2Table | undefined;
  readonly post: PostTable | undefined;
  /** yMax of a glyph's box, used when OS/2 has no cap/x height. */
  readonly glyphTop: (ch: string) => number | undefined;
}

export function computeMetrics({ head, hhea, os2, post, glyphTop }: MetricSources): FontMetrics {
  // OS/2 fsSelection bit 7 USE_TYPO_METRICS says the typo values are the ones to lay out with.
  const useTypo = os2 !== undefined && (os2.fsSelection & 0x80) !== 0;
  let ascent = useTypo ? os2.sTypoAscender : hhea.ascender;
  let descent = useTypo ? os2.sTypoDescender : hhea.descender;
  if (ascent === 0 && descent === 0 && os2) {
    ascent = os2.usWinAscent;
    descent = -os2.usWinDescent;
  }
  if (ascent === 0 && descent === 0) {
    ascent = head.yMax;
    descent = head.yMin;
  }
  const capHeight = (os2?.sCapHeight || glyphTop('H')) ?? Math.round(ascent * 0.7);
  const xHeight = (os2?.sxHeight || glyphTop('x')) ?? Math.round(ascent * 0.5);
  const fsSelection = os2?.fsSelection ?? 0;
  return {
    unitsPerEm: head.unitsPerEm,
    ascent,
    descent,
    lineGap: useTypo ? os2.sTypoLineGap : hhea.lineGap,
    capHeight,
    xHeight,
    bbox: { xMin: head.xMin, yMin: head.yMin, xMax: head.xMax, yMax: head.yMax },
    italicAngle: post?.italicAngle ?? 0,
    isFixedPitch: post?.isFixedPitch ?? false,
    weightClass: os2?.usWeightClass ?? ((head.macStyle & 1) ? 700 : 400),
    widthClass: os2?.usWidthClass ?? 5,
    isBold: os2 ? (fsSelection & 0x20) !== 0 || os2.usWeightClass >= 600 : (head.macStyle & 1) !== 0,
    isItalic: os2 ? (fsSelection & 0x01) !== 0 : (head.macStyle & 2) !== 0,
    avgCharWidth: os2?.xAvgCharWidth,
    underlinePosition: post?.underlinePosition ?? -Math.round(head.unitsPerEm / 10),
    underlineThickness: post?.underlineThickness ?? Math.round(head.unitsPerEm / 20),
    embedding: embeddingFromFsType(os2?.fsType ?? 0),
  };
}
