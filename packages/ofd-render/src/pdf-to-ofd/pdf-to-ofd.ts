import { subsetTrueType } from '@openseal/fonts';
import { decodePng, encodePng } from '@openseal/images';
import type { RandomSource } from '@openseal/kernel';
import type { CT_DocInfo, Matrix, PageObject } from '@openseal/ofd';
import { OfdBuilder } from '@openseal/ofd';
import type { RenderWarning } from '../render-warning.js';
import { WarningLog } from '../render-warning.js';
import type { ConvertedItem, ConvertedPage } from './converted-page.js';
import { toOfdObject } from './ofd-objects.js';
import { PdfFontMapper } from './pdf-font-mapper.js';
import { interpretPage } from './pdf-page-interpreter.js';
import { pdfJsImageToPng } from './pdfjs-image.js';
import type { PdfJsModule, PdfJsPage } from './pdfjs-types.js';

export interface PdfToOfdOptions {
  /** pdf.js (pdfjs-dist 5): the legacy build on Node 20, the modern one in browsers. */
  readonly pdfjs: PdfJsModule;
  /** Extra getDocument parameters (standardFontDataUrl, cMapUrl, password…). */
  readonly documentParams?: Readonly<Record<string, unknown>>;
  /** DocID source (OFD.xml needs one) unless docInfo.docId is given. */
  readonly random?: RandomSource;
  readonly docInfo?: CT_DocInfo;
  readonly creationDate?: Date;
  /**
   * Renders page `index` (0-based) as PNG at `dpi`; used for content OFD cannot express (shadings, stencil
   * masks), cut to that content's box. Without it such content is left out. Both are reported.
   */
  readonly rasterFallback?: (index: number, dpi: number) => Promise<Uint8Array>;
  readonly fallbackDpi?: number;
  readonly limits?: { readonly maxPages?: number; readonly maxOpsPerPage?: number; readonly maxImagePixels?: number };
}

export interface PdfToOfdResult {
  readonly ofd: Uint8Array;
  readonly pageCount: number;
  readonly warnings: readonly RenderWarning[];
  /** Content drawn as pictures because OFD objects cannot express it, per page. */
  readonly rasterized: ReadonlyArray<{ readonly page: number; readonly what: string }>;
}

interface Unsupported {
  readonly at: number;
  readonly what: string;
  readonly box: { x: number; y: number; width: number; height: number } | undefined;
}

/**
 * PDF → OFD through pdf.js's operator lists: text becomes TextObjects (embedded TrueType subsets with
 * glyph ids, or named fonts to substitute), paths PathObjects, images ImageObjects, clips Clips; page
 * boxes keep their size (CropBox, rotation applied).
 */
export async function pdfToOfd(pdf: Uint8Array, options: PdfToOfdOptions): Promise<PdfToOfdResult> {
  const warnings = new WarningLog();
  const doc = await options.pdfjs.getDocument({
    data: pdf.slice(),
    fontExtraProperties: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    isEvalSupported: false,
    verbosity: 0,
    ...options.documentParams,
  }).promise;
  try {
    const fonts = new PdfFontMapper(warnings);
    const maxPages = options.limits?.maxPages ?? 10_000;
    if (doc.numPages > maxPages) warnings.add('RENDER_LIMIT_REACHED', `the PDF has ${doc.numPages} pages; the first ${maxPages} are converted`);
    const pngs = new Map<string, Uint8Array>();
    const pages: ConvertedPage[] = [];
    const rasterized: Array<{ page: number; what: string }> = [];
    for (let index = 0; index < Math.min(doc.numPages, maxPages); index++) {
      const page = await doc.getPage(index + 1);
      try {
        const viewport = page.getViewport({ scale: 25.4 / 72 });
        const base = viewport.transform.slice(0, 6) as unknown as Matrix;
        const unsupported: Unsupported[] = [];
        const items = await interpretPage(page, base, {
          ops: options.pdfjs.OPS,
          fonts,
          warnings,
          image: async (id, inline) => {
            const key = `${index}/${id}`;
            if (!pngs.has(key)) {
              const png = await pdfJsImageToPng(page, id, inline, options.limits?.maxImagePixels ?? 64_000_000);
              if (png === undefined) {
                warnings.add('RENDER_IMAGE_BROKEN', `image ${id} on page ${index + 1} could not be read`);
                return undefined;
              }
              pngs.set(key, png);
            }
            return key;
          },
          unsupported: (what, box, at) => unsupported.push({ at, what, box }),
          maxOps: options.limits?.maxOpsPerPage ?? 2_000_000,
          maxDepth: 64,
        });
        const withFallback = await rasterFallback(index, items, unsupported, pngs, options, warnings);
        for (const u of unsupported) rasterized.push({ page: index, what: u.what });
        pages.push({ width: viewport.width, height: viewport.height, items: withFallback });
      } finally {
        page.cleanup();
      }
    }
    const ofd = writeDocument(pages, fonts, pngs, options);
    return { ofd, pageCount: pages.length, warnings: warnings.list, rasterized: options.rasterFallback === undefined ? [] : rasterized };
  } finally {
    await doc.destroy();
  }
}

