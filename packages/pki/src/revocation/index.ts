export * from './revocation-source.js';
export * from './crl-revocation-source.js';
export * from './composite-revocation-source.js';
