import { InvalidArgumentError } from '@openseal/kernel';
import type { OfdDocument, OfdPage, SignatureList } from '@openseal/ofd';
import type { RenderLimits } from '../render-limits.js';
import { DEFAULT_RENDER_LIMITS } from '../render-limits.js';
import type { RenderWarning } from '../render-warning.js';
import { WarningLog } from '../render-warning.js';
import { prepareImage } from '../images/prepare-image.js';
import type { FontFace, RasterImage } from './display-list.js';
import { drawPage } from './draw-page.js';
import type { DisplayListOptions, DrawContext, PageDisplayList } from './draw-context.js';
import { message } from './draw-context.js';

/**
 * Renders the pages of one opened OFD document; fonts, images, signatures and annotations are read once
 * and shared by every page asked for.
 */
export class OfdRenderContext implements DrawContext {
  readonly limits: RenderLimits;
  readonly #fonts = new Map<number, FontFace>();
  readonly #images = new Map<string, Promise<{ image?: RasterImage; warning?: RenderWarning }>>();
  #signatures: { list?: SignatureList; error?: string } | undefined;
  #annotations: { value?: ReturnType<OfdDocument['annotations']>; error?: string } | undefined;

  constructor(
    readonly doc: OfdDocument,
    readonly options: DisplayListOptions = {},
    /** Nesting of vector seal pictures (an OFD inside a seal inside an OFD…). */
    readonly depth = 0,
  ) {
    this.limits = { ...DEFAULT_RENDER_LIMITS, ...options.limits };
  }

  /** Builds the display list of page `index` (0-based). Throws only for an index out of range. */
  async displayList(index: number): Promise<PageDisplayList> {
    const warnings = new WarningLog();
    for (const w of this.doc.warnings) warnings.add('RENDER_MISSING_RESOURCE', `resource file ${w.path} is missing`, w.referencedFrom);
    const entry = this.doc.pages[index];
    if (entry === undefined) throw new InvalidArgumentError(`no page ${index} (the document has ${this.doc.pageCount})`, { index });
    let page: OfdPage;
    try {
      page = this.doc.page(index);
    } catch (e) {
      warnings.add('RENDER_PART_UNREADABLE', `page ${index + 1} cannot be read: ${message(e)}`, entry.path);
      return { pageIndex: index, pageId: entry.id, width: 210, height: 297, items: [], warnings: warnings.list };
    }
    const list = await drawPage(this, page, warnings);
    return { ...list, pageIndex: index, pageId: entry.id, warnings: warnings.list };
  }

  fontFace(page: OfdPage, id: number, warnings: WarningLog): FontFace {
    const cached = this.#fonts.get(id);
    if (cached !== undefined) return cached;
    const located = page.resources.fonts.get(id);
    let face: FontFace;
    if (located === undefined) {
      warnings.add('RENDER_MISSING_RESOURCE', `font ${id} is not declared; a default font is used`);
      face = { key: `font:${id}`, name: 'unknown', bold: false, italic: false, serif: true, fixedWidth: false };
    } else {
      const f = located.resource;
      const embedded = located.filePath === undefined ? undefined : this.doc.pkg.entry(located.filePath)?.bytes;
      if (located.filePath !== undefined && embedded === undefined) warnings.add('RENDER_MISSING_RESOURCE', `font file ${located.filePath} is missing`, `font ${id}`);
      face = {
        key: `font:${id}`,
        name: f.fontName,
        ...(f.familyName === undefined ? {} : { family: f.familyName }),
        bold: f.bold === true,
        italic: f.italic === true,
        serif: f.serif === true,
        fixedWidth: f.fixedWidth === true,
        ...(embedded === undefined ? {} : { embedded }),
      };
    }
    this.#fonts.set(id, face);
    return face;
  }

  /** The normalised image of MultiMedia `id`, decoded once per document. */
  async image(page: OfdPage, id: number): Promise<{ image?: RasterImage; warning?: RenderWarning }> {
    const located = page.resources.multiMedias.get(id);
    if (located === undefined) return { warning: { code: 'RENDER_MISSING_RESOURCE', message: `image resource ${id} is not declared`, ref: `resource ${id}` } };
    const path = located.filePath ?? '';
    let pending = this.#images.get(path);
    if (pending === undefined) {
      pending = this.loadImage(path, located.resource.format, id);
      this.#images.set(path, pending);
    }
    return pending;
  }

  private async loadImage(path: string, format: string | undefined, id: number): Promise<{ image?: RasterImage; warning?: RenderWarning }> {
    const bytes = this.doc.pkg.entry(path)?.bytes;
    if (bytes === undefined) return { warning: { code: 'RENDER_MISSING_RESOURCE', message: `image file ${path} is missing`, ref: `resource ${id}` } };
    const r = await prepareImage(bytes, format, path, {
      maxPixels: this.limits.maxImagePixels,
      ...(this.options.imageDecoder === undefined ? {} : { decoder: this.options.imageDecoder }),
    });
    if (r.ok) return { image: r.image };
    return { warning: { code: r.unsupported ? 'RENDER_IMAGE_UNSUPPORTED' : 'RENDER_IMAGE_BROKEN', message: `${path}: ${r.reason}`, ref: `resource ${id}` } };
  }

  nested(doc: OfdDocument): OfdRenderContext {
    return new OfdRenderContext(doc, { ...this.options, stamps: false }, this.depth + 1);
  }

  signatures(): { list?: SignatureList; error?: string } {
    if (this.#signatures === undefined) {
      try {
        const list = this.doc.signatures();
        this.#signatures = list === undefined ? {} : { list };
      } catch (e) {
        this.#signatures = { error: message(e) };
      }
    }
    return this.#signatures;
  }

  annotations(): { value?: ReturnType<OfdDocument['annotations']>; error?: string } {
    if (this.#annotations === undefined) {
      try {
        this.#annotations = { value: this.doc.annotations() };
      } catch (e) {
        this.#annotations = { error: message(e) };
      }
    }
    return this.#annotations;
  }
}

