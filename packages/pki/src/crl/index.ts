export * from './crl-reason.js';
export * from './crl.js';
export * from './issue-crl.js';
export * from './verify-crl-signature.js';
