export * from './signature-encoding.js';
