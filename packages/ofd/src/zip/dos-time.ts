/** MS-DOS date and time fields of ZIP headers (APPNOTE 4.4.6); we read the Date's UTC fields so output never depends on the host zone. */
export interface DosDateTime {
  readonly time: number;
  readonly date: number;
}

/** 1980-01-01T00:00:00Z: the earliest DOS timestamp, used when the caller passes no time. */
export const DOS_EPOCH = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

export function toDosDateTime(at: Date): DosDateTime {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date');
  const year = at.getUTCFullYear();
  if (year < 1980) return { time: 0, date: (1 << 5) | 1 };
  if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 };
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  const date = ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  return { time, date };
}

/** The instant a DOS timestamp names, read as UTC (ZIP stores no zone); invalid fields give undefined. */
export function fromDosDateTime({ time, date }: DosDateTime): Date | undefined {
  const year = 1980 + (date >>> 9);
  const month = (date >>> 5) & 0x0f;
  const day = date & 0x1f;
  const hours = time >>> 11;
  const minutes = (time >>> 5) & 0x3f;
  const seconds = (time & 0x1f) * 2;
  if (month < 1 || month > 12 || day < 1 || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds));
}
