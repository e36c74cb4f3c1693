import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { fromDosDateTime, toDosDateTime } from './dos-time.js';

describe('crc32', () => {
  it('gives the IEEE check value for "123456789"', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('DOS timestamps', () => {
  it('round-trips a UTC instant at 2-second resolution', () => {
    const at = new Date('2024-05-06T07:08:10Z');
    expect(fromDosDateTime(toDosDateTime(at))?.toISOString()).toBe('2024-05-06T07:08:10.000Z');
  });
  it('clamps dates before 1980 to the DOS epoch', () => {
    expect(fromDosDateTime(toDosDateTime(new Date('1970-01-01T00:00:00Z')))?.toISOString()).toBe('1980-01-01T00:00:00.000Z');
  });
});
