// Test-only: the Debian CJK TrueType faces GB/T 9704 roles are mapped to (fonts-arphic-*, fonts-wqy-zenhei).
import { readFileSync } from 'node:fs';
import { parseFontFile, type Font } from '@openseal/fonts';
import type { OfficialFonts } from '../../src/index.js';

const cache = new Map<string, Font>();
function load(path: string): Font {
  let f = cache.get(path);
  if (f === undefined) {
    f = parseFontFile(new Uint8Array(readFileSync(path)), { faceIndex: 0 });
    cache.set(path, f);
  }
  return f;
}

export function testFonts(): OfficialFonts {
  const uming = load('/usr/share/fonts/truetype/arphic/uming.ttc');
  return {
    song: uming,
    fangsong: uming,
    kai: load('/usr/share/fonts/truetype/arphic/ukai.ttc'),
    hei: load('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'),
    xiaobiaosong: uming,
    xiaobiaosongEmbolden: 0.03,
  };
}
