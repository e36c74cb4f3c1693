/**
 * Format detection by content, never by file name: OLE2 compound files by their streams, OOXML by
 * [Content_Types].xml and its main part, ODF by the `mimetype` entry, then RTF, PDF, images, HTML and
 * plain text (UTF-8/UTF-16 by BOM or validity, else GB 18030).
 */
import { ConvertError } from '../errors.js';
import { CfbFormatError, CfbReader, isCfb } from './cfb-reader.js';
import { detectTextEncoding, type TextEncoding } from './text-encoding.js';
import { isZip, listZipEntries, readZipEntry, ZipFormatError, type ZipEntry } from './zip-directory.js';

export type SourceKind =
  | 'doc' | 'docx' | 'docm' | 'dotx' | 'dotm' | 'odt' | 'ott' | 'fodt' | 'rtf' | 'txt' | 'html' | 'works' | 'word2003xml'
  | 'xls' | 'xlsx' | 'xlsm' | 'xltx' | 'ods' | 'fods'
  | 'ppt' | 'pptx' | 'pptm' | 'ppsx' | 'odp' | 'fodp' | 'odg'
  | 'png' | 'jpeg' | 'tiff' | 'pdf' | 'ofd';

export type SourceFamily = 'text' | 'spreadsheet' | 'presentation' | 'drawing' | 'image' | 'pdf' | 'ofd';

export interface DetectedFormat {
  readonly kind: SourceKind;
  readonly family: SourceFamily;
  /** Extension for the temporary file handed to LibreOffice (it also sniffs, but a right name helps). */
  readonly extension: string;
  readonly encrypted: boolean;
  /** VBA project or Basic/Script storage present. */
  readonly macros: boolean;
  readonly textEncoding?: TextEncoding;
}

const OOXML_MAIN: readonly { re: RegExp; kind: SourceKind; family: SourceFamily; macros?: boolean }[] = [
  { re: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document\.main\+xml$/, kind: 'docx', family: 'text' },
  { re: /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.template\.main\+xml$/, kind: 'dotx', family: 'text' },
  { re: /^application\/vnd\.ms-word\.document\.macroEnabled\.main\+xml$/i, kind: 'docm', family: 'text', macros: true },
  { re: /^application\/vnd\.ms-word\.template\.macroEnabledTemplate\.main\+xml$/i, kind: 'dotm', family: 'text', macros: true },
  { re: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml$/, kind: 'xlsx', family: 'spreadsheet' },
  { re: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.template\.main\+xml$/, kind: 'xltx', family: 'spreadsheet' },
  { re: /^application\/vnd\.ms-excel\.(sheet|template)\.macroEnabled\.main\+xml$/i, kind: 'xlsm', family: 'spreadsheet', macros: true },
  { re: /^application\/vnd\.openxmlformats-officedocument\.presentationml\.presentation\.main\+xml$/, kind: 'pptx', family: 'presentation' },
  { re: /^application\/vnd\.openxmlformats-officedocument\.presentationml\.slideshow\.main\+xml$/, kind: 'ppsx', family: 'presentation' },
  { re: /^application\/vnd\.ms-powerpoint\.(presentation|slideshow)\.macroEnabled\.main\+xml$/i, kind: 'pptm', family: 'presentation', macros: true },
];

const ODF_MIME: Readonly<Record<string, { kind: SourceKind; family: SourceFamily }>> = {
  'application/vnd.oasis.opendocument.text': { kind: 'odt', family: 'text' },
  'application/vnd.oasis.opendocument.text-template': { kind: 'ott', family: 'text' },
  'application/vnd.oasis.opendocument.spreadsheet': { kind: 'ods', family: 'spreadsheet' },
  'application/vnd.oasis.opendocument.presentation': { kind: 'odp', family: 'presentation' },
  'application/vnd.oasis.opendocument.graphics': { kind: 'odg', family: 'drawing' },
};

const EXTENSION: Partial<Record<SourceKind, string>> = { jpeg: 'jpg', works: 'wps', word2003xml: 'xml' };

function format(kind: SourceKind, family: SourceFamily, extra: Partial<Omit<DetectedFormat, 'kind' | 'family' | 'extension'>> = {}): DetectedFormat {
  return { kind, family, extension: EXTENSION[kind] ?? kind, encrypted: false, macros: false, ...extra };
}

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (bytes.length === 0) throw new ConvertError('CONVERT_EMPTY_INPUT');
  if (isCfb(bytes)) return detectCfb(bytes);
  if (isZip(bytes)) return detectZip(bytes);
  const head = latin1(bytes.subarray(0, 1024));
  if (head.startsWith('{\\rtf')) return format('rtf', 'text');
  if (head.includes('%PDF-')) return format('pdf', 'pdf');
  if (bytes[0] === 0x89 && head.startsWith('\x89PNG\r\n\x1a\n')) return format('png', 'image');
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return format('jpeg', 'image');
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return format('tiff', 'image');
  const encoding = detectTextEncoding(bytes);
  if (encoding === undefined) throw new ConvertError('CONVERT_UNSUPPORTED_FORMAT', {}, { reason: 'not a known document, image or text format' });
  const text = new TextDecoder(encoding).decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart().slice(0, 2048).toLowerCase();
  if (/^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*<office:document\b/.test(text)) {
    const mime = /office:mimetype="([^"]+)"/.exec(text)?.[1] ?? '';
    if (mime.endsWith('opendocument.text')) return format('fodt', 'text', { textEncoding: encoding });
    if (mime.endsWith('opendocument.spreadsheet')) return format('fods', 'spreadsheet', { textEncoding: encoding });
    if (mime.endsWith('opendocument.presentation')) return format('fodp', 'presentation', { textEncoding: encoding });
  }
  if (text.startsWith('<?xml') && (text.includes('<?mso-application progid="word.document"?>') || text.includes('<w:worddocument'))) {
    return format('word2003xml', 'text', { textEncoding: encoding });
  }
  if (/^(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>])/.test(text) || /<(html|head|body)[\s>]/.test(text.slice(0, 1024))) {
    return format('html', 'text', { textEncoding: encoding });
  }
  return format('txt', 'text', { textEncoding: encoding });
}

