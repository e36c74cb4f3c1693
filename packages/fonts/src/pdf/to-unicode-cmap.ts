import { InvalidArgumentError } from '@openseal/kernel';

function utf16Hex(text: string): string {
  let s = '';
  for (let i = 0; i < text.length; i++) s += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return s;
}

/**
 * A ToUnicode CMap (ISO 32000-1 §9.10.3; Adobe TN 5411) for 2-byte codes (Identity-H CIDs = glyph ids),
 * so that text shown with a subset font can be searched and copied.
 */
export function toUnicodeCMap(entries: Iterable<readonly [gid: number, text: string]>): string {
  const map = new Map<number, string>();
  for (const [gid, text] of entries) {
    if (!Number.isInteger(gid) || gid < 0 || gid > 0xffff) throw new InvalidArgumentError('glyph id out of range for a 2-byte code', { gid });
    if (text !== '' && !map.has(gid)) map.set(gid, text);
  }
  const codes = [...map.keys()].sort((a, b) => a - b);
  const lines: string[] = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  // At most 100 entries per bfchar block (Adobe TN 5411, "bfchar").
  for (let i = 0; i < codes.length; i += 100) {
    const block = codes.slice(i, i + 100);
    lines.push(`${block.length} beginbfchar`);
    for (const c of block) lines.push(`<${c.toString(16).padStart(4, '0').toUpperCase()}> <${utf16Hex(map.get(c) as string)}>`);
    lines.push('endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return lines.join('\n') + '\n';
}
