// Test-only: poppler-utils (pdftoppm, pdftotext, pdffonts) as independent renderers and extractors.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Uint8Array, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'openseal-poppler-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An RGB raster of one rendered page; (0, 0) is the top-left pixel. */
export class Raster {
  constructor(readonly width: number, readonly height: number, readonly data: Uint8Array) {}
  rgb(x: number, y: number): [number, number, number] {
    const i = (y * this.width + x) * 3;
    return [this.data[i] ?? 0, this.data[i + 1] ?? 0, this.data[i + 2] ?? 0];
  }
  /** Seal red: strong red, weak green and blue (anti-aliased edges are excluded by the thresholds). */
  isRed(x: number, y: number): boolean {
    const [r, g, b] = this.rgb(x, y);
    return r > 180 && g < 110 && b < 110;
  }
  /** Count of red pixels inside [x0, x1) × [y0, y1) (clamped to the raster). */
  countRed(x0 = 0, y0 = 0, x1 = this.width, y1 = this.height): number {
    let n = 0;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.height, Math.ceil(y1)); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(this.width, Math.ceil(x1)); x++) if (this.isRed(x, y)) n++;
    }
    return n;
  }
  /** Bounding box [x0, y0, x1, y1) of the red pixels, or undefined when there are none. */
  redBounds(): [number, number, number, number] | undefined {
    let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        if (!this.isRed(x, y)) continue;
        x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x + 1); y1 = Math.max(y1, y + 1);
      }
    }
    return x1 < 0 ? undefined : [x0, y0, x1, y1];
  }
}

function parsePpm(bytes: Buffer): Raster {
  // Netpbm P6: "P6 <w> <h> <max>" then one whitespace byte, then RGB triples.
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[pos] ?? 0))) pos++;
    let s = '';
    while (pos < bytes.length && !/\s/.test(String.fromCharCode(bytes[pos] ?? 0))) s += String.fromCharCode(bytes[pos++] ?? 0);
    fields.push(s);
  }
  if (fields[0] !== 'P6' || fields[3] !== '255') throw new Error(`unexpected PPM header ${fields.join(' ')}`);
  const w = Number(fields[1]);
  const h = Number(fields[2]);
  return new Raster(w, h, new Uint8Array(bytes.subarray(pos + 1, pos + 1 + w * h * 3)));
}

/** Renders one page (1-based) with pdftoppm at `dpi`, annotations included. */
export function renderPage(pdf: Uint8Array, page: number, dpi = 72): Raster {
  const [r] = renderPages(pdf, { first: page, last: page, dpi });
  if (!r) throw new Error('pdftoppm produced no page');
  return r;
}

/** Renders pages first…last (1-based) as a viewer shows them (the crop box), optionally only a pixel window. */
export function renderPages(pdf: Uint8Array, o: { first: number; last: number; dpi: number; crop?: { x: number; y: number; w: number; h: number } }): Raster[] {
  return withFile(pdf, (file, dir) => {
    const crop = o.crop ? ['-x', String(o.crop.x), '-y', String(o.crop.y), '-W', String(o.crop.w), '-H', String(o.crop.h)] : [];
    execFileSync('pdftoppm', ['-cropbox', '-r', String(o.dpi), '-f', String(o.first), '-l', String(o.last), ...crop, file, join(dir, 'out')], { stdio: ['ignore', 'ignore', 'pipe'] });
    // pdftoppm numbers the files out-<n>.ppm with the page number zero-padded to a common width.
    const files = readdirSync(dir).filter((f) => f.startsWith('out') && f.endsWith('.ppm'));
    files.sort((a, b) => Number(/(\d+)\.ppm$/.exec(a)?.[1]) - Number(/(\d+)\.ppm$/.exec(b)?.[1]));
    return files.map((f) => parsePpm(readFileSync(join(dir, f))));
  });
}

export interface PopplerWord {
  readonly text: string;
  /** Top-left origin, points, in the displayed (rotated, cropped) page as pdftotext reports. */
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Words of one page (1-based) with boxes, from `pdftotext -bbox`. */
export function pdftotextWords(pdf: Uint8Array, page: number): { width: number; height: number; words: PopplerWord[] } {
  return withFile(pdf, (file) => {
    const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { maxBuffer: 64 << 20 }).toString('utf8');
    const pm = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html);
    const words: PopplerWord[] = [];
    for (const m of html.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
      const text = (m[5] ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
      words.push({ text, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
    return { width: Number(pm?.[1]), height: Number(pm?.[2]), words };
  });
}

/** Plain text of a page range (1-based, inclusive), from `pdftotext`. */
export function pdftotext(pdf: Uint8Array, first?: number, last?: number): string {
  return withFile(pdf, (file) => {
    const args = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : []), file, '-'];
    return execFileSync('pdftotext', args, { maxBuffer: 64 << 20 }).toString('utf8');
  });
}

/** `pdffonts` rows: name, type, encoding, emb, sub, uni. */
export function pdffonts(pdf: Uint8Array): { name: string; type: string; encoding: string; embedded: boolean; subset: boolean; unicode: boolean }[] {
  return withFile(pdf, (file) => {
    const out = execFileSync('pdffonts', [file]).toString('utf8').split('\n').slice(2).filter((l) => l.trim().length > 0);
    return out.map((l) => {
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      if (!m) throw new Error(`unexpected pdffonts line: ${l}`);
      return { name: m[1] ?? '', type: m[2] ?? '', encoding: m[3] ?? '', embedded: m[4] === 'yes', subset: m[5] === 'yes', unicode: m[6] === 'yes' };
    });
  });
}

/** Red pixels of `sealed` that are not red in `original` (the seal's own pixels), as a raster mask. */
export class RedMask {
  readonly bits: Uint8Array;
  constructor(readonly width: number, readonly height: number, sealed: Raster, original?: Raster) {
    this.bits = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (sealed.isRed(x, y) && !original?.isRed(x, y)) this.bits[y * width + x] = 1;
  }
  static of(sealed: Raster, original?: Raster): RedMask {
    return new RedMask(sealed.width, sealed.height, sealed, original);
  }
  at(x: number, y: number): boolean {
    return x >= 0 && y >= 0 && x < this.width && y < this.height && this.bits[y * this.width + x] === 1;
  }
  count(x0 = 0, y0 = 0, x1 = this.width, y1 = this.height): number {
    let n = 0;
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.height, Math.ceil(y1)); y++) for (let x = Math.max(0, Math.floor(x0)); x < Math.min(this.width, Math.ceil(x1)); x++) n += this.bits[y * this.width + x] ?? 0;
    return n;
  }
  bounds(): [number, number, number, number] | undefined {
    let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
    for (let y = 0; y < this.height; y++) for (let x = 0; x < this.width; x++) {
      if (this.bits[y * this.width + x] !== 1) continue;
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x + 1); y1 = Math.max(y1, y + 1);
    }
    return x1 < 0 ? undefined : [x0, y0, x1, y1];
  }
}

/** Pixels per mm at a resolution. */
export const pxPerMm = (dpi: number): number => dpi / 25.4;
