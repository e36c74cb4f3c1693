/** ISO 32000-2 §7.9.4 dates: `D:YYYYMMDDHHmmSSOHH'mm`. */

/** Formats `at` in the zone `offsetMinutes` east of UTC (e.g. 480 for China Standard Time). */
export function formatPdfDate(at: Date, offsetMinutes = 0): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('invalid date');
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const body = `${p(local.getUTCFullYear(), 4)}${p(local.getUTCMonth() + 1)}${p(local.getUTCDate())}${p(local.getUTCHours())}${p(local.getUTCMinutes())}${p(local.getUTCSeconds())}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `D:${body}${sign}${p(Math.floor(abs / 60))}'${p(abs % 60)}'`;
}

const DATE_RE = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(?:(\d{2})'?)?)?)?$/;

/** Parses a PDF date; a missing zone is read as UTC. Undefined when the text is not a date. */
export function parsePdfDate(text: string): Date | undefined {
  const m = DATE_RE.exec(text.trim());
  if (!m) return undefined;
  const n = (i: number, d: number): number => (m[i] === undefined ? d : Number(m[i]));
  const [year, month, day, hour, minute, second] = [n(1, 0), n(2, 1), n(3, 1), n(4, 0), n(5, 0), n(6, 0)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  if (m[7] === '+' || m[7] === '-') offset = (m[7] === '-' ? -1 : 1) * (n(8, 0) * 60 + n(9, 0));
  const t = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  return Number.isNaN(t) ? undefined : new Date(t);
}