async function rasterFallback(index: number, items: ConvertedItem[], unsupported: readonly Unsupported[], pngs: Map<string, Uint8Array>, options: PdfToOfdOptions, warnings: WarningLog): Promise<ConvertedItem[]> {
  if (unsupported.length === 0) return items;
  if (options.rasterFallback === undefined) {
    for (const u of unsupported) warnings.add('CONVERT_CONTENT_DROPPED', `page ${index + 1}: ${u.what} cannot be expressed in OFD and was left out`);
    return items;
  }
  const dpi = options.fallbackDpi ?? 150;
  const page = decodePng(await options.rasterFallback(index, dpi), { maxPixels: options.limits?.maxImagePixels ?? 64_000_000 });
  const out = [...items];
  // Insert from the last so earlier insertion points stay valid.
  for (const [k, u] of [...unsupported.entries()].reverse()) {
    const px = dpi / 25.4;
    const box = u.box ?? { x: 0, y: 0, width: page.width / px, height: page.height / px };
    const x0 = Math.max(0, Math.floor(box.x * px));
    const y0 = Math.max(0, Math.floor(box.y * px));
    const x1 = Math.min(page.width, Math.ceil((box.x + box.width) * px));
    const y1 = Math.min(page.height, Math.ceil((box.y + box.height) * px));
    if (x1 <= x0 || y1 <= y0) continue;
    const crop = new Uint8Array((x1 - x0) * (y1 - y0) * 4);
    for (let y = y0; y < y1; y++) crop.set(page.pixels.subarray((y * page.width + x0) * 4, (y * page.width + x1) * 4), (y - y0) * (x1 - x0) * 4);
    const key = `${index}/fallback-${k}`;
    pngs.set(key, encodePng(crop, x1 - x0, y1 - y0));
    const m: Matrix = [(x1 - x0) / px, 0, 0, (y1 - y0) / px, x0 / px, y0 / px];
    out.splice(Math.min(u.at, out.length), 0, { kind: 'image', imageKey: key, matrix: m, clips: [] });
    warnings.add('CONVERT_RASTER_FALLBACK', `page ${index + 1}: ${u.what} drawn as a ${dpi} dpi picture`);
  }
  return out;
}

function writeDocument(pages: readonly ConvertedPage[], fonts: PdfFontMapper, pngs: ReadonlyMap<string, Uint8Array>, options: PdfToOfdOptions): Uint8Array {
  const first = pages[0] ?? { width: 210, height: 297 };
  const builder = new OfdBuilder({
    pageSize: { width: first.width, height: first.height },
    ...(options.docInfo === undefined ? {} : { docInfo: options.docInfo }),
    ...(options.random === undefined ? {} : { random: options.random }),
    ...(options.creationDate === undefined ? {} : { creationDate: options.creationDate }),
  });
  const fontIds = new Map<string, number>();
  for (const f of fonts.all) {
    const file = f.program !== undefined && f.usedGids.size > 0 ? { bytes: subsetTrueType(f.program, f.usedGids) } : undefined;
    fontIds.set(f.key, builder.addFont({ fontName: f.fontName, ...(f.familyName === undefined ? {} : { familyName: f.familyName }), bold: f.bold, italic: f.italic, serif: f.serif, fixedWidth: f.fixedWidth, ...(file === undefined ? {} : { file }) }));
  }
  const imageIds = new Map<string, number>();
  const imageId = (key: string): number | undefined => {
    let id = imageIds.get(key);
    const png = pngs.get(key);
    if (id === undefined && png !== undefined) {
      id = builder.addImage({ bytes: png, format: 'PNG' });
      imageIds.set(key, id);
    }
    return id;
  };
  const fallbackFont = (): number => {
    let id = fontIds.get('');
    if (id === undefined) {
      id = builder.addFont({ fontName: 'SimSun', familyName: '宋体' });
      fontIds.set('', id);
    }
    return id;
  };
  for (const p of pages) {
    const page = builder.addPage({ width: round(p.width), height: round(p.height) });
    for (const item of p.items) {
      const o: PageObject | undefined = toOfdObject(item, (key) => fontIds.get(key) ?? fallbackFont(), imageId);
      if (o !== undefined) page.object(o);
    }
  }
  return builder.toBytes();
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

export type { PdfJsModule, PdfJsPage };
