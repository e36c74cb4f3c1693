/**
 * The parts of pdf.js (pdfjs-dist 5) this converter uses, typed structurally: the caller injects the module
 * (the legacy build on Node 20, the modern one in browsers), so this package never picks a build.
 */
export interface PdfJsModule {
  readonly OPS: Readonly<Record<string, number>>;
  getDocument(params: Record<string, unknown>): { readonly promise: Promise<PdfJsDocument> };
}

export interface PdfJsDocument {
  readonly numPages: number;
  getPage(pageNumber: number): Promise<PdfJsPage>;
  destroy(): Promise<void>;
}

export interface PdfJsPage {
  getViewport(params: { scale: number }): { readonly width: number; readonly height: number; readonly transform: number[] };
  getOperatorList(): Promise<{ readonly fnArray: number[]; readonly argsArray: unknown[] }>;
  readonly commonObjs: PdfJsObjects;
  readonly objs: PdfJsObjects;
  cleanup(): void;
}

export interface PdfJsObjects {
  get(id: string, callback?: (data: unknown) => void): unknown;
  has(id: string): boolean;
}

/** A glyph of a showText operation, as pdf.js's evaluator gives it. */
export interface PdfJsGlyph {
  readonly fontChar: string;
  readonly unicode: string;
  readonly width: number;
  readonly isSpace: boolean;
  readonly isInFont?: boolean;
  readonly vmetric?: readonly number[];
}

/** A font as pdf.js gives it with `fontExtraProperties: true`. */
export interface PdfJsFont {
  readonly loadedName: string;
  readonly name?: string;
  readonly fallbackName?: string;
  readonly data?: Uint8Array;
  readonly missingFile?: boolean;
  readonly isType3Font?: boolean;
  readonly vertical?: boolean;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly black?: boolean;
  readonly isSerifFont?: boolean;
  readonly isMonospace?: boolean;
  readonly fontMatrix?: readonly number[];
}

/** Decoded image data (pdf.js ImageKind: 1 = 1-bit gray, 2 = RGB 8-bit, 3 = RGBA 8-bit). */
export interface PdfJsImage {
  readonly width: number;
  readonly height: number;
  readonly kind?: number;
  readonly data?: Uint8Array | Uint8ClampedArray;
  readonly bitmap?: unknown;
}

/** pdf.js DrawOPS codes inside constructPath's path data. */
export const DRAW_OPS = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;
