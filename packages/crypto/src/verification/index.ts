export * from './public-key-cache.js';
export * from './verify-signature.js';
