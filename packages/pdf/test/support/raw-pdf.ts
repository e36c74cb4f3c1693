/** Test-only: assembles a PDF from raw object bodies (latin1 text), computing a correct xref table. */
export interface RawPdf {
  readonly bytes: Uint8Array;
  readonly text: string;
  readonly offsets: readonly number[];
  readonly xrefOffset: number;
}

export function latin1Bytes(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
}

/** Object i + 1 has body `bodies[i]`; `trailer` is the inside of the trailer dictionary. */
export function rawPdf(bodies: readonly string[], trailer = '/Root 1 0 R', tail = ''): RawPdf {
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  bodies.forEach((b, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${b}\nendobj\n`;
  });
  const xrefOffset = text.length;
  text += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f\r\n`;
  for (const o of offsets) text += `${String(o).padStart(10, '0')} 00000 n\r\n`;
  text += `trailer\n<</Size ${bodies.length + 1} ${trailer}>>\nstartxref\n${xrefOffset}\n%%EOF\n${tail}`;
  return { bytes: latin1Bytes(text), text, offsets, xrefOffset };
}

export const CATALOG = '<</Type/Catalog/Pages 2 0 R>>';
export const PAGES_ONE = '<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 200 200]>>';
export const PAGE = '<</Type/Page/Parent 2 0 R>>';

/**
 * Like rawPdf, but with an (unfiltered) xref stream as object n + 1, and `compressed` entries for
 * objects stored in object streams: { num, stream, index }.
 */
export function rawPdfXrefStream(bodies: readonly (string | Uint8Array)[], compressed: readonly { num: number; stream: number; index: number }[], trailer = '/Root 1 0 R'): Uint8Array {
  const parts: Uint8Array[] = [latin1Bytes('%PDF-1.7\n')];
  let length = parts[0]!.length;
  const push = (b: Uint8Array): void => {
    parts.push(b);
    length += b.length;
  };
  const offsets: number[] = [];
  bodies.forEach((b, i) => {
    offsets.push(length);
    push(latin1Bytes(`${i + 1} 0 obj\n`));
    push(typeof b === 'string' ? latin1Bytes(b) : b);
    push(latin1Bytes('\nendobj\n'));
  });
  const self = bodies.length + 1;
  const size = Math.max(self, ...compressed.map((c) => c.num)) + 1;
  const rows: number[][] = [[0, 0, 65535]];
  for (let n = 1; n < size; n++) {
    const c = compressed.find((x) => x.num === n);
    if (c) rows.push([2, c.stream, c.index]);
    else if (n <= bodies.length) rows.push([1, offsets[n - 1]!, 0]);
    else if (n === self) rows.push([1, length, 0]);
    else rows.push([0, 0, 0]);
  }
  const data = new Uint8Array(rows.length * 7);
  rows.forEach(([t, f2, f3], i) => {
    data[i * 7] = t!;
    new DataView(data.buffer).setUint32(i * 7 + 1, f2!);
    new DataView(data.buffer).setUint16(i * 7 + 5, f3!);
  });
  const xref = length;
  push(latin1Bytes(`${self} 0 obj\n<</Type/XRef/Size ${size}/W[1 4 2]/Length ${data.length} ${trailer}>>stream\n`));
  push(data);
  push(latin1Bytes(`\nendstream\nendobj\nstartxref\n${xref}\n%%EOF\n`));
  const out = new Uint8Array(length);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
