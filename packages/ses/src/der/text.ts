const UTF8 = new TextDecoder('utf-8', { fatal: false });

export function utf8Decode(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
