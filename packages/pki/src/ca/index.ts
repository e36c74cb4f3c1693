export * from './certificate-profiles.js';
export * from './random-serial-number.js';
export * from './certificate-authority.js';
export * from './create-pki-hierarchy.js';
