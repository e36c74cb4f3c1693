export * from './errors.js';
export * from './create-timestamp-request.js';
export * from './parse-timestamp-request.js';
export type { PkiFailureInfo } from './pki-failure-info.js';
export * from './parse-timestamp-token.js';
export * from './parse-timestamp-response.js';
export * from './verify-timestamp-token.js';
export * from './create-timestamp-response.js';
export * from './timestamp-client.js';
