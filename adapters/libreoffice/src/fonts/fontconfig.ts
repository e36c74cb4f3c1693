/**
 * A fontconfig file that maps the fonts Chinese official documents name (仿宋_GB2312, 方正小标宋简体 …)
 * to the free faces @openseal/fonts chooses, then includes the system configuration. soffice reads it
 * through FONTCONFIG_FILE, so the mapping applies to LibreOffice only, not to the whole machine.
 */
import { resolveFontSubstitute } from '@openseal/fonts';

/** Names as documents write them; fontconfig compares family names case-insensitively but exactly otherwise. */
export const OFFICIAL_DOCUMENT_FONT_NAMES: readonly string[] = [
  '宋体', 'SimSun', '新宋体', 'NSimSun', '宋体_GB2312', '华文宋体', 'STSong', '方正书宋简体', '方正书宋_GBK', '宋体-简',
  '仿宋', '仿宋_GB2312', 'FangSong', 'FangSong_GB2312', '华文仿宋', 'STFangsong', '方正仿宋简体', '方正仿宋_GBK', '仿宋体',
  '楷体', '楷体_GB2312', 'KaiTi', 'KaiTi_GB2312', '华文楷体', 'STKaiti', '方正楷体简体', '方正楷体_GBK',
  '黑体', 'SimHei', '微软雅黑', 'Microsoft YaHei', '华文黑体', 'STHeiti', '方正黑体简体', '方正黑体_GBK', '黑体-简', '等线', 'DengXian',
  '方正小标宋简体', '方正小标宋_GBK', '小标宋', '小标宋体', 'FZXiaoBiaoSong-B05S', '方正大标宋简体', '华文中宋', 'STZhongsong',
  'MingLiU', 'PMingLiU', 'DFKai-SB', 'Microsoft JhengHei',
];

export interface FontAlias {
  readonly requested: string;
  readonly family: string;
  readonly bold: boolean;
}

/** The alias list: each known name → the first candidate family @openseal/fonts proposes. */
export function officialFontAliases(names: readonly string[] = OFFICIAL_DOCUMENT_FONT_NAMES): FontAlias[] {
  const out: FontAlias[] = [];
  for (const requested of names) {
    const best = resolveFontSubstitute(requested)?.candidates[0];
    if (best !== undefined) out.push({ requested, family: best.family, bold: best.style === 'bold' });
  }
  return out;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fontconfigXml(aliases: readonly FontAlias[], systemConfig = '/etc/fonts/fonts.conf'): string {
  const rules = aliases.map(
    (a) =>
      `  <match target="pattern"><test name="family"><string>${escapeXml(a.requested)}</string></test>` +
      `<edit name="family" mode="assign" binding="strong"><string>${escapeXml(a.family)}</string></edit>` +
      (a.bold ? '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' : '') +
      '</match>',
  );
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    // Our rules come first so they rewrite the requested family before the system's generic fallbacks.
    ...rules,
    // Chinese text in a font nobody has: TrueType faces first (they stay embeddable in OFD), not Noto's CFF.
    ...([['serif', 'AR PL UMing CN'], ['sans-serif', 'WenQuanYi Zen Hei']] as const).map(
      ([generic, family]) =>
        `  <match target="pattern"><test name="lang" compare="contains"><string>zh</string></test><test name="family"><string>${generic}</string></test>` +
        `<edit name="family" mode="prepend" binding="strong"><string>${family}</string></edit></match>`,
    ),
    `  <include ignore_missing="yes">${escapeXml(systemConfig)}</include>`,
    '</fontconfig>',
    '',
  ].join('\n');
}
