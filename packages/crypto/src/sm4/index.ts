export * from './ghash.js';
export * from './gcm-mode.js';
