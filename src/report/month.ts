import { offsetMinutesAt } from '../model/time.js';

const MINUTE_MS = 60_000;

/**
 * The calendar month of an instant in a time zone, as "yyyy-MM" (its local
 * month, so 2022-11-30T23:30Z is "2022-12" in Brussels).
 *
 * @example monthOf(new Date('2022-11-30T23:30:00Z'), 'Europe/Brussels'); // => '2022-12'
 */
export function monthOf(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const wall = new Date(ms + offsetMinutesAt(timeZone, ms) * MINUTE_MS);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + 1;
  return `${year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}
