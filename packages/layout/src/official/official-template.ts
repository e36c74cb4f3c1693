/**
 * Per-organisation templates for the 版头 and 版记 (GB/T 9704-2012 §7.2, §7.4, §10). Templates are plain
 * JSON so offices can keep their own; parseOfficialTemplate checks one before use.
 */
import { LayoutFieldsError } from '../errors.js';
import { RED, type Rgb } from './page-geometry.js';

/** §10: the standard document (文件), letter (信函), order (命令/令) and minutes (纪要) formats. */
export type OfficialFormat = 'document' | 'letter' | 'order' | 'minutes';

export interface OfficialTemplate {
  readonly id: string;
  readonly format: OfficialFormat;
  /** 发文机关标志: one name, or several for a joint document (lead organ first). */
  readonly organisations: readonly string[];
  /** Text after the names: "文件" (document), "命令"/"令" (order), "纪要" (minutes), "" (letter). */
  readonly mastheadSuffix: string;
  /** Masthead size in points; narrowed horizontally (down to 50 %) and then reduced to fit 156 mm. */
  readonly mastheadSizePt: number;
  /** Distance of the masthead's top edge below the top of the type area (letter: below the page top). */
  readonly mastheadTopMm: number;
  readonly color: Rgb;
  /** §7.2.6 red separator line thickness (the standard leaves it open; 1 mm is common practice). */
  readonly redLineWidthMm: number;
  /** A red five-pointed star in the middle of the separator line (party organs' practice). */
  readonly redLineStar: boolean;
  /** Seal picture diameter used to compute the seal position. */
  readonly sealDiameterMm: number;
  /** 印发机关 default when the fields give none. */
  readonly printingOffice?: string;
}

const FORMAT_DEFAULTS: Readonly<Record<OfficialFormat, { suffix: string; top: number }>> = {
  document: { suffix: '文件', top: 35 }, // §7.2.4: 上边缘至版心上边缘为 35 mm
  letter: { suffix: '', top: 30 }, // §10.1: 上边缘距纸张上边缘 30 mm
  order: { suffix: '命令', top: 20 }, // §10.2: 上边缘至版心上边缘为 20 mm
  minutes: { suffix: '纪要', top: 35 }, // §10.3
};

export function officialTemplate(partial: Partial<OfficialTemplate> & Pick<OfficialTemplate, 'organisations'>): OfficialTemplate {
  const format = partial.format ?? 'document';
  const d = FORMAT_DEFAULTS[format];
  return {
    id: partial.id ?? 'custom',
    format,
    organisations: partial.organisations,
    mastheadSuffix: partial.mastheadSuffix ?? d.suffix,
    mastheadSizePt: partial.mastheadSizePt ?? 42,
    mastheadTopMm: partial.mastheadTopMm ?? d.top,
    color: partial.color ?? RED,
    redLineWidthMm: partial.redLineWidthMm ?? 1,
    redLineStar: partial.redLineStar ?? false,
    sealDiameterMm: partial.sealDiameterMm ?? 42,
    ...(partial.printingOffice === undefined ? {} : { printingOffice: partial.printingOffice }),
  };
}

/** Validates a template read from JSON; unknown keys are refused so typos do not pass silently. */
export function parseOfficialTemplate(json: unknown): OfficialTemplate {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new LayoutFieldsError('a template is a JSON object');
  const o = json as Record<string, unknown>;
  const known = ['id', 'format', 'organisations', 'mastheadSuffix', 'mastheadSizePt', 'mastheadTopMm', 'color', 'redLineWidthMm', 'redLineStar', 'sealDiameterMm', 'printingOffice'];
  const unknown = Object.keys(o).filter((k) => !known.includes(k));
  if (unknown.length > 0) throw new LayoutFieldsError(`unknown template keys: ${unknown.join(', ')}`, { keys: unknown });
  const orgs = o.organisations;
  if (!Array.isArray(orgs) || orgs.length === 0 || !orgs.every((x) => typeof x === 'string' && x.trim() !== '')) throw new LayoutFieldsError('template.organisations must be a non-empty list of names');
  if (o.format !== undefined && !['document', 'letter', 'order', 'minutes'].includes(o.format as string)) throw new LayoutFieldsError('template.format must be document, letter, order or minutes');
  const num = (k: string, min: number, max: number): number | undefined => {
    const v = o[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !(v >= min && v <= max)) throw new LayoutFieldsError(`template.${k} must be a number in [${min}, ${max}]`);
    return v;
  };
  const color = o.color;
  if (color !== undefined && !(Array.isArray(color) && color.length === 3 && color.every((c) => typeof c === 'number' && c >= 0 && c <= 255))) throw new LayoutFieldsError('template.color must be [r, g, b]');
  const partial: Record<string, unknown> = { ...o, organisations: orgs as string[] };
  for (const [k, min, max] of [['mastheadSizePt', 8, 100], ['mastheadTopMm', 0, 150], ['redLineWidthMm', 0.1, 5], ['sealDiameterMm', 20, 60]] as const) num(k, min, max);
  return officialTemplate(partial as Partial<OfficialTemplate> & Pick<OfficialTemplate, 'organisations'>);
}

/** Ready-made templates for the four formats and a joint document (names are placeholders). */
export const BUILTIN_TEMPLATES: Readonly<Record<string, OfficialTemplate>> = {
  document: officialTemplate({ id: 'document', organisations: ['××市人民政府'] }),
  joint: officialTemplate({ id: 'joint', organisations: ['××市人民政府', '××市财政局'] }),
  letter: officialTemplate({ id: 'letter', format: 'letter', organisations: ['××市人民政府办公室'] }),
  order: officialTemplate({ id: 'order', format: 'order', organisations: ['××市人民政府'], mastheadSuffix: '令' }),
  minutes: officialTemplate({ id: 'minutes', format: 'minutes', organisations: ['××市人民政府常务会议'] }),
};
