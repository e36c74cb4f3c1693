/**
 * The LibreOffice user profile each worker starts with (registrymodifications.xcu): Chinese as the
 * default Asian language (so CJK text without a language tag gets Simplified Chinese faces), macros
 * never run, remote links blocked, no autosave or recovery files.
 */
const SETTINGS: readonly (readonly [path: string, name: string, value: string])[] = [
  ['/org.openoffice.Office.Linguistic/General', 'DefaultLocale_CJK', 'zh-CN'],
  ['/org.openoffice.Office.Common/Security/Scripting', 'MacroSecurityLevel', '3'],
  ['/org.openoffice.Office.Common/Security/Scripting', 'DisableMacrosExecution', 'true'],
  ['/org.openoffice.Office.Common/Security/Scripting', 'BlockUntrustedRefererLinks', 'true'],
  ['/org.openoffice.Office.Common/Misc', 'UseDocumentSystemFileLocking', 'false'],
  ['/org.openoffice.Office.Common/Misc', 'UseLocking', 'false'],
  ['/org.openoffice.Office.Recovery/AutoSave', 'Enabled', 'false'],
  ['/org.openoffice.Office.Recovery/RecoveryInfo', 'Enabled', 'false'],
  ['/org.openoffice.Office.Common/Save/Document', 'CreateBackup', 'false'],
];

// Default CJK faces for text that names no font: TrueType first (they stay embeddable when the PDF becomes
// OFD; Noto CJK is CFF), Noto as the fallback. VCL.xcu's zh-cn lists start with fonts Debian lacks.
const ZH_DEFAULTS: readonly (readonly [name: string, value: string])[] = [
  ['CJK_TEXT', 'AR PL UMing CN;Noto Serif CJK SC'],
  ['CJK_PRESENTATION', 'WenQuanYi Zen Hei;Noto Sans CJK SC'],
  ['CJK_SPREADSHEET', 'AR PL UMing CN;Noto Serif CJK SC'],
  ['CJK_HEADING', 'WenQuanYi Zen Hei;Noto Sans CJK SC'],
  ['CJK_DISPLAY', 'WenQuanYi Zen Hei;Noto Sans CJK SC'],
];

export function profileRegistryXml(): string {
  const items = SETTINGS.map(([path, name, value]) => `<item oor:path="${path}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`);
  for (const [name, value] of ZH_DEFAULTS) {
    items.push(`<item oor:path="/org.openoffice.VCL/DefaultFonts/org.openoffice.VCL:LocalizedDefaultFonts['zh-cn']"><prop oor:name="${name}" oor:op="fuse" oor:type="xs:string"><value>${value}</value></prop></item>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    ...items,
    '</oor:items>',
    '',
  ].join('\n');
}
