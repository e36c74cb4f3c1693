export * from './render-warning.js';
export * from './render-limits.js';
export * from './display/display-list.js';
export * from './display/stamp-picture.js';
export * from './display/draw-context.js';
export * from './display/render-context.js';
export { toPathSegments, arcToCubics } from './display/path-segments.js';
export type { Bitmap, ImageDecoder } from './images/bitmap.js';
export * from './svg/render-svg.js';