function detectCfb(bytes: Uint8Array): DetectedFormat {
  let cfb: CfbReader;
  try {
    cfb = new CfbReader(bytes);
  } catch (e) {
    if (e instanceof CfbFormatError) throw new ConvertError('CONVERT_FAILED', {}, { reason: `damaged compound file (${e.message})`, cause: e });
    throw e;
  }
  const has = (path: string) => cfb.find(path) !== undefined;
  // ECMA-376 / [MS-OFFCRYPTO] §2.3.4: an encrypted OOXML file is a compound file with these two streams.
  // The inner type is unknown until decrypted; LibreOffice sniffs it after applying the password.
  if (has('EncryptionInfo') && has('EncryptedPackage')) return format('docx', 'text', { encrypted: true });
  const word = cfb.find('WordDocument');
  if (word !== undefined) {
    // [MS-DOC] §2.5.2 FibBase: flags word at offset 0x0A, fEncrypted = 0x0100.
    const fib = cfb.read(word, 12);
    const encrypted = fib.length >= 12 && ((fib[10] as number) | ((fib[11] as number) << 8)) & 0x0100 ? true : false;
    return format('doc', 'text', { encrypted, macros: has('Macros') || has('_VBA_PROJECT_CUR') });
  }
  const book = cfb.find('Workbook') ?? cfb.find('Book');
  if (book !== undefined) {
    return format('xls', 'spreadsheet', { encrypted: xlsHasFilePass(cfb.read(book, 256 * 1024)), macros: has('_VBA_PROJECT_CUR') });
  }
  if (has('PowerPoint Document')) {
    // [MS-PPT] §2.3.7: encrypted presentations carry an EncryptedSummary stream next to the document.
    return format('ppt', 'presentation', { encrypted: has('EncryptedSummary'), macros: cfb.entries.some((e) => /^_VBA_PROJECT/i.test(e.name)) });
  }
  if (has('MatOST') || has('CONTENTS')) return format('works', 'text');
  throw new ConvertError('CONVERT_UNSUPPORTED_FORMAT', { container: 'OLE2' }, { reason: 'a compound file that is not a Word, Excel, PowerPoint or Works document' });
}

/** [MS-XLS] §2.4.117 FilePass (0x002F) follows BOF in the workbook globals when the file is encrypted. */
function xlsHasFilePass(stream: Uint8Array): boolean {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  for (let off = 0, n = 0; off + 4 <= stream.length && n < 10_000; n++) {
    const type = view.getUint16(off, true);
    if (type === 0x002f) return true;
    if (type === 0x000a) return false; // EOF of the globals substream
    off += 4 + view.getUint16(off + 2, true);
  }
  return false;
}

function detectZip(bytes: Uint8Array): DetectedFormat {
  let entries: ZipEntry[];
  try {
    entries = listZipEntries(bytes);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const mimetype = byName.get('mimetype');
    if (mimetype !== undefined) {
      const mime = latin1(readZipEntry(bytes, mimetype, 256)).trim();
      const odf = ODF_MIME[mime];
      if (odf === undefined) throw new ConvertError('CONVERT_UNSUPPORTED_FORMAT', { mimetype: mime });
      // ODF 1.2 §3.16: encrypted entries are listed with manifest:encryption-data in the manifest.
      const manifest = byName.get('META-INF/manifest.xml');
      const encrypted = manifest !== undefined && latin1(readZipEntry(bytes, manifest)).includes('encryption-data');
      const macros = entries.some((e) => /^(Basic|Scripts)\/.+/.test(e.name) && !e.name.endsWith('/'));
      return format(odf.kind, odf.family, { encrypted, macros });
    }
    const types = byName.get('[Content_Types].xml');
    if (types !== undefined) {
      const xml = new TextDecoder().decode(readZipEntry(bytes, types));
      for (const m of xml.matchAll(/<Override\b[^>]*>/g)) {
        const part = /PartName="\/?([^"]+)"/.exec(m[0])?.[1];
        const type = /ContentType="([^"]+)"/.exec(m[0])?.[1];
        if (part === undefined || type === undefined) continue;
        const main = OOXML_MAIN.find((x) => x.re.test(type));
        if (main === undefined) continue;
        if (!byName.has(decodeURIComponent(part))) throw new ConvertError('CONVERT_FAILED', { part }, { reason: 'the main part named in [Content_Types].xml is missing' });
        const macros = main.macros === true || entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name));
        return format(main.kind, main.family, { macros });
      }
      throw new ConvertError('CONVERT_UNSUPPORTED_FORMAT', { container: 'OPC' }, { reason: 'an Open Packaging file without a Word, Excel or PowerPoint main part' });
    }
    if (byName.has('OFD.xml')) return format('ofd', 'ofd');
  } catch (e) {
    if (e instanceof ZipFormatError) throw new ConvertError('CONVERT_FAILED', {}, { reason: `damaged ZIP package (${e.message})`, cause: e });
    throw e;
  }
  throw new ConvertError('CONVERT_UNSUPPORTED_FORMAT', { container: 'ZIP' }, { reason: 'a ZIP archive that is not an Office, OpenDocument or OFD package' });
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}
