import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../src/detect/detect-format.js';
import { ConvertError } from '../src/errors.js';
import { requestedFonts } from '../src/fonts/requested-fonts.js';

const CORPUS = new URL('../../../../shared/samples/corpus/', import.meta.url);
const corpus = (name: string) => new Uint8Array(readFileSync(new URL(name, CORPUS)));

const CONTENT_TYPES = (main: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

function docx(main = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES(main)), 'word/document.xml': strToU8('<w:document/>'), ...extra });
}

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof ConvertError) return e.code;
    throw e;
  }
  return undefined;
}

describe('detectFormat', () => {
  it.each([
    ['poi__HeaderFooterUnicode.docx', 'docx', 'text'],
    ['poi__ShortLastBlock.wps', 'works', 'text'],
    ['poi__TestChineseProperties.doc', 'doc', 'text'],
    ['poi__TestUnicode.xls', 'xls', 'spreadsheet'],
    ['poi__bug55902-mixedFontChineseCharacters.ppt', 'ppt', 'presentation'],
    ['poi__unicodeSheetName.xlsx', 'xlsx', 'spreadsheet'],
    ['poi__with_japanese.pptx', 'pptx', 'presentation'],
    ['shihua-doc-formatter__红头文件.docx', 'docx', 'text'],
  ])('recognises %s by content as %s', (file, kind, family) => {
    const f = detectFormat(corpus(file));
    expect(f).toMatchObject({ kind, family, encrypted: false, macros: false });
  });

  it('sees the FIB fEncrypted flag of a password-protected .doc', () => {
    expect(detectFormat(corpus('poi__password_password_cryptoapi.doc'))).toMatchObject({ kind: 'doc', encrypted: true });
  });

  it('flags OOXML macros (macro-enabled main part or vbaProject.bin)', () => {
    expect(detectFormat(docx('application/vnd.ms-word.document.macroEnabled.main+xml'))).toMatchObject({ kind: 'docm', macros: true });
    expect(detectFormat(docx(undefined, { 'word/vbaProject.bin': new Uint8Array(8) }))).toMatchObject({ kind: 'docx', macros: true });
  });

  it('recognises ODF by its mimetype entry and flags Basic macros', () => {
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x/>'), 'Basic/Standard/Module1.xml': strToU8('<x/>') });
    expect(detectFormat(odt)).toMatchObject({ kind: 'odt', family: 'text', macros: true });
  });

  it('reports a main part named in [Content_Types].xml but missing as CONVERT_FAILED', () => {
    const broken = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')) });
    expect(code(() => detectFormat(broken))).toBe('CONVERT_FAILED');
  });

  it('reports a truncated ZIP package as CONVERT_FAILED', () => {
    const bytes = corpus('poi__checkboxes.docx');
    expect(code(() => detectFormat(bytes.subarray(0, bytes.length - 200)))).toBe('CONVERT_FAILED');
  });

  it('refuses empty input and unknown binary data with their own codes', () => {
    expect(code(() => detectFormat(new Uint8Array(0)))).toBe('CONVERT_EMPTY_INPUT');
    expect(code(() => detectFormat(Uint8Array.from({ length: 600 }, (_, i) => (i * 7919) % 256)))).toBe('CONVERT_UNSUPPORTED_FORMAT');
    expect(code(() => detectFormat(zipSync({ 'a.txt': strToU8('x') })))).toBe('CONVERT_UNSUPPORTED_FORMAT');
  });

  it('tells UTF-8, GB 18030 text, HTML, RTF, PDF and images apart', () => {
    const gb = Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4, 0xb2, 0xe2, 0xca, 0xd4, 0x0a); // 中文测试 in GB 18030
    expect(detectFormat(gb)).toMatchObject({ kind: 'txt', textEncoding: 'gb18030' });
    expect(detectFormat(strToU8('中文测试\n'))).toMatchObject({ kind: 'txt', textEncoding: 'utf-8' });
    expect(detectFormat(strToU8('<!DOCTYPE html><html><body>x</body></html>'))).toMatchObject({ kind: 'html' });
    expect(detectFormat(strToU8('{\\rtf1\\ansi hello}'))).toMatchObject({ kind: 'rtf' });
    expect(detectFormat(strToU8('%PDF-1.7\n'))).toMatchObject({ kind: 'pdf', family: 'pdf' });
    expect(detectFormat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toMatchObject({ kind: 'png', family: 'image' });
    expect(detectFormat(Uint8Array.of(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0))).toMatchObject({ kind: 'tiff' });
  });
});

describe('requestedFonts', () => {
  it('reads the fonts a DOCX names in its styles', () => {
    const bytes = corpus('shihua-doc-formatter__红头文件.docx');
    expect(requestedFonts(bytes, detectFormat(bytes))).toEqual(expect.arrayContaining(['FangSong', 'KaiTi', 'SimHei', '方正小标宋简体']));
  });
});
