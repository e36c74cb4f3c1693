export { DEFAULT_MAX_KDF_ITERATIONS, type KdfLimits, type Pbkdf2Prf } from './pbes2.js';
export * from './encrypted-private-key.js';
export * from './pkcs12-read.js';
export * from './pkcs12-write.js';
export * from './load-private-key.js';
export * from './generate-key-pair.js';
export * from './software-signer.js';
export { toNodeKeyObject } from './key-object.js';
