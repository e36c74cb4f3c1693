import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const samples = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/samples');
const dir = mkdtempSync(join(tmpdir(), 'cli-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openseal render / convert', () => {
  it('renders an OFD page to PNG and SVG, and a PDF page to PNG', async () => {
    const png = await runCli(['render', `${samples}/ofd/ofdrw-converter__1.ofd`, '--page', '1', '--dpi', '50', '-o', join(dir, 'p.png')]);
    expect(png.code, png.stderr).toBe(0);
    expect([...readFileSync(join(dir, 'p.png')).subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect((await runCli(['render', `${samples}/ofd/ofdrw-converter__1.ofd`, '-o', join(dir, 'p.svg')])).code).toBe(0);
    expect(readFileSync(join(dir, 'p.svg'), 'utf8')).toContain('发票');
    expect((await runCli(['render', `${samples}/pdf/ofdrw__Test.pdf`, '--page', '2', '--dpi', '40', '-o', join(dir, 'pdf.png')])).code).toBe(0);
    expect(execFileSync('file', [join(dir, 'pdf.png')]).toString()).toContain('PNG image');
  });

  it('converts OFD → PDF and PDF → OFD by content, and refuses a page out of range as a usage error', async () => {
    expect((await runCli(['convert', `${samples}/ofd/ofdrw-converter__1.ofd`, '-o', join(dir, 'i.pdf'), '--attach-original'])).code).toBe(0);
    expect(execFileSync('pdftotext', [join(dir, 'i.pdf'), '-']).toString()).toContain('电子普通发票');
    const toOfd = await runCli(['convert', `${samples}/pdf/ofdrw__Test.pdf`, '-o', join(dir, 't.ofd'), '--json']);
    expect(toOfd.code, toOfd.stderr).toBe(0);
    expect(JSON.parse(toOfd.stdout)).toMatchObject({ pages: 5 });
    expect((await runCli(['render', `${samples}/ofd/ofdrw-converter__1.ofd`, '--page', '9', '-o', join(dir, 'x.png')])).code).toBe(2);
  });
});
