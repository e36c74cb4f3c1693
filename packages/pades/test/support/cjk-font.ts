// Test-only: a TrueType CJK face from the machine (Debian fonts-wqy-zenhei or fonts-arphic-uming).
import { existsSync, readFileSync } from 'node:fs';
import { parseFontFile, type Font } from '@openseal/fonts';

const CANDIDATES = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', faceIndex: 0 },
  { file: '/usr/share/fonts/truetype/arphic/uming.ttc', faceIndex: 0 },
];

let cached: { font: Font; file: string; faceIndex: number } | undefined;

/** The first installed candidate; throws naming the Debian packages when none is. */
export function cjkFont(): { font: Font; file: string; faceIndex: number } {
  if (cached) return cached;
  const c = CANDIDATES.find((x) => existsSync(x.file));
  if (!c) throw new Error('no TrueType CJK font: install fonts-wqy-zenhei or fonts-arphic-uming');
  cached = { font: parseFontFile(new Uint8Array(readFileSync(c.file)), { faceIndex: c.faceIndex }), ...c };
  return cached;
}
