import { BinaryReader } from './binary-reader.js';
import { parseCffOutlines, type CffOutlines } from './cff/cff-outlines.js';
import { FontMalformedError, FontUnsupportedError } from './errors.js';
import { Font } from './font.js';
import { computeMetrics } from './font-metrics.js';
import { fontNames, type FontNames } from './font-names.js';
import { readFaceOffsets, readSfntDirectory, type OutlineFormat, type SfntDirectory } from './sfnt-directory.js';
import { parseCmap } from './tables/cmap.js';
import { TrueTypeOutlines } from './tables/glyf.js';
import { parseHead } from './tables/head.js';
import { parseHhea } from './tables/hhea.js';
import { HmtxTable } from './tables/hmtx.js';
import { parseMaxpNumGlyphs } from './tables/maxp.js';
import { parseName } from './tables/name.js';
import { parseOs2 } from './tables/os2.js';
import { parsePost } from './tables/post.js';

export interface ParseFontOptions {
  /** Face of a .ttc collection (default 0). */
  readonly faceIndex?: number;
}

function reader(bytes: Uint8Array, dir: SfntDirectory, tag: string): BinaryReader | undefined {
  const rec = dir.tables.get(tag);
  return rec ? new BinaryReader(bytes, rec.offset, rec.offset + rec.length, `${tag} table`) : undefined;
}

function required(bytes: Uint8Array, dir: SfntDirectory, tag: string): BinaryReader {
  const r = reader(bytes, dir, tag);
  if (!r) throw new FontMalformedError(`required table '${tag}' is missing`);
  return r;
}

/** Parses one face of a TrueType/OpenType font or collection. The engine never reads files: pass the bytes. */
export function parseFontFile(bytes: Uint8Array, options: ParseFontOptions = {}): Font {
  const faceIndex = options.faceIndex ?? 0;
  const directory = readSfntDirectory(bytes, faceIndex);
  const head = parseHead(required(bytes, directory, 'head'));
  const hhea = parseHhea(required(bytes, directory, 'hhea'));
  const numGlyphs = parseMaxpNumGlyphs(required(bytes, directory, 'maxp'));
  const hmtx = HmtxTable.parse(required(bytes, directory, 'hmtx'), hhea.numberOfHMetrics, numGlyphs);
  const cmap = parseCmap(required(bytes, directory, 'cmap'), numGlyphs);
  const nameR = reader(bytes, directory, 'name');
  const names = fontNames(nameR ? parseName(nameR) : []);
  const os2R = reader(bytes, directory, 'OS/2');
  const postR = reader(bytes, directory, 'post');
  const os2 = os2R && os2R.length >= 78 ? parseOs2(os2R) : undefined;
  const post = postR && postR.length >= 16 ? parsePost(postR) : undefined;
  let trueType: TrueTypeOutlines | undefined;
  const glyfR = reader(bytes, directory, 'glyf');
  const locaR = reader(bytes, directory, 'loca');
  if (directory.outlineFormat === 'truetype') {
    if (!glyfR || !locaR) throw new FontMalformedError('TrueType face without glyf/loca tables');
    trueType = TrueTypeOutlines.parse(glyfR, locaR, numGlyphs, head.indexToLocFormat === 1);
  }
  let cff: CffOutlines | undefined;
  if (directory.outlineFormat === 'cff') {
    const cffR = reader(bytes, directory, 'CFF ');
    if (!cffR) throw new FontUnsupportedError('CFF2 or missing CFF table in an OTTO font', { hasCff2: directory.tables.has('CFF2') });
    cff = parseCffOutlines(cffR);
  }
  const glyphTop = (ch: string): number | undefined => {
    const gid = cmap.lookup(ch.codePointAt(0) as number);
    if (!gid) return undefined;
    if (trueType) return trueType.bbox(gid)?.yMax;
    const ys = (cff?.path(gid) ?? []).flatMap((c) => (c.type === 'Z' ? [] : [c.y]));
    return ys.length > 0 ? Math.max(...ys) : undefined;
  };
  const metrics = computeMetrics({ head, hhea, os2, post, glyphTop });
  return new Font({ bytes, faceIndex, directory, numGlyphs, names, metrics, cmap, hmtx, trueType, cff });
}

/** A face of a font file, as listed by listFaces. */
export interface FontFaceInfo extends Pick<FontNames, 'family' | 'subfamily' | 'fullName' | 'postScriptName' | 'localizedFamily' | 'localizedFullName'> {
  readonly faceIndex: number;
  readonly outlineFormat: OutlineFormat;
}

/** Names of every face in a .ttf/.otf (one) or .ttc (several) without parsing glyph data. */
export function listFaces(bytes: Uint8Array): FontFaceInfo[] {
  return readFaceOffsets(bytes).map((_, faceIndex) => {
    const dir = readSfntDirectory(bytes, faceIndex);
    const nameR = reader(bytes, dir, 'name');
    const n = fontNames(nameR ? parseName(nameR) : []);
    return {
      faceIndex,
      outlineFormat: dir.outlineFormat,
      family: n.family,
      subfamily: n.subfamily,
      fullName: n.fullName,
      postScriptName: n.postScriptName,
      localizedFamily: n.localizedFamily,
      localizedFullName: n.localizedFullName,
    };
  });
}
