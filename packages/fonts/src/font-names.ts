import type { FontNameRecord } from './tables/name.js';

/** The names of one face; `family`/`subfamily` prefer the typographic names (ids 16/17). */
export interface FontNames {
  readonly family: string;
  readonly subfamily: string;
  readonly fullName: string;
  readonly postScriptName: string;
  /** Family names by language tag, e.g. { en: 'WenQuanYi Zen Hei', 'zh-CN': '文泉驿正黑' }. */
  readonly localizedFamily: Readonly<Record<string, string>>;
  readonly localizedFullName: Readonly<Record<string, string>>;
  readonly records: readonly FontNameRecord[];
}

// Name ids (OpenType 'name' table): 1 family, 2 subfamily, 4 full, 6 PostScript, 16/17 typographic.
const FAMILY = 1, SUBFAMILY = 2, FULL = 4, POSTSCRIPT = 6, TYPO_FAMILY = 16, TYPO_SUBFAMILY = 17;

function preferred(records: readonly FontNameRecord[], nameId: number): string | undefined {
  const withId = records.filter((r) => r.nameId === nameId && r.value !== '');
  const score = (r: FontNameRecord): number =>
    r.platformId === 3 && r.languageId === 0x0409 ? 0 : r.platformId === 3 && r.language === 'en' ? 1 : r.platformId === 1 && r.languageId === 0 ? 2 : r.platformId === 0 ? 3 : r.platformId === 3 ? 4 : 5;
  return withId.sort((a, b) => score(a) - score(b))[0]?.value;
}

function localized(records: readonly FontNameRecord[], ids: readonly number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of ids) {
    // Windows records first: Mac records of CJK fonts are often mis-encoded.
    for (const platform of [3, 0, 1]) {
      for (const r of records) {
        if (r.nameId === id && r.platformId === platform && r.language !== '' && r.value !== '' && !(r.language in out)) out[r.language] = r.value;
      }
    }
  }
  return out;
}

export function fontNames(records: readonly FontNameRecord[]): FontNames {
  const family = preferred(records, TYPO_FAMILY) ?? preferred(records, FAMILY) ?? '';
  const subfamily = preferred(records, TYPO_SUBFAMILY) ?? preferred(records, SUBFAMILY) ?? 'Regular';
  return {
    family,
    subfamily,
    fullName: preferred(records, FULL) ?? `${family} ${subfamily}`.trim(),
    postScriptName: preferred(records, POSTSCRIPT) ?? `${family}-${subfamily}`.replace(/[^\x21-\x7e]|[[\](){}<>/%]/g, ''),
    localizedFamily: localized(records, [TYPO_FAMILY, FAMILY]),
    localizedFullName: localized(records, [FULL]),
    records,
  };
}
