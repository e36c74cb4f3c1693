import { Path2D } from '@napi-rs/canvas';
import type { Font } from '@openseal/fonts';
import { pathToSvg } from '@openseal/fonts';

/** Glyph outlines as Skia paths in font units (y up), built once per font and glyph. */
export class GlyphPathCache {
  readonly #paths = new WeakMap<Font, Map<number, Path2D | null>>();

  get(font: Font, gid: number): Path2D | undefined {
    let perFont = this.#paths.get(font);
    if (perFont === undefined) {
      perFont = new Map();
      this.#paths.set(font, perFont);
    }
    let path = perFont.get(gid);
    if (path === undefined) {
      const d = pathToSvg(font.glyphPath(gid), { flipY: false, precision: 1 });
      path = d === '' ? null : new Path2D(d);
      perFont.set(gid, path);
    }
    return path ?? undefined;
  }
}
