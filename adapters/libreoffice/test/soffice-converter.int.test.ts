// Integration: real LibreOffice (Debian libreoffice-*-nogui + python3-uno), the third-party corpus, and
// the pool's failure handling. Reference output comes from cold `soffice --convert-to pdf`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConvertError, SofficeDocumentConverter, type ConversionResult } from '../src/index.js';
import { profileRegistryXml } from '../src/profile.js';

const CORPUS = new URL('../../../../shared/samples/corpus/', import.meta.url);
const corpusFiles = readdirSync(CORPUS).filter((f) => !f.includes('password')).sort();
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, CORPUS)));
const CJK = /[\u4e00-\u9fff]/;
const CJK_FONT = /CJK|UMing|UKai|ZenHei/i;

const tmp = mkdtempSync(join(tmpdir(), 'openseal-lo-test-'));
const pdfText = (pdf: Uint8Array, name: string) => {
  const path = join(tmp, `${name}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
};
const squash = (s: string) => s.replace(/\s+/g, '');

/** Many lines of text: LibreOffice needs seconds to lay it out (a stand-in for a document that hangs it). */
const slowText = (lines: number) => new TextEncoder().encode(Array.from({ length: lines }, (_, i) => `第${i}行 这是一个用于测试转换时间限制的很长的文本行 with some English words ${i}`).join('\n'));

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ConvertError) return e.code;
    throw e;
  }
  return 'converted';
}

function running(pattern: string): string {
  return spawnSync('pgrep', ['-af', pattern], { encoding: 'utf8' }).stdout.trim();
}

let converter: SofficeDocumentConverter;
const results = new Map<string, ConversionResult>();

beforeAll(async () => {
  converter = await SofficeDocumentConverter.start({ workers: 2 });
  await Promise.all(corpusFiles.map(async (f) => results.set(f, await converter.toPdf(read(f)))));
});

afterAll(async () => {
  await converter?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the corpus through the pool', () => {
  let reference: Map<string, { pages: number; text: string }>;

  beforeAll(() => {
    // LibreOffice alone, cold, with the same font configuration and profile settings.
    const profile = join(tmp, 'ref-profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), profileRegistryXml());
    const out = join(tmp, 'ref');
    mkdirSync(out);
    const inputs = corpusFiles.map((f) => {
      const p = join(tmp, `in-${f}`);
      writeFileSync(p, read(f));
      return p;
    });
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...inputs], {
      env: { ...process.env, FONTCONFIG_FILE: converter.pool.fontconfigFile },
      stdio: 'ignore',
      timeout: 180_000,
    });
    reference = new Map(
      corpusFiles.map((f) => {
        const pdf = join(out, `in-${f.replace(/\.[^.]+$/, '')}.pdf`);
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
        return [f, { pages, text: execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }) }];
      }),
    );
  }, 240_000);

  it.each(corpusFiles)('%s: same page count and text as LibreOffice alone', (f) => {
    const r = results.get(f) as ConversionResult;
    const ref = reference.get(f) as { pages: number; text: string };
    expect(r.pages).toBeGreaterThan(0);
    expect(r.pages).toBe(ref.pages);
    expect(squash(pdfText(r.pdf, f))).toBe(squash(ref.text));
  });

  it.each(['poi__TestChineseProperties.doc', 'poi__bug55902-mixedFontChineseCharacters.ppt', 'shihua-doc-formatter__工作表单.docx'])(
    '%s shows Chinese text in an embedded CJK font, with ink on the page',
    (f) => {
      const r = results.get(f) as ConversionResult;
      expect(pdfText(r.pdf, f)).toMatch(CJK);
      expect(r.fonts.filter((x) => CJK_FONT.test(x.name) && x.embedded).length).toBeGreaterThan(0);
      const pgm = join(tmp, `${f}.r`);
      execFileSync('pdftoppm', ['-r', '36', '-gray', '-f', '1', '-l', '1', join(tmp, `${f}.pdf`), pgm]);
      const img = readFileSync(readdirSync(tmp).map((n) => join(tmp, n)).find((p) => p.startsWith(pgm)) as string);
      let dark = 0;
      for (let i = img.length - 1; i > img.length - 200_000 && i > 20; i--) if ((img[i] as number) < 128) dark++;
      expect(dark).toBeGreaterThan(50);
    },
  );

  it('maps 公文 fonts to free Chinese faces and reports each substitution', async () => {
    const run = (font: string, text: string) => `<w:p><w:r><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}"/><w:lang w:eastAsia="zh-CN"/></w:rPr><w:t>${text}</w:t></w:r></w:p>`;
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${run('方正小标宋简体', '关于电子印章的通知')}${run('仿宋_GB2312', '正文用仿宋')}${run('黑体', '一、标题用黑体')}${run('楷体_GB2312', '（一）标题用楷体')}</w:body></w:document>`),
    });
    const r = await converter.toPdf(docx);
    expect(r.substitutedFonts).toEqual(expect.arrayContaining([
      { requested: '方正小标宋简体', used: 'Noto Serif CJK SC' },
      { requested: '仿宋_GB2312', used: 'AR PL UMing CN' },
      { requested: '黑体', used: 'WenQuanYi Zen Hei' },
      { requested: '楷体_GB2312', used: 'AR PL UKai CN' },
    ]));
    expect(r.warnings.map((w) => w.code)).toContain('FONT_SUBSTITUTED');
    expect(r.fonts.map((f) => f.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^UMingCN/), expect.stringMatching(/^UKaiCN/), expect.stringMatching(/^WenQuanYiZenHei/), expect.stringMatching(/^NotoSerifCJK/)]));
    expect(squash(pdfText(r.pdf, 'fonts'))).toContain('关于电子印章的通知正文用仿宋');
  });
});

describe('documents the converter refuses or flags', () => {
  it('requires the password of an encrypted .doc, and converts with it', async () => {
    const bytes = read('../corpus/poi__password_password_cryptoapi.doc');
    expect(await failure(converter.toPdf(bytes))).toBe('CONVERT_PASSWORD_REQUIRED');
    expect(await failure(converter.toPdf(bytes, { password: 'wrong' }))).toBe('CONVERT_PASSWORD_INCORRECT');
    const r = await converter.toPdf(bytes, { password: 'password' });
    expect(r.pages).toBeGreaterThan(0);
  });

  it('refuses empty, unknown, damaged and oversized input with distinct codes', async () => {
    expect(await failure(converter.toPdf(new Uint8Array(0)))).toBe('CONVERT_EMPTY_INPUT');
    expect(await failure(converter.toPdf(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)))).toBe('CONVERT_UNSUPPORTED_FORMAT');
    const docx = read('poi__checkboxes.docx');
    expect(await failure(converter.toPdf(docx.subarray(0, 5000)))).toBe('CONVERT_FAILED');
    const small = await SofficeDocumentConverter.start({ workers: 1, maxInputBytes: 1000 });
    try {
      expect(await failure(small.toPdf(docx))).toBe('CONVERT_TOO_LARGE');
    } finally {
      await small.close();
    }
  });

  it('converts a macro-enabled document with macros disabled and flags it, or refuses it by policy', async () => {
    const parts = unzipSync(read('shihua-doc-formatter__工作表单.docx'));
    const types = strFromU8(parts['[Content_Types].xml'] as Uint8Array).replace('wordprocessingml.document.main+xml', 'X').replace('application/vnd.openxmlformats-officedocument.X', 'application/vnd.ms-word.document.macroEnabled.main+xml');
    const docm = zipSync({ ...parts, '[Content_Types].xml': strToU8(types), 'word/vbaProject.bin': new Uint8Array(512) });
    const r = await converter.toPdf(docm);
    expect(r.format).toMatchObject({ kind: 'docm', macros: true });
    expect(r.warnings.map((w) => w.code)).toContain('MACROS_DISABLED');
    expect(pdfText(r.pdf, 'docm')).toContain('拟稿部门');
    const strict = await SofficeDocumentConverter.start({ workers: 1, macroPolicy: 'refuse' });
    try {
      expect(await failure(strict.toPdf(docm))).toBe('CONVERT_MACROS_REFUSED');
    } finally {
      await strict.close();
    }
  });

  it('produces PDF/A-2b on request', async () => {
    const r = await converter.toPdf(read('poi__simple-table.doc'), { pdfa: true });
    expect(new TextDecoder('latin1').decode(r.pdf)).toMatch(/pdfaid:part(>|=")2/);
    expect(r.warnings.map((w) => w.code)).not.toContain('PDFA_NOT_APPLIED');
  });

  it('converts GB 18030 text with its Chinese characters', async () => {
    const gb = Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4, 0xb2, 0xe2, 0xca, 0xd4, 0x0a); // 中文测试
    const r = await converter.toPdf(gb);
    expect(pdfText(r.pdf, 'gb')).toContain('中文测试');
  });
});

describe('pool robustness', () => {
  it('survives a worker killed mid-conversion: the document is retried on a fresh worker', async () => {
    const pool = await SofficeDocumentConverter.start({ workers: 1 });
    try {
      const job = pool.toPdf(slowText(3000));
      await new Promise((r) => setTimeout(r, 600));
      process.kill(pool.pool.workers[0]?.sofficePid as number, 'SIGKILL');
      const r = await job;
      expect(r.pages).toBeGreaterThan(10);
      expect(pool.pool.restarts).toBeGreaterThanOrEqual(1);
      expect((await pool.toPdf(read('poi__simple-table.doc'))).pages).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('kills a document that exceeds the time limit, and the next ones still convert', async () => {
    const pool = await SofficeDocumentConverter.start({ workers: 1, jobTimeoutMs: 2500, warmUp: true });
    try {
      const started = performance.now();
      const [slow, next] = await Promise.all([failure(pool.toPdf(slowText(20_000))), pool.toPdf(read('poi__simple-table.doc'))]);
      expect(slow).toBe('CONVERT_TIMEOUT');
      expect(next.pages).toBe(1);
      expect(performance.now() - started).toBeLessThan(20_000);
    } finally {
      await pool.close();
    }
  });

  it('converts 20 documents concurrently: every good one converts, every bad one fails clearly, nothing is left running', async () => {
    const good = corpusFiles.map((f) => ({ name: f, bytes: read(f) }));
    good.push({ name: 'page.html', bytes: new TextEncoder().encode('<html><body><p>公文 HTML</p></body></html>') });
    const bad = [
      { name: 'encrypted', bytes: read('../corpus/poi__password_password_cryptoapi.doc'), code: 'CONVERT_PASSWORD_REQUIRED' },
      { name: 'empty', bytes: new Uint8Array(0), code: 'CONVERT_EMPTY_INPUT' },
      { name: 'junk', bytes: Uint8Array.from({ length: 2048 }, (_, i) => (i * 31) % 253), code: 'CONVERT_UNSUPPORTED_FORMAT' },
      { name: 'truncated', bytes: read('poi__issue_51265_1.docx').subarray(0, 100_000), code: 'CONVERT_FAILED' },
      { name: 'hangs', bytes: slowText(20_000), code: 'CONVERT_TIMEOUT' },
    ];
    expect(good.length + bad.length).toBe(20);
    const pool = await SofficeDocumentConverter.start({ workers: 2, jobTimeoutMs: 4000 });
    const dir = pool.pool.dir;
    const pids: number[] = [];
    try {
      pids.push(...pool.pool.pids);
      const outcomes = await Promise.all([
        ...good.map(async (g) => ({ name: g.name, want: 'converted', got: await failure(pool.toPdf(g.bytes)) })),
        ...bad.map(async (b) => ({ name: b.name, want: b.code, got: await failure(pool.toPdf(b.bytes)) })),
      ]);
      pids.push(...pool.pool.pids);
      expect(outcomes.filter((o) => o.got !== o.want)).toEqual([]);
    } finally {
      await pool.close();
    }
    expect(running(dir)).toBe('');
    expect(running(basename(dir))).toBe('');
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 120_000);
});
