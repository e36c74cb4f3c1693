// Browser entry point (WebCrypto + JS SM2/SM3). Nothing here may import node:*.
export * from './browser-crypto-provider.js';
export * from './browser-hash.js';
