import type { Font, FontSubstituteCandidate, TypefaceCategory } from '@openseal/fonts';
import { parseFontFile, resolveFontSubstitute, substitutesForCategory } from '@openseal/fonts';
import type { FontFace, Glyph } from '../display/display-list.js';
import type { WarningLog } from '../render-warning.js';
import { OpenSealError } from '@openseal/kernel';

/**
 * Supplies the bytes of a free substitute font (the app layer reads /usr/share/fonts or fetches them).
 * Undefined when that font is not available here.
 */
export type SubstituteFontLoader = (candidate: FontSubstituteCandidate) => Uint8Array | undefined;

export interface GlyphResolverOptions {
  readonly loadSubstitute?: SubstituteFontLoader;
  /** Accept CFF-based substitutes (they draw, but cannot be subset for PDF). Default false. */
  readonly allowCff?: boolean;
}

/** A glyph resolved to a font program and glyph id. */
export interface ResolvedGlyph {
  readonly font: Font;
  readonly gid: number;
  readonly substituted: boolean;
}

/**
 * Finds the font program for each glyph: the document's embedded font (by CGTransform glyph id, else its
 * cmap), then the free substitutes for the font's name (@openseal/fonts table), then those for its class
 * (serif/sans/mono, with CJK faces as the last resort). Parsed fonts are cached for the resolver's life,
 * so one resolver should serve many pages and documents.
 */
export class GlyphResolver {
  readonly #embedded = new WeakMap<Uint8Array, Font | null>();
  readonly #substitutes = new Map<string, Font | null>();
  readonly #chains = new Map<string, Font[]>();

  constructor(private readonly options: GlyphResolverOptions = {}) {}

  /** The embedded font program of a face, parsed (undefined when absent or unreadable). */
  embeddedFont(face: FontFace, warnings?: WarningLog): Font | undefined {
    if (face.embedded === undefined) return undefined;
    let font = this.#embedded.get(face.embedded);
    if (font === undefined) {
      try {
        font = parseFontFile(face.embedded);
      } catch (e) {
        warnings?.add('RENDER_FONT_UNAVAILABLE', `embedded font cannot be read (${e instanceof Error ? e.message : String(e)}); a substitute is used`, face.key);
        font = null;
      }
      this.#embedded.set(face.embedded, font);
    }
    return font ?? undefined;
  }

  /** Substitute fonts for a face, best first. */
  substitutes(face: FontFace, bold: boolean): Font[] {
    const key = `${face.name}\u0000${face.family ?? ''}\u0000${face.serif}\u0000${face.fixedWidth}\u0000${bold}`;
    let chain = this.#chains.get(key);
    if (chain === undefined) {
      chain = [];
      const candidates: FontSubstituteCandidate[] = [];
      for (const n of [face.name, face.family]) {
        if (n !== undefined && n !== '') candidates.push(...(resolveFontSubstitute(n)?.candidates ?? []));
      }
      const category: TypefaceCategory = face.fixedWidth ? 'latin-mono' : 'song';
      candidates.push(...substitutesForCategory(category), ...substitutesForCategory('hei'), ...substitutesForCategory('latin-serif'));
      const ordered = bold ? [...candidates.filter((c) => c.style === 'bold'), ...candidates] : candidates.filter((c) => c.style !== 'bold');
      for (const c of ordered) {
        const font = this.loadSubstitute(c);
        if (font !== undefined && !chain.includes(font)) chain.push(font);
      }
      this.#chains.set(key, chain);
    }
    return chain;
  }

  /** The font and glyph id to draw `glyph` of `face` with; undefined when no available font has it. */
  resolve(face: FontFace, glyph: Glyph, bold: boolean, warnings?: WarningLog): ResolvedGlyph | undefined {
    const embedded = this.embeddedFont(face, warnings);
    if (embedded !== undefined) {
      if (glyph.gid !== undefined && glyph.gid > 0 && glyph.gid < embedded.numGlyphs) return { font: embedded, gid: glyph.gid, substituted: false };
      const gid = lookup(embedded, glyph.text);
      if (gid !== 0) return { font: embedded, gid, substituted: false };
    }
    for (const font of this.substitutes(face, bold)) {
      const gid = lookup(font, glyph.text);
      if (gid !== 0) {
        if (embedded === undefined) warnings?.add('RENDER_FONT_SUBSTITUTED', `font "${face.name}" is not embedded; drawn with ${font.names.family}`, face.key);
        else warnings?.add('RENDER_FONT_SUBSTITUTED', `embedded font "${face.name}" lacks some characters; drawn with ${font.names.family}`, face.key);
        return { font, gid, substituted: true };
      }
    }
    if (!/^\s*$/u.test(glyph.text)) warnings?.add('RENDER_GLYPH_MISSING', `no available font has "${glyph.text}" (U+${(glyph.text.codePointAt(0) ?? 0).toString(16).toUpperCase()})`, face.key);
    return undefined;
  }

  private loadSubstitute(c: FontSubstituteCandidate): Font | undefined {
    if (c.outlineFormat !== 'truetype' && this.options.allowCff !== true) return undefined;
    const key = `${c.file}#${c.faceIndex}`;
    let font = this.#substitutes.get(key);
    if (font === undefined) {
      const bytes = this.options.loadSubstitute?.(c);
      try {
        font = bytes === undefined ? null : parseFontFile(bytes, { faceIndex: c.faceIndex });
      } catch (e) {
        // An unreadable substitute is skipped like a missing one; anything else is a bug.
        if (!(e instanceof OpenSealError)) throw e;
        font = null;
      }
      this.#substitutes.set(key, font);
    }
    return font ?? undefined;
  }
}

function lookup(font: Font, text: string): number {
  const cp = text.codePointAt(0);
  return cp === undefined ? 0 : font.glyphIdForCodePoint(cp);
}
