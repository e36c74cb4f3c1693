export * from './verify-signature.js';
