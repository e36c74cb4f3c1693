export * from './algorithm-identifier.js';
export * from './x509/index.js';
export * from './crl/index.js';
export * from './revocation/index.js';
export * from './path/index.js';
export * from './ca/index.js';
