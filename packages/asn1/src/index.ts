export * from './errors.js';
export * from './der-guard.js';
export * from './parse.js';
export * from './oids.js';
