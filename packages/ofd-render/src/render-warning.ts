/** What a renderer could not draw exactly; rendering goes on and reports these as data. */
export type RenderWarningCode =
  | 'RENDER_MISSING_RESOURCE'
  | 'RENDER_FONT_SUBSTITUTED'
  | 'RENDER_FONT_UNAVAILABLE'
  | 'RENDER_GLYPH_MISSING'
  | 'RENDER_IMAGE_UNSUPPORTED'
  | 'RENDER_IMAGE_BROKEN'
  | 'RENDER_SHADING_APPROXIMATED'
  | 'RENDER_BAD_GEOMETRY'
  | 'RENDER_LIMIT_REACHED'
  | 'RENDER_PART_UNREADABLE'
  | 'RENDER_STAMP_UNAVAILABLE'
  | 'CONVERT_RASTER_FALLBACK'
  | 'CONVERT_CONTENT_DROPPED';

export interface RenderWarning {
  readonly code: RenderWarningCode;
  readonly message: string;
  /** Page object, resource or signature the warning is about, when known. */
  readonly ref?: string;
}

/** Collects warnings once per (code, ref, message), so a font missing on 500 lines is reported once. */
export class WarningLog {
  readonly #seen = new Set<string>();
  readonly list: RenderWarning[] = [];

  add(code: RenderWarningCode, message: string, ref?: string): void {
    const key = `${code}\u0000${ref ?? ''}\u0000${message}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.list.push(ref === undefined ? { code, message } : { code, message, ref });
  }
}
