import type { OutlineFormat } from './sfnt-directory.js';

/** Typeface classes of Chinese official documents (GB/T 9704-2012) plus the common Latin faces. */
export type TypefaceCategory = 'song' | 'fangsong' | 'kai' | 'hei' | 'xiaobiaosong' | 'zhongsong' | 'latin-serif' | 'latin-sans' | 'latin-mono';

/** A free face to use instead of a proprietary one. `file`/`faceIndex` are Debian hints; match by `family`. */
export interface FontSubstituteCandidate {
  readonly family: string;
  readonly style: 'regular' | 'bold';
  readonly outlineFormat: OutlineFormat;
  readonly debianPackage: string;
  readonly file: string;
  readonly faceIndex: number;
}

export interface FontSubstitute {
  readonly requested: string;
  readonly category: TypefaceCategory;
  /** 'alias': a known name; 'keyword': guessed from a character of the name (宋, 楷, 黑 …). */
  readonly matchedBy: 'alias' | 'keyword';
  /** Best first. TrueType candidates can be subset by this package; CFF ones only drawn. */
  readonly candidates: readonly FontSubstituteCandidate[];
}

const UMING: FontSubstituteCandidate = { family: 'AR PL UMing CN', style: 'regular', outlineFormat: 'truetype', debianPackage: 'fonts-arphic-uming', file: '/usr/share/fonts/truetype/arphic/uming.ttc', faceIndex: 0 };
const UKAI: FontSubstituteCandidate = { family: 'AR PL UKai CN', style: 'regular', outlineFormat: 'truetype', debianPackage: 'fonts-arphic-ukai', file: '/usr/share/fonts/truetype/arphic/ukai.ttc', faceIndex: 0 };
const ZENHEI: FontSubstituteCandidate = { family: 'WenQuanYi Zen Hei', style: 'regular', outlineFormat: 'truetype', debianPackage: 'fonts-wqy-zenhei', file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', faceIndex: 0 };
const ZENHEI_MONO: FontSubstituteCandidate = { ...ZENHEI, family: 'WenQuanYi Zen Hei Mono', faceIndex: 1 };
const NOTO_SERIF: FontSubstituteCandidate = { family: 'Noto Serif CJK SC', style: 'regular', outlineFormat: 'cff', debianPackage: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', faceIndex: 2 };
const NOTO_SERIF_BOLD: FontSubstituteCandidate = { ...NOTO_SERIF, style: 'bold', file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc' };
const NOTO_SANS: FontSubstituteCandidate = { family: 'Noto Sans CJK SC', style: 'regular', outlineFormat: 'cff', debianPackage: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', faceIndex: 2 };
const DEJAVU_SERIF: FontSubstituteCandidate = { family: 'DejaVu Serif', style: 'regular', outlineFormat: 'truetype', debianPackage: 'fonts-dejavu-core', file: '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf', faceIndex: 0 };
const DEJAVU_SANS: FontSubstituteCandidate = { ...DEJAVU_SERIF, family: 'DejaVu Sans', file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' };
const DEJAVU_MONO: FontSubstituteCandidate = { ...DEJAVU_SERIF, family: 'DejaVu Sans Mono', file: '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf' };

// There is no free FangSong in Debian: UMing (a light Ming/Song) is the nearest in stroke and weight.
// 小标宋/中宋 are heavy Songs: Noto Serif CJK Bold looks closest; UMing is the TrueType fallback.
const CANDIDATES: Readonly<Record<TypefaceCategory, readonly FontSubstituteCandidate[]>> = {
  song: [UMING, NOTO_SERIF, ZENHEI],
  fangsong: [UMING, NOTO_SERIF, UKAI],
  kai: [UKAI, UMING, NOTO_SERIF],
  hei: [ZENHEI, NOTO_SANS],
  xiaobiaosong: [NOTO_SERIF_BOLD, UMING, NOTO_SERIF],
  zhongsong: [NOTO_SERIF_BOLD, UMING, NOTO_SERIF],
  'latin-serif': [DEJAVU_SERIF, UMING],
  'latin-sans': [DEJAVU_SANS, ZENHEI],
  'latin-mono': [DEJAVU_MONO, ZENHEI_MONO],
};

/** Names as written in documents (Windows, macOS, Founder, SinoType), normalised by `normaliseFontName`. */
const ALIASES: Readonly<Record<TypefaceCategory, readonly string[]>> = {
  song: ['宋体', 'simsun', '新宋体', 'nsimsun', '中易宋体', '华文宋体', 'stsong', '宋体-简', 'songti sc', 'songti', '方正书宋简体', '方正书宋_gbk', 'fzshusong-z01s', '宋体_gb2312', 'song', '明体', 'mingliu', 'pmingliu', '细明体', '新细明体'],
  fangsong: ['仿宋', '仿宋_gb2312', 'fangsong', 'fangsong_gb2312', '华文仿宋', 'stfangsong', '方正仿宋简体', '方正仿宋_gbk', 'fzfangsong-z02s', '仿宋体'],
  kai: ['楷体', '楷体_gb2312', 'kaiti', 'kaiti_gb2312', '华文楷体', 'stkaiti', '方正楷体简体', '方正楷体_gbk', 'fzkai-z03s', '标楷体', 'dfkai-sb', 'kaiti sc'],
  hei: ['黑体', 'simhei', '微软雅黑', 'microsoft yahei', 'microsoftyahei', '华文黑体', 'stheiti', '黑体-简', 'heiti sc', '方正黑体简体', '方正黑体_gbk', 'fzhei-b01s', '微软正黑体', 'microsoft jhenghei', '等线', 'dengxian'],
  xiaobiaosong: ['方正小标宋简体', '方正小标宋_gbk', '小标宋', '小标宋体', 'fzxiaobiaosong-b05s', 'fzxbsjw--gb1-0', '方正大标宋简体', '方正大标宋_gbk', 'fzdabiaosong-b06s', '华文新魏'],
  zhongsong: ['华文中宋', 'stzhongsong', '中宋'],
  'latin-serif': ['times new roman', 'timesnewromanpsmt', 'times', 'liberation serif'],
  'latin-sans': ['arial', 'arialmt', 'helvetica', 'calibri', 'liberation sans'],
  'latin-mono': ['courier new', 'couriernewpsmt', 'courier', 'consolas', 'liberation mono'],
};

/** Lower case, half-width, without spaces, hyphens or a PDF subset prefix ("ABCDEF+"). */
export function normaliseFontName(name: string): string {
  return name
    .replace(/^[A-Z]{6}\+/, '')
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/-(regular|roman|book)$/i, '')
    .toLowerCase();
}

const ALIAS_INDEX: ReadonlyMap<string, TypefaceCategory> = new Map(
  (Object.entries(ALIASES) as [TypefaceCategory, readonly string[]][]).flatMap(([cat, names]) => names.map((n) => [normaliseFontName(n), cat] as const)),
);

// Order matters: 仿宋/标宋/中宋 contain 宋.
const KEYWORDS: readonly [RegExp, TypefaceCategory][] = [
  [/仿宋|fangsong/, 'fangsong'],
  [/标宋|biaosong/, 'xiaobiaosong'],
  [/中宋|zhongsong/, 'zhongsong'],
  [/楷|kai/, 'kai'],
  [/黑|雅黑|hei/, 'hei'],
  [/宋|明体|song|ming/, 'song'],
];

/** Free Debian substitutes for a font named in a document, or undefined for names it does not know. */
export function resolveFontSubstitute(name: string): FontSubstitute | undefined {
  const key = normaliseFontName(name);
  const alias = ALIAS_INDEX.get(key);
  if (alias) return { requested: name, category: alias, matchedBy: 'alias', candidates: CANDIDATES[alias] };
  for (const [re, category] of KEYWORDS) {
    if (re.test(key)) return { requested: name, category, matchedBy: 'keyword', candidates: CANDIDATES[category] };
  }
  return undefined;
}

/** The substitutes for a typeface class, best first. */
export function substitutesForCategory(category: TypefaceCategory): readonly FontSubstituteCandidate[] {
  return CANDIDATES[category];
}
