import { tzOffset } from '@date-fns/tz/tzOffset';
import { describe } from './messages.js';
import { usageError } from '../errors.js';

/** The time zone that local dates are read in when nothing else is said. */
export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The message for a time zone this runtime does not know. */
export function unknownTimeZoneMessage(timeZone: unknown): string {
  return `unknown time zone ${describe(timeZone)}; use an IANA name such as "Europe/Brussels"`;
}

/**
 * Checks a time zone given as an option (a programmer's error when wrong).
 *
 * @throws {ConfigError} when `timeZone` is not a known IANA zone.
 */
export function assertTimeZone(timeZone: string, path: readonly PropertyKey[] = ['timeZone']): void {
  if (!isValidTimeZone(timeZone)) throw usageError(path, unknownTimeZoneMessage(timeZone));
}

/** True when `timeZone` is an IANA time zone this runtime knows, e.g. "Europe/Brussels". */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string') return false;
  let valid = knownTimeZones.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
    knownTimeZones.set(timeZone, valid);
  }
  return valid;
}

/** Time zones checked so far: building an `Intl.DateTimeFormat` is costly, so each zone is checked once. */
const knownTimeZones = new Map<string, boolean>();

/** A local wall-clock time, as written; months from 1. */
interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/**
 * The instant at which a wall-clock time occurs in a time zone.
 *
 * Where the wall time occurs twice (the hour clocks are set back), the earlier
 * instant is returned. Where it does not occur (the hour clocks skip), the
 * result is `null`, unless `gap` is `'shift'`: then the instant is that of the
 * same wall time in the offset before the change, which lands just after the
 * skipped hour (so a skipped midnight becomes the day's first instant).
 */
export function zonedWallTimeToInstant(wall: WallTime, timeZone: string, gap: 'reject' | 'shift'): Date | null {
  const asUtc = utcMillis(wall);
  const offsetBefore = offsetMinutesAt(timeZone, asUtc - DAY_MS);
  const offsetAfter = offsetMinutesAt(timeZone, asUtc + DAY_MS);
  const before = asUtc - offsetBefore * MINUTE_MS;
  const after = asUtc - offsetAfter * MINUTE_MS;
  const beforeHolds = asUtc - offsetMinutesAt(timeZone, before) * MINUTE_MS === before;
  const afterHolds = asUtc - offsetMinutesAt(timeZone, after) * MINUTE_MS === after;
  if (beforeHolds || afterHolds) return new Date(beforeHolds && afterHolds ? Math.min(before, after) : beforeHolds ? before : after);
  return gap === 'shift' ? new Date(before) : null;
}

/** The span of instants over which an offset is cached: offsets change at most once in it (zones change on the quarter hour). */
const SPAN_MS = 15 * MINUTE_MS;
/** A span whose offset changes inside it: asked every time. */
const CHANGES = Number.NaN;
/** Per time zone, the offset of each span of instants asked so far; bounded, so it never grows without end. */
const offsetSpans = new Map<string, Map<number, number>>();
const MAX_SPANS = 100_000;

/**
 * The offset of a time zone from UTC at an instant, in minutes (Brussels in
 * winter: 60). Read from the runtime's time zone data through
 * `@date-fns/tz`, and kept per quarter hour of instants, since formatting a
 * month of sessions asks the same few offsets again and again; a quarter
 * hour in which the offset changes is never cached.
 *
 * @example offsetMinutesAt('Europe/Brussels', Date.parse('2022-11-10T13:50:16Z')); // => 60
 */
export function offsetMinutesAt(timeZone: string, ms: number): number {
  let spans = offsetSpans.get(timeZone);
  if (!spans) offsetSpans.set(timeZone, (spans = new Map()));
  const span = Math.floor(ms / SPAN_MS);
  let offset = spans.get(span);
  if (offset === undefined) {
    const first = tzOffset(timeZone, new Date(span * SPAN_MS));
    offset = first === tzOffset(timeZone, new Date(span * SPAN_MS + SPAN_MS - 1)) ? first : CHANGES;
    if (spans.size >= MAX_SPANS) spans.clear();
    spans.set(span, offset);
  }
  return Number.isNaN(offset) ? tzOffset(timeZone, new Date(ms)) : offset;
}

/** The outcome of reading a timestamp: an instant, or why it could not be read. */
export type InstantParse = { ok: true; instant: Date; dateOnly: boolean } | { ok: false; reason: string };

/**
 * Reads an ISO 8601 timestamp ("2022-11-10T14:50:16+01:00") or a date
 * ("2022-11-01", local midnight) into an instant.
 *
 * A timestamp with an offset (or `Z`) is that instant. Without one it is a
 * local time and needs `timeZone`; with `timeZone` absent it is refused as
 * ambiguous. Sub-millisecond digits are truncated. A date means the start of
 * that day in `timeZone` (the first instant of the day even where midnight is
 * skipped by a daylight-saving change).
 */
