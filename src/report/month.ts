import { zonedWallTimeToInstant } from '../model/time.js';

/** A calendar month in a time zone: its key ("2022-11") and its half-open span of instants. */
interface MonthSpan {
  readonly key: string;
  readonly fromMs: number;
  readonly untilMs: number;
}

/** Per time zone: a formatter that gives the local year and month, and the last month found (sessions come in runs). */
const zones = new Map<string, { format: Intl.DateTimeFormat; last: MonthSpan | null }>();

function monthStart(year: number, month: number, timeZone: string): number {
  const wall = { year: year + Math.floor((month - 1) / 12), month: ((month - 1) % 12) + 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  return zonedWallTimeToInstant(wall, timeZone, 'shift')!.getTime();
}

/**
 * The calendar month of an instant in a time zone, as "yyyy-MM" (its local
 * month, so 2022-11-30T23:30Z is "2022-12" in Brussels). Months are read
 * once per run of instants in the same month.
 *
 * @example monthOf(new Date('2022-11-30T23:30:00Z'), 'Europe/Brussels'); // => '2022-12'
 */
export function monthOf(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = { format: new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', calendar: 'iso8601', numberingSystem: 'latn' }), last: null };
    zones.set(timeZone, zone);
  }
  const last = zone.last;
  if (last !== null && ms >= last.fromMs && ms < last.untilMs) return last.key;
  let year = 0;
  let month = 0;
  for (const part of zone.format.formatToParts(ms)) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
  }
  // Years before 1 are written with an era by Intl; they are out of any real data's range, so they are not cached.
  const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  const span = { key, fromMs: monthStart(year, month, timeZone), untilMs: monthStart(year, month + 1, timeZone) };
  if (ms >= span.fromMs && ms < span.untilMs) zone.last = span;
  return key;
}
