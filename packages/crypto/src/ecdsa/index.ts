export * from './signature-encoding.js';
export * from './nist-curves.js';
export * from './ecdsa-verify.js';
