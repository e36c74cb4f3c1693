// Composed official documents measured on the rendered page (poppler, 10 px/mm) against GB/T 9704-2012.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OfdDocument } from '@openseal/ofd';
import { afterAll, describe, expect, it } from 'vitest';
import { composeOfficialDocument, LINE_PITCH, officialTemplate, type ComposedDocument, type OfficialDocumentFields } from '../src/index.js';
import { bands, isDark, isRed, renderPages, type Raster } from './support/render-page.js';
import { testFonts } from './support/test-fonts.js';

const fonts = testFonts();
const tmp = mkdtempSync(join(tmpdir(), 'openseal-compose-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const FIELDS: OfficialDocumentFields = {
  copyNumber: 1,
  classification: { level: '机密', period: '1年' },
  urgency: '特急',
  documentNumber: '某府发〔2026〕12号',
  title: '某某市人民政府关于进一步加强电子印章管理工作的通知',
  mainRecipients: '各区县人民政府，市政府各委、办、局',
  body: [
    '为规范电子印章的制作、使用和管理，保障电子公文的真实性、完整性和有效性，根据《中华人民共和国电子签名法》等有关规定，结合本市实际，现就有关事项通知如下。',
    '一、统一规范电子印章制作。各单位电子印章由市密码管理部门统一制作，印章图像应当与实物印章一致。',
    '（一）严格审批程序。申请制作电子印章，应当提交书面申请，经主管部门审核同意。',
    '二、加强电子印章使用管理。电子印章与实物印章具有同等法律效力，各单位应当建立使用登记制度，做到专人管理、专机使用、“谁使用、谁负责”。',
  ],
  attachments: ['电子印章申请表', '电子印章使用登记簿'],
  date: '2026-11-25',
  notes: '此件公开发布',
  copyTo: '市委办公厅，市人大常委会办公厅，市政协办公厅',
  printedBy: '某某市人民政府办公室',
  printedDate: '2026-11-26',
};

const compose = (fields: OfficialDocumentFields, organisations = ['某某市人民政府'], format?: 'letter' | 'order') =>
  composeOfficialDocument(fields, officialTemplate({ organisations, ...(format ? { format } : {}), ...(format === 'order' ? { mastheadSuffix: '令' } : {}) }), fonts, { docId: '0'.repeat(32) });

describe('a composed 文件 measured on the rendered page', () => {
  const doc = compose(FIELDS);
  const pages = renderPages(doc.pdf);
  const p1 = pages[0] as Raster;

  it('puts the masthead top edge 35 mm under the type area (y = 72 mm), red and within the type area', () => {
    const red = bands(p1, isRed, 40, 110, 0, 210, 3);
    const masthead = red[0] as { top: number; left: number; right: number };
    expect(Math.abs(masthead.top - 72)).toBeLessThanOrEqual(1);
    expect(masthead.left).toBeGreaterThanOrEqual(28 - 0.5);
    expect(masthead.right).toBeLessThanOrEqual(184 + 0.5);
    expect(Math.abs((masthead.left + masthead.right) / 2 - 106)).toBeLessThanOrEqual(1);
  });

  it('draws the red separator line 4 mm under the 发文字号, as wide as the type area', () => {
    const line = bands(p1, isRed, 80, 140, 0, 210, 1400)[0] as { top: number; bottom: number; left: number; right: number };
    const y = (line.top + line.bottom) / 2;
    const number = bands(p1, isDark, 90, line.top).filter((b) => b.left > 60 && b.right < 150).pop() as { bottom: number; left: number; right: number };
    // The 4 mm run from the 发文字号's em box, whose bottom sits just below its glyphs' ink.
    expect(Math.abs(y - (number.bottom + 4))).toBeLessThanOrEqual(1);
    expect(Math.abs(y - (doc.geometry.redLineY as number))).toBeLessThanOrEqual(0.3);
    expect(Math.abs(line.left - 28)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(line.right - 184)).toBeLessThanOrEqual(0.5);
    expect(Math.abs((number.left + number.right) / 2 - 106)).toBeLessThanOrEqual(1);
  });

  it('stacks 份号, 密级 and 紧急程度 flush left from the first line of the type area', () => {
    const marks = bands(p1, isDark, 37, 72, 0, 100);
    expect(marks.length).toBe(3);
    marks.forEach((m, i) => {
      expect(m.top).toBeGreaterThanOrEqual(37 + i * LINE_PITCH);
      expect(m.bottom).toBeLessThanOrEqual(37 + (i + 1) * LINE_PITCH);
      expect(Math.abs(m.left - 28)).toBeLessThanOrEqual(1);
    });
  });

  it('keeps the body inside the 156 × 225 mm type area and justifies full lines to both edges', () => {
    for (const page of pages) {
      const body = bands(page, isDark, 37, 262);
      for (const b of body) {
        expect(b.left).toBeGreaterThanOrEqual(28 - 0.3);
        expect(b.right).toBeLessThanOrEqual(184 + 0.3);
      }
    }
    const full = bands(p1, isDark, 140, 262).filter((b) => b.right > 180);
    expect(full.length).toBeGreaterThan(2);
    for (const b of full) expect(Math.abs(b.right - 184)).toBeLessThanOrEqual(0.8);
  });

  it('numbers pages "— n —" 7 mm under the type area, odd right and even left, one character in', () => {
    pages.forEach((page, i) => {
      const num = bands(page, isDark, 263, 280)[0] as { top: number; bottom: number; left: number; right: number };
      expect(Math.abs((num.top + num.bottom) / 2 - 269)).toBeLessThanOrEqual(1);
      if (i % 2 === 0) expect(Math.abs(num.right - (184 - 156 / 28))).toBeLessThanOrEqual(1);
      else expect(Math.abs(num.left - (28 + 156 / 28))).toBeLessThanOrEqual(1);
    });
  });

  it('puts the seal centred on the date, over the 署名, its top within one line of the text', () => {
    const seal = doc.sealPosition as NonNullable<ComposedDocument['sealPosition']>;
    expect(seal.pageIndex).toBe(pages.length - 1);
    const page = pages[seal.pageIndex] as Raster;
    const lines = bands(page, isDark, 37, 240);
    // 署名 and date are the right-hand lines around the seal centre; the body text ends above the seal.
    const right = lines.filter((b) => b.left > 100 && b.top > seal.centreMm.y - 20 && b.bottom < seal.centreMm.y + 21);
    const [signature, date] = right as [(typeof lines)[0], (typeof lines)[0]];
    expect(Math.abs((date.left + date.right) / 2 - seal.centreMm.x)).toBeLessThanOrEqual(1);
    expect(Math.abs((signature.left + signature.right) / 2 - seal.centreMm.x)).toBeLessThanOrEqual(1);
    // 右空四字: the date's last character cell ends 4 cells from the right edge; its ink ends a side bearing earlier.
    const cellEnd = 184 - 4 * (156 / 28);
    expect(date.right).toBeLessThanOrEqual(cellEnd + 0.3);
    expect(date.right).toBeGreaterThanOrEqual(cellEnd - 1.5);
    expect(signature.top).toBeGreaterThan(seal.centreMm.y - 5);
    expect(date.bottom).toBeLessThan(seal.centreMm.y + seal.sizeMm / 2);
    const textAbove = lines.filter((b) => b.bottom < signature.top - 1).pop() as { bottom: number };
    const sealTop = seal.centreMm.y - seal.sizeMm / 2;
    expect(sealTop).toBeGreaterThan(textAbove.bottom);
    expect(sealTop - textAbove.bottom).toBeLessThanOrEqual(LINE_PITCH);
  });

  it('closes the last page with the 版记: the last line on the type area bottom edge', () => {
    const last = pages[pages.length - 1] as Raster;
    const rules = bands(last, isDark, 200, 265, 0, 210, 1400);
    expect(rules.length).toBeGreaterThanOrEqual(3);
    const bottom = rules[rules.length - 1] as { top: number; bottom: number };
    expect(Math.abs((bottom.top + bottom.bottom) / 2 - 262)).toBeLessThanOrEqual(0.5);
  });

  it('keeps the text searchable and writes the same text into the OFD', () => {
    const path = join(tmp, 'doc.pdf');
    writeFileSync(path, doc.pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('某某市人民政府文件');
    expect(text).toContain('某府发〔2026〕12号');
    expect(text).toContain('“谁使用、谁负责”');
    const fontsOut = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fontsOut).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    const ofd = OfdDocument.read(doc.ofd);
    expect(ofd.pageCount).toBe(doc.pageCount);
  });
});

describe('joint documents, letters and orders', () => {
  it('gives each organ of a joint document its own seal; seals do not touch and stay in the type area', () => {
    const doc = compose({ ...FIELDS, signatures: ['某某市人民政府', '某某市财政局'] }, ['某某市人民政府', '某某市财政局']);
    expect(doc.sealPositions.length).toBe(2);
    const [a, b] = doc.sealPositions as [NonNullable<ComposedDocument['sealPosition']>, NonNullable<ComposedDocument['sealPosition']>];
    expect(Math.hypot(a.centreMm.x - b.centreMm.x, a.centreMm.y - b.centreMm.y)).toBeGreaterThan(a.sizeMm);
    for (const s of [a, b]) {
      expect(s.centreMm.x - s.sizeMm / 2).toBeGreaterThanOrEqual(28);
      expect(s.centreMm.x + s.sizeMm / 2).toBeLessThanOrEqual(184);
    }
    // The masthead stacks both names with 文件 on their right.
    const red = bands(renderPages(doc.pdf)[0] as Raster, isRed, 60, 120, 0, 210, 3);
    expect(red.length).toBeGreaterThanOrEqual(1);
  });

  it('lays out a letter: masthead 30 mm from the page top, double red lines, no number on page 1', () => {
    const doc = compose(FIELDS, ['某某市人民政府办公室'], 'letter');
    const p1 = renderPages(doc.pdf)[0] as Raster;
    const red = bands(p1, isRed, 20, 60, 0, 210, 3);
    expect(Math.abs((red[0] as { top: number }).top - 30)).toBeLessThanOrEqual(1);
    const lines = bands(p1, isRed, 30, 297, 0, 210, 1600);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(Math.abs((lines[lines.length - 1] as { bottom: number }).bottom - 277)).toBeLessThanOrEqual(1.5);
    expect(bands(p1, isDark, 263, 280).length).toBe(0);
  });

  it('lays out an order: masthead 20 mm under the type area top, no separator line', () => {
    const doc = compose({ ...FIELDS, documentNumber: '第12号', signatures: ['市长'] }, ['某某市人民政府'], 'order');
    const p1 = renderPages(doc.pdf)[0] as Raster;
    expect(Math.abs((bands(p1, isRed, 40, 120, 0, 210, 3)[0] as { top: number }).top - 57)).toBeLessThanOrEqual(1);
    expect(bands(p1, isRed, 60, 200, 0, 210, 1400).length).toBe(0);
    expect(doc.geometry.redLineY).toBeUndefined();
  });
});
