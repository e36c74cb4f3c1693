export * from './curve-params.js';
export * from './weierstrass-curve.js';
export * from './sm2-arithmetic.js';
export * from './sm2.js';
export * from './sm2-ciphertext.js';
export * from './sm2-encryption.js';
export * from './sm2-functions.js';
