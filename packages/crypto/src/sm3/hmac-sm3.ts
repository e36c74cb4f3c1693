import { Sm3, sm3 } from './sm3.js';

const BLOCK = 64;

/** HMAC-SM3 (RFC 2104 construction over SM3, as GB/T 15852.2 uses it); 32-byte tag. */
export function hmacSm3(key: Uint8Array, data: Uint8Array): Uint8Array {
  const k = new Uint8Array(BLOCK);
  k.set(key.length > BLOCK ? sm3(key) : key);
  const ipad = new Uint8Array(BLOCK);
  const opad = new Uint8Array(BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    ipad[i] = (k[i] as number) ^ 0x36;
    opad[i] = (k[i] as number) ^ 0x5c;
  }
  const inner = new Sm3().update(ipad).update(data).digest();
  return new Sm3().update(opad).update(inner).digest();
}
