export * from './algorithm-identifier.js';
