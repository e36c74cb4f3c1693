// Benchmark inputs, written straight to disk: a 3-page official-document-like PDF of about 200 KB
// (red header, title, body text, an embedded picture per page) and a 1,000-page PDF of about 100 MB
// (one 100 KB picture and a line of text per page). Classic xref tables, PDF 1.7.
import { closeSync, openSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

class PdfFileWriter {
  constructor(path) {
    this.fd = openSync(path, 'w');
    this.offset = 0;
    this.offsets = [];
    this.write('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  }
  write(data) {
    const buf = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    writeSync(this.fd, buf);
    this.offset += buf.length;
  }
  object(num, body, stream) {
    this.offsets[num] = this.offset;
    if (stream) {
      this.write(`${num} 0 obj\n<<${body} /Length ${stream.length}>>\nstream\n`);
      this.write(stream);
      this.write('\nendstream\nendobj\n');
    } else this.write(`${num} 0 obj\n${body}\nendobj\n`);
  }
  finish(size) {
    const xref = this.offset;
    let table = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let i = 1; i < size; i++) table += `${String(this.offsets[i] ?? 0).padStart(10, '0')} 00000 n \n`;
    this.write(table);
    this.write(`trailer\n<< /Size ${size} /Root 1 0 R /Info 2 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
    closeSync(this.fd);
  }
}

function text(x, y, size, s, rgb = '0 0 0') {
  return `BT ${rgb} rg /F1 ${size} Tf ${x} ${y} Td (${s.replace(/[()\\]/g, '\\$&')}) Tj ET\n`;
}

function bodyPage(pageNo, pages, first) {
  let c = '';
  if (first) {
    c += text(120, 760, 26, 'MUNICIPAL PEOPLE\'S GOVERNMENT DOCUMENT', '0.8 0 0');
    c += text(250, 720, 14, 'Gov. Doc. [2026] No. 18');
    c += 'q 0.8 0 0 RG 2 w 79 705 m 516 705 l S Q\n';
    c += text(150, 670, 18, 'Notice on Electronic Seals for Official Documents');
  }
  let y = first ? 630 : 760;
  for (let line = 0; y > 120; line++, y -= 28) {
    c += text(79, y, 14, `${pageNo}.${line + 1} The body text of the official document, a line of about sixty characters.`);
  }
  if (pageNo === pages) {
    c += text(360, 200, 14, 'Municipal People\'s Government');
    c += text(380, 172, 14, '25 November 2026');
  }
  c += text(290, 50, 12, `- ${pageNo} -`);
  return c;
}

/** Writes a PDF with `pages` pages, each holding a `pictureBytes` RGB picture; returns its size. */
export function writeDocument(path, { pages, pictureBytes, official }) {
  const w = new PdfFileWriter(path);
  const pageNum = (i) => 4 + i * 3;
  const kids = Array.from({ length: pages }, (_, i) => `${pageNum(i)} 0 R`).join(' ');
  w.object(1, '<< /Type /Catalog /Pages 3 0 R >>');
  w.object(2, '<< /Producer (OpenSeal bench) /Title (bench input) >>');
  w.object(3, `<< /Type /Pages /Count ${pages} /Kids [${kids}] /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>`);
  const side = Math.floor(Math.sqrt(pictureBytes / 3));
  for (let i = 0; i < pages; i++) {
    const n = pageNum(i);
    const content = official ? bodyPage(i + 1, pages, i === 0) : text(72, 780, 12, `Page ${i + 1} of ${pages}`);
    const draw = official ? `q 60 0 0 60 470 ${i === 0 ? 740 : 770} cm /Im1 Do Q\n` : `q 451 0 0 451 72 300 cm /Im1 Do Q\n`;
    w.object(n, `<< /Type /Page /Parent 3 0 R /Contents ${n + 1} 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> /XObject << /Im1 ${n + 2} 0 R >> >> >>`);
    w.object(n + 1, '', Buffer.from(content + draw, 'latin1'));
    w.object(n + 2, ` /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceRGB /BitsPerComponent 8`, randomBytes(side * side * 3));
  }
  w.finish(4 + pages * 3);
  return w.offset;
}
