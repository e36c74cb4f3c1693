// Types for pdf.js's standalone image decoders (pdfjs-dist ships the module without declarations).
declare module 'pdfjs-dist/image_decoders/pdf.image_decoders.mjs' {
  export class Jbig2Image {
    width: number;
    height: number;
    /** A JBIG2 file (with its header) or embedded segments; one byte per pixel, 0 = black, 255 = white. */
    parse(data: Uint8Array): Uint8ClampedArray;
  }
}
