export * from './rsa-verify.js';
