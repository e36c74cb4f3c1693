export * from './errors.js';
export * from './assert.js';
export * from './clock.js';
export * from './random.js';
export * from './bytes.js';
