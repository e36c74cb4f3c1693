export interface SfntTable {
  readonly tag: string;
  readonly data: Uint8Array;
}

/** OpenType table checksum: sum of big-endian uint32 words, zero-padded, modulo 2^32. */
export function tableChecksum(data: Uint8Array): number {
  let sum = 0;
  const full = data.length & ~3;
  for (let i = 0; i < full; i += 4) {
    sum = (sum + (((data[i] as number) << 24) | ((data[i + 1] as number) << 16) | ((data[i + 2] as number) << 8) | (data[i + 3] as number))) >>> 0;
  }
  if (full < data.length) {
    let last = 0;
    for (let i = 0; i < 4; i++) last = (last << 8) | (data[full + i] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** Serialises tables into one sfnt: sorted directory, 4-byte alignment, checksums, head.checkSumAdjustment. */
export function writeSfnt(tables: readonly SfntTable[], sfntVersion = 0x00010000): Uint8Array {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const n = sorted.length;
  const headerSize = 12 + 16 * n;
  let size = headerSize;
  for (const t of sorted) size += (t.data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  // OpenType "Table Directory": searchRange = 16·2^floor(log2 n), entrySelector = floor(log2 n).
  const entrySelector = Math.floor(Math.log2(Math.max(n, 1)));
  const searchRange = 16 * 2 ** entrySelector;
  dv.setUint32(0, sfntVersion);
  dv.setUint16(4, n);
  dv.setUint16(6, searchRange);
  dv.setUint16(8, entrySelector);
  dv.setUint16(10, n * 16 - searchRange);
  let offset = headerSize;
  let headOffset = -1;
  sorted.forEach((t, i) => {
    const data = t.tag === 'head' ? zeroAdjustment(t.data) : t.data;
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = t.tag.charCodeAt(k);
    dv.setUint32(rec + 4, tableChecksum(data));
    dv.setUint32(rec + 8, offset);
    dv.setUint32(rec + 12, data.length);
    out.set(data, offset);
    if (t.tag === 'head') headOffset = offset;
    offset += (data.length + 3) & ~3;
  });
  if (headOffset >= 0) dv.setUint32(headOffset + 8, (0xb1b0afba - tableChecksum(out)) >>> 0);
  return out;
}

function zeroAdjustment(head: Uint8Array): Uint8Array {
  const copy = head.slice();
  copy.fill(0, 8, 12);
  return copy;
}
