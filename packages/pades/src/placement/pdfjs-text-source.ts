/**
 * Text runs from pdf.js (Apache-2.0). In Node the legacy build is needed (the modern one expects
 * DOMMatrix); text extraction needs no canvas. pdf.js reads CMaps/standard fonts only if told where.
 */
import { SealTextExtractionError } from './errors.js';
import type { TextRun, TextRunDocument, TextRunSource } from './text-locator.js';

/** The part of the pdf.js module used here (structural, so any compatible build can be injected). */
export interface PdfjsModule {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfjsDocument> };
}
interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<PdfjsTextContent> }>;
  destroy(): Promise<void>;
}
interface PdfjsTextContent {
  items: readonly (PdfjsTextItem | { type: string })[];
  styles: Readonly<Record<string, { ascent?: number; descent?: number; vertical?: boolean }>>;
}
interface PdfjsTextItem {
  str: string;
  transform: readonly number[];
  width: number;
  height: number;
  fontName: string;
}

export interface PdfjsTextSourceOptions {
  /** Loads pdf.js; default: the legacy build of pdfjs-dist (works in Node 20 and browsers). */
  readonly load?: () => Promise<PdfjsModule>;
  /** Passed to getDocument: cMapUrl, cMapPacked, standardFontDataUrl, password, … */
  readonly documentParams?: Readonly<Record<string, unknown>>;
}

const defaultLoad = async (): Promise<PdfjsModule> => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsModule;

function isTextItem(i: PdfjsTextItem | { type: string }): i is PdfjsTextItem {
  return typeof (i as PdfjsTextItem).str === 'string' && Array.isArray((i as PdfjsTextItem).transform);
}

export class PdfjsTextSource implements TextRunSource {
  readonly #options: PdfjsTextSourceOptions;
  constructor(options: PdfjsTextSourceOptions = {}) {
    this.#options = options;
  }

  async open<T>(pdf: Uint8Array, use: (doc: TextRunDocument) => Promise<T>): Promise<T> {
    const pdfjs = await (this.#options.load ?? defaultLoad)();
    let doc: PdfjsDocument;
    try {
      // pdf.js transfers (detaches) the buffer it is given: hand it a copy, the caller keeps theirs.
      doc = await pdfjs.getDocument({ isEvalSupported: false, disableFontFace: true, verbosity: 0, ...this.#options.documentParams, data: pdf.slice() }).promise;
    } catch (e) {
      throw new SealTextExtractionError('pdf.js could not open the document', { cause: e });
    }
    try {
      return await use({
        pageCount: doc.numPages,
        runs: async (pageIndex) => runsOf(await (await doc.getPage(pageIndex + 1)).getTextContent()),
      });
    } finally {
      await doc.destroy();
    }
  }
}

function runsOf(content: PdfjsTextContent): TextRun[] {
  const out: TextRun[] = [];
  for (const item of content.items) {
    if (!isTextItem(item) || item.str.length === 0) continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
    const style = content.styles[item.fontName];
    const len = Math.hypot(a, b) || 1;
    const size = Math.hypot(c, d) || item.height;
    if (style?.vertical) {
      // Vertical writing: glyphs advance downwards, centred on the origin's x.
      out.push({ text: item.str, x: e, y: f, dx: 0, dy: -1, advance: item.height, size: item.width || size, ascent: 0.5, descent: -0.5 });
      continue;
    }
    const ascent = style?.ascent && style.ascent > 0 ? style.ascent : 0.88;
    const descent = style?.descent && style.descent < 0 ? style.descent : -0.12;
    out.push({ text: item.str, x: e, y: f, dx: a / len, dy: b / len, advance: item.width, size, ascent, descent });
  }
  return out;
}
