/** Builds a 'cmap' table with (3,1) format 4 for the BMP and (3,10) format 12 when needed. */
export function buildCmapTable(mappings: ReadonlyMap<number, number>): Uint8Array {
  const cps = [...mappings.keys()].sort((a, b) => a - b);
  const bmp = cps.filter((cp) => cp <= 0xfffe);
  const f4 = format4(bmp, mappings);
  const needs12 = cps.length !== bmp.length || f4 === undefined;
  const subtables: { platform: number; encoding: number; data: Uint8Array }[] = [];
  if (f4) subtables.push({ platform: 3, encoding: 1, data: f4 });
  if (needs12) subtables.push({ platform: 3, encoding: 10, data: format12(cps, mappings) });
  let size = 4 + 8 * subtables.length;
  for (const s of subtables) size += s.data.length;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint16(2, subtables.length);
  let offset = 4 + 8 * subtables.length;
  subtables.forEach((s, i) => {
    dv.setUint16(4 + 8 * i, s.platform);
    dv.setUint16(6 + 8 * i, s.encoding);
    dv.setUint32(8 + 8 * i, offset);
    out.set(s.data, offset);
    offset += s.data.length;
  });
  return out;
}

interface Segment { start: number; end: number; delta: number; ids: number[] | undefined }

/** Format 4; undefined when the table would exceed its 16-bit length. */
function format4(cps: readonly number[], map: ReadonlyMap<number, number>): Uint8Array | undefined {
  const segs: Segment[] = [];
  for (let i = 0; i < cps.length; ) {
    let j = i;
    while (j + 1 < cps.length && (cps[j + 1] as number) === (cps[j] as number) + 1) j++;
    const run = cps.slice(i, j + 1);
    const start = run[0] as number;
    const gids = run.map((cp) => map.get(cp) as number);
    const delta = (gids[0] as number) - start;
    const constant = gids.every((g, k) => g - (start + k) === delta);
    segs.push({ start, end: start + run.length - 1, delta: constant ? delta : 0, ids: constant ? undefined : gids });
    i = j + 1;
  }
  segs.push({ start: 0xffff, end: 0xffff, delta: 1, ids: undefined });
  const n = segs.length;
  const idsLen = segs.reduce((s, g) => s + (g.ids?.length ?? 0), 0);
  const length = 16 + 8 * n + 2 * idsLen;
  if (length > 0xffff) return undefined;
  const out = new Uint8Array(length);
  const dv = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 * 2 ** entrySelector;
  dv.setUint16(0, 4);
  dv.setUint16(2, length);
  dv.setUint16(6, n * 2);
  dv.setUint16(8, searchRange);
  dv.setUint16(10, entrySelector);
  dv.setUint16(12, 2 * n - searchRange);
  const endAt = 14, startAt = 16 + 2 * n, deltaAt = startAt + 2 * n, rangeAt = deltaAt + 2 * n, idsAt = rangeAt + 2 * n;
  let idCursor = idsAt;
  segs.forEach((s, i) => {
    dv.setUint16(endAt + 2 * i, s.end);
    dv.setUint16(startAt + 2 * i, s.start);
    dv.setUint16(deltaAt + 2 * i, s.delta & 0xffff);
    if (s.ids) {
      // idRangeOffset counts bytes from this slot of the idRangeOffset array.
      dv.setUint16(rangeAt + 2 * i, idCursor - (rangeAt + 2 * i));
      for (const g of s.ids) {
        dv.setUint16(idCursor, g);
        idCursor += 2;
      }
    }
  });
  return out;
}

function format12(cps: readonly number[], map: ReadonlyMap<number, number>): Uint8Array {
  const groups: [number, number, number][] = [];
  for (const cp of cps) {
    const gid = map.get(cp) as number;
    const last = groups[groups.length - 1];
    if (last && last[1] + 1 === cp && last[2] + (cp - last[0]) === gid) last[1] = cp;
    else groups.push([cp, cp, gid]);
  }
  const out = new Uint8Array(16 + 12 * groups.length);
  const dv = new DataView(out.buffer);
  dv.setUint16(0, 12);
  dv.setUint32(4, out.length);
  dv.setUint32(12, groups.length);
  groups.forEach(([s, e, g], i) => {
    dv.setUint32(16 + 12 * i, s);
    dv.setUint32(20 + 12 * i, e);
    dv.setUint32(24 + 12 * i, g);
  });
  return out;
}
