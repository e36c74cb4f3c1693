/** ISO 32000-2 §7.2.3 character classes: 0 regular, 1 white-space, 2 delimiter. */
export const CHAR_CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CHAR_CLASS[c] = 1;
for (const c of '()<>[]{}/%') CHAR_CLASS[c.charCodeAt(0)] = 2;

export const isWhite = (c: number): boolean => CHAR_CLASS[c] === 1;
export const isRegular = (c: number): boolean => CHAR_CLASS[c] === 0;
export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Hex digit value or -1. */
export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** Finds `needle` (ASCII) in `bytes` from `from` forwards; -1 when absent. */
export function indexOfAscii(bytes: Uint8Array, needle: string, from: number, to = bytes.length): number {
  const first = needle.charCodeAt(0);
  const n = needle.length;
  const last = Math.min(to, bytes.length) - n;
  outer: for (let i = Math.max(0, from); i <= last; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < n; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Finds the last `needle` (ASCII) that starts at or before `from`; -1 when absent. */
export function lastIndexOfAscii(bytes: Uint8Array, needle: string, from: number, downTo = 0): number {
  const n = needle.length;
  outer: for (let i = Math.min(from, bytes.length - n); i >= Math.max(0, downTo); i--) {
    for (let j = 0; j < n; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}
