import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsTypes from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';

/** pdf.js's module as this adapter loads it: the legacy build, which runs on Node 20. */
export type PdfJs = typeof PdfJsTypes;

let loaded: Promise<PdfJs> | undefined;

/** Loads pdf.js once (the legacy build: the modern one needs APIs Node 20 lacks). */
export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJs>;
  return loaded;
}

function assetsDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

/** Opens a PDF with pdf.js with its bundled standard fonts and CMaps, no eval, quiet. */
export async function openPdfJs(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    ...pdfJsAssetParams(),
    isEvalSupported: false,
    verbosity: 0,
    ...(password === undefined ? {} : { password }),
  });
  return task.promise;
}

/** getDocument parameters pointing pdf.js at its bundled standard fonts and CMaps. */
export function pdfJsAssetParams(): Record<string, unknown> {
  const dir = assetsDir();
  return { standardFontDataUrl: join(dir, 'standard_fonts') + '/', cMapUrl: join(dir, 'cmaps') + '/', cMapPacked: true };
}
