import { existsSync, readFileSync } from 'node:fs';
import { parseFontFile, resolveFontSubstitute, substitutesForCategory, type Font, type TypefaceCategory } from '@openseal/fonts';
import type { OfficialFonts } from '@openseal/layout';
import { CliUsageError } from '../errors.js';

const cache = new Map<string, Font>();

function load(file: string, faceIndex: number): Font {
  const key = `${file}#${faceIndex}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = parseFontFile(new Uint8Array(readFileSync(file)), { faceIndex });
    cache.set(key, f);
  }
  return f;
}

/** The first installed candidate for a category; TrueType only when the face will be embedded as a subset. */
function face(category: TypefaceCategory, trueTypeOnly: boolean): Font {
  const c = substitutesForCategory(category).find((x) => existsSync(x.file) && (!trueTypeOnly || x.outlineFormat === 'truetype'));
  if (c === undefined) throw new CliUsageError(`no installed font for ${category}: install fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei fonts-noto-cjk`);
  return load(c.file, c.faceIndex);
}

/** GB/T 9704 faces from the free Debian CJK fonts (see @openseal/fonts resolveFontSubstitute). */
export function officialFonts(): OfficialFonts {
  const xbs = face('xiaobiaosong', true);
  return {
    song: face('song', true),
    fangsong: face('fangsong', true),
    kai: face('kai', true),
    hei: face('hei', true),
    xiaobiaosong: xbs,
    // 小标宋 is a heavy Song; the free TrueType Song face is light, so it is drawn with an outline.
    ...(resolveFontSubstitute('方正小标宋简体')?.candidates[0]?.outlineFormat === 'truetype' ? {} : { xiaobiaosongEmbolden: 0.03 }),
  };
}

/** The face seal pictures are drawn with: a bold Song (宋体) — outlines only, so CFF faces are fine. */
export function sealFont(): Font {
  return face('xiaobiaosong', false);
}