export function parseInstant(text: string, timeZone: string | undefined): InstantParse {
  const quick = instantQuickly(text);
  if (quick !== undefined) return { ok: true, instant: new Date(quick), dateOnly: false };
  if (timeZone === undefined) return parseInstantSlowly(text, timeZone);
  // Configurations name the same few local dates again and again (every licence "from 2025-01-01").
  let readings = localReadings.get(timeZone);
  if (!readings) localReadings.set(timeZone, (readings = new Map()));
  let read = readings.get(text);
  if (!read) {
    read = parseInstantSlowly(text, timeZone);
    if (readings.size >= 10_000) readings.clear();
    readings.set(text, read);
  }
  return read.ok ? { ok: true, instant: new Date(read.instant.getTime()), dateOnly: read.dateOnly } : read;
}

/** Local dates and times read so far, per time zone: bounded. */
const localReadings = new Map<string, Map<string, InstantParse>>();

function parseInstantSlowly(text: string, timeZone: string | undefined): InstantParse {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) {
    return { ok: false, reason: 'expected an ISO 8601 date-time such as "2022-11-10T14:50:16+01:00"' };
  }
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    millisecond: Number((fraction ?? '').padEnd(3, '0').slice(0, 3)),
  };
  const calendarError = checkCalendar(wall);
  if (calendarError) return { ok: false, reason: calendarError };
  const dateOnly = h === undefined;
  if (offset !== undefined) {
    if (dateOnly) return { ok: false, reason: 'a date without a time cannot carry an offset; write "2022-11-01" or a full date-time' };
    const minutes = offsetMinutes(offset);
    if (minutes === null) {
      return { ok: false, reason: `"${offset}" is not a UTC offset; write one from -23:59 to +23:59, such as "+01:00" or "Z"` };
    }
    return { ok: true, instant: new Date(utcMillis(wall) - minutes * MINUTE_MS), dateOnly };
  }
  if (timeZone === undefined && dateOnly) {
    return {
      ok: false,
      reason: `"${text}" is a date without a time or time zone, so it names no instant; give a full date-time with an offset, such as "2022-11-10T14:50:16+01:00"`,
    };
  }
  if (timeZone === undefined) {
    return {
      ok: false,
      reason: `"${text}" has no UTC offset, so the instant is ambiguous; add one ("+01:00" or "Z") or name a time zone`,
    };
  }
  const instant = zonedWallTimeToInstant(wall, timeZone, dateOnly ? 'shift' : 'reject');
  if (!instant) return { ok: false, reason: `"${text}" does not exist in ${timeZone} (clocks skip it for daylight saving time)` };
  return { ok: true, instant, dateOnly };
}

const ZERO_CODE = 48;

/** The number written by the two digits at `at`, or NaN. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - ZERO_CODE;
  const units = text.charCodeAt(at + 1) - ZERO_CODE;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : Number.NaN;
}

/**
 * The instant of the shape backends nearly always send,
 * "2022-11-10T14:50:16Z", "2022-11-10T14:50:16.123+01:00", read character by
 * character; `undefined` for anything else (or anything out of range), which
 * the general reader then reads or refuses with its reason.
 */
export function instantQuickly(text: string): number | undefined {
  const length = text.length;
  if (length < 20 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (text.charCodeAt(10) | 32) !== 116 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return undefined;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  let at = 19;
  let millisecond = 0;
  if (text.charCodeAt(at) === 46) {
    let scale = 100;
    at += 1;
    const first = at;
    for (; at < length; at++) {
      const digit = text.charCodeAt(at) - ZERO_CODE;
      if (digit < 0 || digit > 9) break;
      millisecond += digit * scale; // digits past the third add nothing: sub-millisecond digits are truncated
      scale /= 10;
    }
    if (at === first) return undefined;
    millisecond = Math.floor(millisecond);
  }
  let offset: number;
  const sign = text.charCodeAt(at);
  if ((sign | 32) === 122 && at + 1 === length) offset = 0;
  else if ((sign === 43 || sign === 45) && at + 6 === length && text.charCodeAt(at + 3) === 58) {
    const hours = twoDigits(text, at + 1);
    const minutes = twoDigits(text, at + 4);
    if (!(hours <= 23 && minutes <= 59)) return undefined;
    offset = (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
  } else return undefined;
  if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59)) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset * MINUTE_MS;
}

/** Minutes east of UTC of an offset such as "+01:00", "-0330", "+05" or "Z"; `null` when out of range. */
function offsetMinutes(offset: string): number | null {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4) || 0);
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/**
 * Milliseconds since the epoch of a wall time read as UTC. Unlike `Date.UTC`,
 * years 0 to 99 stay themselves (`Date.UTC` maps them to 1900 to 1999).
 */
function utcMillis(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar; months from 1. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function checkCalendar(wall: WallTime): string | null {
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > daysInMonth(wall.year, wall.month)) {
    return `${String(wall.year).padStart(4, '0')}-${pad(wall.month)}-${pad(wall.day)} is not a calendar date`;
  }
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) {
    return `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)} is not a time of day`;
  }
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
