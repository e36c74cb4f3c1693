export * from './render-png.js';
export * from './system-fonts.js';
export * from './pdf-pages.js';
export * from './pdfjs-node.js';
