import type { Font } from '@openseal/fonts';

/**
 * The typefaces of GB/T 9704 (§7: 仿宋 body, 黑体 and 楷体 headings, 小标宋 title and masthead, 宋体 page
 * numbers). Give TrueType faces (they are subset and embedded); several roles may share one face.
 */
export interface OfficialFonts {
  readonly song: Font;
  readonly fangsong: Font;
  readonly kai: Font;
  readonly hei: Font;
  readonly xiaobiaosong: Font;
  /** Draw 小标宋 with an outline stroke of this fraction of the size (a light Song face made heavy). */
  readonly xiaobiaosongEmbolden?: number;
}

export type FontRole = 'song' | 'fangsong' | 'kai' | 'hei' | 'xiaobiaosong';

/** The role's face first, then the others as fallbacks for characters it lacks. */
export function fontChain(fonts: OfficialFonts, role: FontRole): Font[] {
  const order: FontRole[] = [role, 'song', 'fangsong', 'hei', 'kai', 'xiaobiaosong'];
  const out: Font[] = [];
  for (const r of order) if (!out.includes(fonts[r])) out.push(fonts[r]);
  return out;
}
