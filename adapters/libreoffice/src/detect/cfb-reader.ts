/**
 * A minimal reader of OLE2 compound files ([MS-CFB]): the directory tree and stream contents, enough to
 * tell .doc/.xls/.ppt/Works files apart and to see encryption and macro storages. Bounded: every chain
 * walk is limited by the file size, so a malformed file ends in CfbFormatError, never a loop.
 */

export const CFB_SIGNATURE = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;

export class CfbFormatError extends Error {}

export interface CfbEntry {
  /** Path from the root, e.g. `Macros/VBA/dir`. */
  readonly path: string;
  readonly name: string;
  readonly type: 'storage' | 'stream';
  readonly size: number;
  readonly start: number;
}

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

export class CfbReader {
  readonly entries: readonly CfbEntry[];
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly #sectorSize: number;
  readonly #fat: Uint32Array;
  readonly #miniFat: Uint32Array;
  readonly #miniCutoff: number;
  #miniStream: Uint8Array | undefined;
  readonly #root: { start: number; size: number };

  constructor(bytes: Uint8Array) {
    if (!isCfb(bytes)) throw new CfbFormatError('not a compound file');
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.u16(0x1e);
    if (shift !== 9 && shift !== 12) throw new CfbFormatError(`unsupported sector shift ${shift}`);
    this.#sectorSize = 1 << shift;
    this.#miniCutoff = this.u32(0x38);
    this.#fat = this.readFat();
    const dir = this.readChain(this.u32(0x30), this.#fat);
    const miniFatBytes = this.u32(0x40) === 0 ? new Uint8Array(0) : this.readChain(this.u32(0x3c), this.#fat);
    this.#miniFat = toU32(miniFatBytes);
    const raw = parseDirectory(dir);
    const root = raw[0];
    if (root === undefined || root.type !== 5) throw new CfbFormatError('no root entry');
    this.#root = { start: root.start, size: root.size };
    this.entries = flattenTree(raw);
  }

  /** The entry at `path` (case-insensitive, as CFB names compare), if any. */
  find(path: string): CfbEntry | undefined {
    const p = path.toLowerCase();
    return this.entries.find((e) => e.path.toLowerCase() === p);
  }

  /** The first `limit` bytes (default: all) of a stream. */
  read(entry: CfbEntry, limit = entry.size): Uint8Array {
    if (entry.type !== 'stream') throw new CfbFormatError(`${entry.path} is not a stream`);
    const want = Math.min(limit, entry.size);
    if (entry.size < this.#miniCutoff) {
      this.#miniStream ??= this.readChain(this.#root.start, this.#fat).subarray(0, this.#root.size);
      return this.readChain(entry.start, this.#miniFat, 64, this.#miniStream, want);
    }
    return this.readChain(entry.start, this.#fat, this.#sectorSize, undefined, want);
  }

  private readFat(): Uint32Array {
    const count = this.u32(0x2c);
    const perSector = this.#sectorSize / 4;
    if (count > this.#bytes.length / this.#sectorSize + 1) throw new CfbFormatError('FAT larger than the file');
    const fatSectors: number[] = [];
    for (let i = 0; i < 109 && fatSectors.length < count; i++) fatSectors.push(this.u32(0x4c + i * 4));
    let difat = this.u32(0x44);
    let guard = 0;
    while (fatSectors.length < count && difat !== END_OF_CHAIN && difat !== NO_STREAM) {
      if (++guard > this.#bytes.length / this.#sectorSize) throw new CfbFormatError('DIFAT chain loops');
      const off = this.sectorOffset(difat);
      for (let i = 0; i < perSector - 1 && fatSectors.length < count; i++) fatSectors.push(this.u32(off + i * 4));
      difat = this.u32(off + (perSector - 1) * 4);
    }
    const fat = new Uint32Array(fatSectors.length * perSector);
    fatSectors.forEach((s, k) => {
      const off = this.sectorOffset(s);
      for (let i = 0; i < perSector; i++) fat[k * perSector + i] = this.u32(off + i * 4);
    });
    return fat;
  }

  private readChain(start: number, fat: Uint32Array, unit = this.#sectorSize, source?: Uint8Array, limit = Infinity): Uint8Array {
    const parts: Uint8Array[] = [];
    let total = 0;
    let s = start;
    const maxSteps = fat.length + 1;
    for (let steps = 0; s !== END_OF_CHAIN && total < limit; steps++) {
      if (steps > maxSteps || s >= fat.length) throw new CfbFormatError('broken sector chain');
      const off = source === undefined ? this.sectorOffset(s) : s * unit;
      const buf = source ?? this.#bytes;
      if (off + unit > buf.length) {
        // The last sector of a file may be cut short (writers omit trailing padding).
        if (off >= buf.length) throw new CfbFormatError('sector beyond the end of the file');
        parts.push(buf.subarray(off));
        total += buf.length - off;
        break;
      }
      parts.push(buf.subarray(off, off + unit));
      total += unit;
      s = fat[s] as number;
    }
    const out = new Uint8Array(Math.min(total, limit));
    let at = 0;
    for (const p of parts) {
      const n = Math.min(p.length, out.length - at);
      out.set(p.subarray(0, n), at);
      at += n;
    }
    return out;
  }

  private sectorOffset(sector: number): number {
    const off = (sector + 1) * this.#sectorSize;
    if (sector >= 0xfffffffa || off >= this.#bytes.length) throw new CfbFormatError(`sector ${sector} outside the file`);
    return off;
  }

  private u16(off: number): number {
    return this.#view.getUint16(off, true);
  }

  private u32(off: number): number {
    return this.#view.getUint32(off, true);
  }
}

interface RawEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

function parseDirectory(dir: Uint8Array): RawEntry[] {
  const view = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  const out: RawEntry[] = [];
  for (let off = 0; off + 128 <= dir.length; off += 128) {
    const nameLen = Math.min(view.getUint16(off + 64, true), 64);
    let name = '';
    for (let i = 0; i + 2 <= nameLen - 2; i += 2) {
      const c = view.getUint16(off + i, true);
      if (c === 0) break;
      name += String.fromCharCode(c);
    }
    out.push({
      name,
      type: dir[off + 66] as number,
      left: view.getUint32(off + 68, true),
      right: view.getUint32(off + 72, true),
      child: view.getUint32(off + 76, true),
      start: view.getUint32(off + 116, true),
      size: view.getUint32(off + 120, true),
    });
  }
  return out;
}

/** Walks the red-black trees of storages ([MS-CFB] §2.6.4) into a flat list of paths. */
function flattenTree(raw: RawEntry[]): CfbEntry[] {
  const out: CfbEntry[] = [];
  const seen = new Set<number>();
  const stack: { id: number; parent: string }[] = [{ id: (raw[0] as RawEntry).child, parent: '' }];
  while (stack.length > 0) {
    const { id, parent } = stack.pop() as { id: number; parent: string };
    if (id === NO_STREAM) continue;
    const e = raw[id];
    if (e === undefined || seen.has(id)) throw new CfbFormatError('directory tree is malformed');
    seen.add(id);
    stack.push({ id: e.left, parent }, { id: e.right, parent });
    if (e.type !== 1 && e.type !== 2) continue;
    const path = parent === '' ? e.name : `${parent}/${e.name}`;
    out.push({ path, name: e.name, type: e.type === 1 ? 'storage' : 'stream', size: e.size, start: e.start });
    if (e.type === 1) stack.push({ id: e.child, parent: path });
  }
  return out;
}

function toU32(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
