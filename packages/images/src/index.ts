export * from './errors.js';
export * from './raster-image.js';
export * from './sniff-image-format.js';
export * from './split-alpha.js';
export * from './png/decode-png.js';
export * from './png/encode-png.js';
export * from './jpeg/read-jpeg-info.js';
