// Node-only entry point (node:crypto): providers, software keys and key files.
export {};
export * from './keys/index.js';
export { nodeRandom } from './node-random.js';
export * from './node-hash.js';
export * from './node-sm2.js';
export { nativeSm2Arithmetic, type NativeSm2Arithmetic } from './native-sm2-arithmetic.js';
export * from './sm4.js';
export * from './node-crypto-provider.js';
export * from './node-sign.js';
