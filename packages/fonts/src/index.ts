export * from './errors.js';
export * from './font.js';
export * from './font-metrics.js';
export * from './font-names.js';
export * from './parse-font-file.js';
export * from './path-commands.js';
export * from './text-layout.js';
export type { FontNameRecord } from './tables/name.js';
export type { OutlineFormat } from './sfnt-directory.js';
