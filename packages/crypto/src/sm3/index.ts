export * from './sm3.js';
export * from './hmac-sm3.js';
