/** Writes the cross-reference section of an appended revision: a classic table or an xref stream. */
import type { PdfDict} from '../core/objects.js';
import { PdfName, type PdfObject } from '../core/objects.js';
import { flateEncode } from '../filters/flate.js';
import type { ByteWriter } from './byte-writer.js';
import { serializeObject } from './serialize.js';

export interface WrittenObject {
  readonly num: number;
  readonly gen: number;
  /** Absolute offset in the output file. */
  readonly offset: number;
}

/** Consecutive runs of object numbers: [[start, count], …]. */
function runs(objs: readonly WrittenObject[]): [number, number][] {
  const out: [number, number][] = [];
  for (const o of objs) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === o.num) last[1]++;
    else out.push([o.num, 1]);
  }
  return out;
}

/** §7.5.4: `xref`, subsections of 20-byte entries, `trailer`; then startxref and %%EOF (§7.5.5). */
export function writeXrefTable(w: ByteWriter, base: number, objs: readonly WrittenObject[], trailer: PdfDict): void {
  const xrefOffset = base + w.length;
  w.text('xref\n');
  let i = 0;
  for (const [start, count] of runs(objs)) {
    w.text(`${start} ${count}\n`);
    for (let k = 0; k < count; k++, i++) {
      const o = objs[i] as WrittenObject;
      w.text(`${String(o.offset).padStart(10, '0')} ${String(o.gen).padStart(5, '0')} n\r\n`);
    }
  }
  w.text('trailer\n');
  serializeObject(w, trailer);
  w.text(`\nstartxref\n${xrefOffset}\n%%EOF\n`);
}

function widthFor(max: number): number {
  let n = 1;
  while (n < 8 && max >= 2 ** (8 * n)) n++;
  return n;
}

/** §7.5.8: an xref stream object numbered `num` that lists `objs` and itself. */
export function writeXrefStream(w: ByteWriter, base: number, num: number, objs: readonly WrittenObject[], trailerEntries: PdfDict): void {
  const selfOffset = base + w.length;
  const all = [...objs, { num, gen: 0, offset: selfOffset }].sort((a, b) => a.num - b.num);
  const w2 = widthFor(Math.max(...all.map((o) => o.offset)));
  const w3 = widthFor(Math.max(...all.map((o) => o.gen)));
  const entry = 1 + w2 + w3;
  const data = new Uint8Array(all.length * entry);
  all.forEach((o, i) => {
    const p = i * entry;
    data[p] = 1;
    for (let k = 0, v = o.offset; k < w2; k++, v = Math.floor(v / 256)) data[p + w2 - k] = v % 256;
    for (let k = 0, v = o.gen; k < w3; k++, v = Math.floor(v / 256)) data[p + 1 + w2 + w3 - 1 - k] = v % 256;
  });
  const encoded = flateEncode(data);
  const d = trailerEntries.clone();
  d.set('Type', new PdfName('XRef'));
  d.set('Size', Math.max(typeof d.get('Size') === 'number' ? (d.get('Size') as number) : 0, num + 1));
  d.set('W', [1, w2, w3]);
  d.set('Index', runs(all).flat() as PdfObject[]);
  d.set('Filter', new PdfName('FlateDecode'));
  d.set('Length', encoded.length);
  w.text(`${num} 0 obj\n`);
  serializeObject(w, d);
  w.text('\nstream\n').bytes(encoded).text('\nendstream\nendobj\n');
  w.text(`startxref\n${selfOffset}\n%%EOF\n`);
}
