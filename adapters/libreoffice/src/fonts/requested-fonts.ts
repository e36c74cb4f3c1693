/**
 * Font names a document asks for, read cheaply from its XML: OOXML run fonts (w:rFonts, a:latin/a:ea,
 * spreadsheet <name>), ODF font-face declarations. Binary formats (.doc/.xls/.ppt) are not read: the
 * caller then reports only what it can see in the produced PDF.
 */
import type { DetectedFormat } from '../detect/detect-format.js';
import { listZipEntries, readZipEntry, ZipFormatError } from '../detect/zip-directory.js';

const PARTS: readonly RegExp[] = [
  /^word\/(document|styles|fontTable|header\d*|footer\d*|footnotes|endnotes|numbering)\.xml$/,
  /^xl\/styles\.xml$/,
  /^(ppt\/(slides\/slide\d+|slideMasters\/slideMaster\d+|slideLayouts\/slideLayout\d+)|(word|xl|ppt)\/theme\/theme\d+)\.xml$/,
  /^(content|styles)\.xml$/,
];

const PATTERNS: readonly RegExp[] = [
  /<w:rFonts\b([^>]*)>/g, // attributes handled below
  /<a:(?:latin|ea|cs)\b[^>]*\btypeface="([^"]+)"/g,
  /<(?:x:)?name\s+val="([^"]+)"/g,
  /<style:font-face\b[^>]*\bsvg:font-family="([^"]+)"/g,
  /<w:font\s+w:name="([^"]+)"/g,
];

const MAX_PART = 8 * 1024 * 1024;
const MAX_PARTS = 400;

export function requestedFonts(bytes: Uint8Array, format: DetectedFormat): string[] {
  if (!['docx', 'docm', 'dotx', 'dotm', 'xlsx', 'xlsm', 'xltx', 'pptx', 'pptm', 'ppsx', 'odt', 'ott', 'ods', 'odp', 'odg'].includes(format.kind) || format.encrypted) return [];
  const names = new Set<string>();
  let entries;
  try {
    entries = listZipEntries(bytes).filter((e) => PARTS.some((re) => re.test(e.name))).slice(0, MAX_PARTS);
  } catch (e) {
    if (e instanceof ZipFormatError) return [];
    throw e;
  }
  const decoder = new TextDecoder();
  for (const entry of entries) {
    if (entry.size > MAX_PART) continue;
    let xml: string;
    try {
      xml = decoder.decode(readZipEntry(bytes, entry, MAX_PART));
    } catch (e) {
      if (e instanceof ZipFormatError) continue;
      throw e;
    }
    for (const m of xml.matchAll(PATTERNS[0] as RegExp)) {
      for (const a of (m[1] ?? '').matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)) add(names, a[1]);
    }
    for (const re of PATTERNS.slice(1)) for (const m of xml.matchAll(re)) add(names, m[1]);
  }
  return [...names].sort();
}

function add(names: Set<string>, raw: string | undefined): void {
  if (raw === undefined) return;
  // ODF svg:font-family may be a quoted list; OOXML theme references (+mn-lt) are not font names.
  for (const part of decodeEntities(raw).split(',')) {
    const name = part.trim().replace(/^['"]|['"]$/g, '').trim();
    if (name !== '' && !name.startsWith('+')) names.add(name);
  }
}

function decodeEntities(s: string): string {
  return s.replace(/&(apos|quot|amp|lt|gt|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const map: Record<string, string> = { apos: "'", quot: '"', amp: '&', lt: '<', gt: '>' };
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return map[e.toLowerCase()] ?? '';
  });
}
