/** The structured content of an official document (GB/T 9704-2012 §7), as a caller or JSON file gives it. */
import { LayoutFieldsError } from '../errors.js';

export interface OfficialDocumentFields {
  /** 份号 (§7.2.1): printed with 6 digits. */
  readonly copyNumber?: string | number;
  /** 密级 and 保密期限 (§7.2.2), e.g. { level: '机密', period: '1年' } → "机密★1年". */
  readonly classification?: { readonly level: string; readonly period?: string };
  /** 紧急程度 (§7.2.3): 特急 or 加急. */
  readonly urgency?: string;
  /** 发文字号 (§7.2.5), e.g. "国办发〔2012〕10号". */
  readonly documentNumber?: string;
  /** 签发人 (§7.2.5, upward documents). */
  readonly signers?: readonly string[];
  readonly title: string;
  /** 主送机关 (§7.3.2); a final full-width colon is added when missing. */
  readonly mainRecipients?: string;
  /** 正文 paragraphs (§7.3.3); paragraphs starting "一、" are set in 黑体, "（一）" in 楷体. */
  readonly body: readonly string[];
  /** 附件说明 (§7.3.4): attachment names, numbered when more than one. */
  readonly attachments?: readonly string[];
  /** 发文机关署名 (§7.3.5); default: the template's organisations. */
  readonly signatures?: readonly string[];
  /** 成文日期, "2012年7月1日" or ISO "2012-07-01". */
  readonly date: string;
  /** Seal the document (§7.3.5.1); default true. The seal positions are computed either way. */
  readonly sealed?: boolean;
  /** 附注 (§7.3.6), without the parentheses. */
  readonly notes?: string;
  /** 抄送机关 (§7.4.2). */
  readonly copyTo?: string;
  /** 印发机关 and 印发日期 (§7.4.3). */
  readonly printedBy?: string;
  readonly printedDate?: string;
  /** 纪要 attendance lists (§10.3). */
  readonly attendance?: { readonly present?: string; readonly absent?: string; readonly attending?: string };
}

/** "2012-07-01" → "2012年7月1日" (§7.3.5: full year, no leading zeros); other text is kept. */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(date.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date.trim();
}

export function parseOfficialFields(json: unknown): OfficialDocumentFields {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new LayoutFieldsError('the fields are a JSON object');
  const o = json as Record<string, unknown>;
  const str = (k: string, required = false): string | undefined => {
    const v = o[k];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || (required && v.trim() === '')) throw new LayoutFieldsError(`fields.${k} must be ${required ? 'a non-empty ' : 'a '}string`);
    return v;
  };
  const list = (k: string): string[] | undefined => {
    const v = o[k];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new LayoutFieldsError(`fields.${k} must be a list of strings`);
    return v as string[];
  };
  str('title', true);
  str('date', true);
  const body = typeof o.body === 'string' ? o.body.split(/\n+/).filter((p) => p.trim() !== '') : list('body');
  if (body === undefined || body.length === 0) throw new LayoutFieldsError('fields.body must hold at least one paragraph (§7.3.3: the first page shows body text)');
  for (const k of ['urgency', 'documentNumber', 'mainRecipients', 'notes', 'copyTo', 'printedBy', 'printedDate']) str(k);
  for (const k of ['signers', 'attachments', 'signatures']) list(k);
  if (o.copyNumber !== undefined && typeof o.copyNumber !== 'string' && typeof o.copyNumber !== 'number') throw new LayoutFieldsError('fields.copyNumber must be a string or number');
  if (o.sealed !== undefined && typeof o.sealed !== 'boolean') throw new LayoutFieldsError('fields.sealed must be true or false');
  return { ...(o as unknown as OfficialDocumentFields), body };
}
