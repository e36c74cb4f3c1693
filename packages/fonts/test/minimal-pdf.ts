// Test-only: a hand-built one-page PDF showing text with an embedded CIDFontType2 (Identity-H) subset.
import { deflateSync } from 'node:zlib';

interface CidFontPdf {
  readonly fontFile: Uint8Array;
  readonly baseFont: string;
  readonly widths: string;
  readonly toUnicode: string;
  readonly descriptor: { flags: number; fontBBox: readonly number[]; italicAngle: number; ascent: number; descent: number; capHeight: number; stemV: number };
  readonly glyphIds: readonly number[];
  readonly sizePt: number;
}

export function buildCidFontPdf(p: CidFontPdf): Uint8Array {
  const hex = p.glyphIds.map((g) => g.toString(16).padStart(4, '0')).join('');
  const content = `BT /F1 ${p.sizePt} Tf 40 100 Td <${hex}> Tj ET`;
  const font = deflateSync(p.fontFile);
  const d = p.descriptor;
  const objects: (string | [string, Uint8Array])[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    [`<< /Length ${content.length} >>`, new TextEncoder().encode(content)],
    `<< /Type /Font /Subtype /Type0 /BaseFont /${p.baseFont} /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>`,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${p.baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /W ${p.widths} /CIDToGIDMap /Identity >>`,
    `<< /Type /FontDescriptor /FontName /${p.baseFont} /Flags ${d.flags} /FontBBox [${d.fontBBox.join(' ')}] /ItalicAngle ${d.italicAngle} /Ascent ${d.ascent} /Descent ${d.descent} /CapHeight ${d.capHeight} /StemV ${d.stemV} /FontFile2 9 0 R >>`,
    [`<< /Length ${p.toUnicode.length} >>`, new TextEncoder().encode(p.toUnicode)],
    [`<< /Length ${font.length} /Length1 ${p.fontFile.length} /Filter /FlateDecode >>`, font],
  ];
  const chunks: Uint8Array[] = [];
  let size = 0;
  const push = (b: Uint8Array | string): void => {
    const bytes = typeof b === 'string' ? new TextEncoder().encode(b) : b;
    chunks.push(bytes);
    size += bytes.length;
  };
  push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(size);
    if (typeof o === 'string') push(`${i + 1} 0 obj\n${o}\nendobj\n`);
    else {
      push(`${i + 1} 0 obj\n${o[0]}\nstream\n`);
      push(o[1]);
      push('\nendstream\nendobj\n');
    }
  });
  const xref = size;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
