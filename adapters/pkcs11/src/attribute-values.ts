import { fromUtf8 } from '@openseal/kernel';

// CK_BBOOL is one byte; CK_ULONG a native unsigned long (PKCS#11 v2.40 §2.2), read little-endian
// (x86-64, arm64); CK_UTF8CHAR arrays are not NUL-terminated.

export function attributeBoolean(value: Uint8Array | undefined): boolean | undefined {
  return value === undefined || value.length === 0 ? undefined : value[0] !== 0;
}

export function attributeUlong(value: Uint8Array | undefined): number | undefined {
  if (value === undefined || value.length === 0) return undefined;
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  if (value.length >= 8) return Number(view.getBigUint64(0, true));
  if (value.length >= 4) return view.getUint32(0, true);
  return undefined;
}

export function attributeString(value: Uint8Array | undefined): string {
  return value === undefined ? '' : fromUtf8(value);
}
