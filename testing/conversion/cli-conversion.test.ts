// The conversion, composition and seal-picture commands of the CLI, end to end in-process.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePng } from '@openseal/images';
import { OfdDocument } from '@openseal/ofd';
import { afterAll, describe, expect, it } from 'vitest';
import { processContext } from '../../apps/cli/src/context.js';
import { main } from '../../apps/cli/src/main.js';

const tmp = mkdtempSync(join(tmpdir(), 'openseal-cli-conv-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const CORPUS = new URL('../../../shared/samples/corpus/', import.meta.url);

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { ...processContext(), stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const pdfText = (path: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });

describe('openseal compose / redhead', () => {
  const fields = join(tmp, 'fields.json');
  writeFileSync(fields, JSON.stringify({
    documentNumber: '某府发〔2026〕7号', title: '关于做好电子公文交换工作的通知', mainRecipients: '各区县人民政府',
    body: ['现将有关事项通知如下。', '一、各单位应当使用统一的电子公文交换系统。'], date: '2026-11-25',
    copyTo: '市委办公厅', printedBy: '某某市人民政府办公室', printedDate: '2026-11-26',
  }));

  it('composes a PDF and an OFD and prints the seal position', async () => {
    const r = await run('compose', fields, '-o', join(tmp, 'c.pdf'), '--json');
    expect(r.code, r.err).toBe(0);
    const info = JSON.parse(r.out) as { pages: number; sealPosition: { pageIndex: number; centreMm: { x: number; y: number }; sizeMm: number } };
    expect(info.pages).toBe(1);
    expect(info.sealPosition.sizeMm).toBe(42);
    expect(pdfText(join(tmp, 'c.pdf'))).toContain('关于做好电子公文交换工作的通知');
    const joint = await run('compose', fields, '-o', join(tmp, 'c.ofd'), '--template', 'joint', '--json');
    expect(joint.code, joint.err).toBe(0);
    const jointInfo = JSON.parse(joint.out) as { pages: number; sealPositions: unknown[] };
    expect(jointInfo.sealPositions.length).toBe(2);
    expect(OfdDocument.read(new Uint8Array(readFileSync(join(tmp, 'c.ofd')))).pageCount).toBe(jointInfo.pages);
  });

  it('refuses bad fields and unknown templates as usage errors', async () => {
    writeFileSync(join(tmp, 'bad.json'), JSON.stringify({ title: 'x' }));
    expect((await run('compose', join(tmp, 'bad.json'), '-o', join(tmp, 'b.pdf'))).code).toBe(1);
    expect((await run('compose', fields, '-o', join(tmp, 'b.pdf'), '--template', 'nonesuch')).code).toBe(2);
  });

  it('puts a red header on a PDF', async () => {
    const r = await run('redhead', join(tmp, 'c.pdf'), '--template', 'letter', '--number', '某办函〔2026〕1号', '-o', join(tmp, 'rh.pdf'));
    expect(r.code, r.err).toBe(0);
    const t = pdfText(join(tmp, 'rh.pdf'));
    expect(t).toContain('某办函〔2026〕1号');
    expect(t).toContain('关于做好电子公文交换工作的通知');
  });
});

describe('openseal seal image / cutout', () => {
  it('draws SVG and PNG seal pictures of the requested size', async () => {
    expect((await run('seal', 'image', '--name', '某某市人民政府', '--purpose', '合同专用章', '--size', '40', '-o', join(tmp, 's.svg'))).code).toBe(0);
    expect(readFileSync(join(tmp, 's.svg'), 'utf8')).toMatch(/width="40mm"/);
    expect((await run('seal', 'image', '--name', '某某市人民政府', '--dpi', '200', '-o', join(tmp, 's.png'))).code).toBe(0);
    const png = decodePng(new Uint8Array(readFileSync(join(tmp, 's.png'))));
    expect(png.width).toBe(Math.ceil((42 * 200) / 25.4));
    expect((await run('seal', 'image', '--name', '某某', '--shape', 'hexagon', '-o', join(tmp, 'x.png'))).code).toBe(2);
    expect((await run('seal', 'cutout', join(tmp, 's.png'), '-o', join(tmp, 'cut.png'))).code).toBe(0);
    expect(decodePng(new Uint8Array(readFileSync(join(tmp, 'cut.png')))).hasAlpha).toBe(true);
  });
});

describe('openseal convert (Office and images)', () => {
  it('converts a DOCX to PDF and to OFD', async () => {
    const r = await run('convert', fileURLToPath(new URL('shihua-doc-formatter__工作表单.docx', CORPUS)), '-o', join(tmp, 'w.pdf'), '--json');
    expect(r.code, r.err).toBe(0);
    const info = JSON.parse(r.out) as { pages: number; substitutedFonts: { requested: string; used: string }[] };
    expect(info.pages).toBe(1);
    expect(Array.isArray(info.substitutedFonts)).toBe(true);
    expect(pdfText(join(tmp, 'w.pdf'))).toContain('拟稿部门');
    expect((await run('convert', fileURLToPath(new URL('shihua-doc-formatter__工作表单.docx', CORPUS)), '-o', join(tmp, 'w.ofd'))).code).toBe(0);
    expect(OfdDocument.read(new Uint8Array(readFileSync(join(tmp, 'w.ofd')))).pageCount).toBe(1);
  }, 60_000);

  it('converts an image without LibreOffice, and fails clearly on a password-protected document', async () => {
    expect((await run('convert', join(tmp, 's.png'), '-o', join(tmp, 'img.pdf'))).code).toBe(0);
    expect(existsSync(join(tmp, 'img.pdf'))).toBe(true);
    const r = await run('convert', fileURLToPath(new URL('poi__password_password_cryptoapi.doc', CORPUS)), '-o', join(tmp, 'e.pdf'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('CONVERT_PASSWORD_REQUIRED');
  }, 60_000);
});
