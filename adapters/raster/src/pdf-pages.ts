import type { PDFDocumentProxy } from 'pdfjs-dist';
import { InvalidArgumentError } from '@openseal/kernel';

export interface PdfPagePng {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
}

/** What pdf.js's Node canvas factory returns (@napi-rs/canvas). */
interface NodeCanvas {
  toBuffer(mime: 'image/png'): Uint8Array;
}

/** Renders page `index` (0-based) of a pdf.js document to PNG at `dpi`, on the same Skia canvas as OFD pages. */
export async function renderPdfPagePng(doc: PDFDocumentProxy, index: number, dpi = 150): Promise<PdfPagePng> {
  if (!Number.isInteger(index) || index < 0 || index >= doc.numPages) throw new InvalidArgumentError(`no page ${index} (the document has ${doc.numPages})`, { index });
  const page = await doc.getPage(index + 1);
  try {
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: NodeCanvas & HTMLCanvasElement; context: CanvasRenderingContext2D } };
    const { canvas, context } = factory.create(width, height);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    const png = canvas.toBuffer('image/png');
    return { png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), width, height, dpi };
  } finally {
    page.cleanup();
  }
}
