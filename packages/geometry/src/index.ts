export * from './arc-to-cubics.js';
