export type { HttpTransportOptions } from './post-der.js';
export * from './http-timestamp-transport.js';
export * from './http-ocsp-transport.js';
