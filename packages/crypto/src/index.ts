export * from './algorithms.js';
export * from './hasher.js';
export * from './provider.js';
export * from './signer.js';
export * from './errors.js';
export * from './public-key.js';
export * from './sm2/index.js';
