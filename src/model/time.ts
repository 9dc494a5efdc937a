import { tzOffset } from '@date-fns/tz/tzOffset';
import { describe } from './messages.js';
import { usageError } from '../errors.js';

/** The time zone that local dates are read in when nothing else is said. */
export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

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

/**
 * The instant at which a wall-clock time occurs in a time zone; `wallMs` is
 * the wall time read as if it were UTC (`Date.UTC(2022, 10, 10, 14, 50)`).
 *
 * Where the wall time occurs twice (the hour clocks are set back), the earlier
 * instant is returned. Where it does not occur (the hour clocks skip), the
 * result is `null`, unless `gap` is `'shift'`: then the instant is that of the
 * same wall time in the offset before the change, which lands just after the
 * skipped hour (so a skipped midnight becomes the day's first instant).
 */
export function zonedWallTimeToInstant(wallMs: number, timeZone: string, gap: 'reject' | 'shift'): Date | null {
  const before = wallMs - offsetMinutesAt(timeZone, wallMs - DAY_MS) * MINUTE_MS;
  const after = wallMs - offsetMinutesAt(timeZone, wallMs + DAY_MS) * MINUTE_MS;
  const beforeHolds = wallMs - offsetMinutesAt(timeZone, before) * MINUTE_MS === before;
  const afterHolds = wallMs - offsetMinutesAt(timeZone, after) * MINUTE_MS === after;
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
  // Configurations name the same few local dates again and again (every licence "from 2025-01-01").
  let readings: Map<string, InstantParse> | undefined;
  if (timeZone !== undefined) {
    readings = localReadings.get(timeZone);
    if (!readings) localReadings.set(timeZone, (readings = new Map()));
  }
  let read = readings?.get(text);
  if (read === undefined) {
    const timestamp = readTimestamp(text.trim());
    if (typeof timestamp === 'number') return { ok: true, instant: new Date(timestamp), dateOnly: false };
    if (typeof timestamp === 'string') return { ok: false, reason: timestamp };
    read = readLocalTime(text, timestamp, timeZone);
    if (readings) {
      if (readings.size >= 10_000) readings.clear();
      readings.set(text, read);
    }
  }
  return read.ok ? { ok: true, instant: new Date(read.instant.getTime()), dateOnly: read.dateOnly } : read;
}

/** Local dates and times read so far, per time zone: bounded. */
const localReadings = new Map<string, Map<string, InstantParse>>();

function readLocalTime(text: string, { wallMs, dateOnly }: LocalTime, timeZone: string | undefined): InstantParse {
  if (timeZone === undefined) {
    return {
      ok: false,
      reason: dateOnly
        ? `"${text}" is a date without a time or time zone, so it names no instant; give a full date-time with an offset, such as "2022-11-10T14:50:16+01:00"`
        : `"${text}" has no UTC offset, so the instant is ambiguous; add one ("+01:00" or "Z") or name a time zone`,
    };
  }
  const instant = zonedWallTimeToInstant(wallMs, timeZone, dateOnly ? 'shift' : 'reject');
  if (!instant) return { ok: false, reason: `"${text}" does not exist in ${timeZone} (clocks skip it for daylight saving time)` };
  return { ok: true, instant, dateOnly };
}

/** A local date or date-time, written without an offset: its wall time read as if it were UTC. */
export interface LocalTime {
  readonly wallMs: number;
  readonly dateOnly: boolean;
}

const NOT_ISO = 'expected an ISO 8601 date-time such as "2022-11-10T14:50:16+01:00"';

/** The number written by the `count` digits at `at`, or NaN. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Reads an ISO 8601 date or date-time character by character: "2022-11-10",
 * then "T" (or a space) and "14:50", ":16", ".123" (or ",123"), then an
 * offset "Z", "+01:00", "+0100" or "+01", all optional. Gives the instant in
 * ms when an offset is written, the local time when none is, and why the
 * text is refused otherwise.
 *
 * @example readTimestamp('2022-11-10T14:50:16+01:00'); // => 1668088216000
 */
export function readTimestamp(text: string): number | LocalTime | string {
  const length = text.length;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || Number.isNaN(year + month + day)) return NOT_ISO;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millisecond = 0;
  let at = 10;
  const separator = text.charCodeAt(at);
  const dateOnly = (separator | 32) !== 116 && separator !== 32; // "T", "t" or " "
  if (!dateOnly) {
    hour = digits(text, 11, 2);
    minute = digits(text, 14, 2);
    if (text.charCodeAt(13) !== 58 || Number.isNaN(hour + minute)) return NOT_ISO;
    at = 16;
    if (text.charCodeAt(at) === 58) {
      second = digits(text, 17, 2);
      if (Number.isNaN(second)) return NOT_ISO;
      at = 19;
      const mark = text.charCodeAt(at);
      if (mark === 46 || mark === 44) {
        const first = ++at;
        for (let scale = 100; at < length; at++, scale /= 10) {
          const digit = text.charCodeAt(at) - 48;
          if (!(digit >= 0 && digit <= 9)) break;
          if (scale >= 1) millisecond += digit * scale; // sub-millisecond digits are truncated
        }
        if (at === first) return NOT_ISO;
      }
    }
  }
  const offsetAt = at;
  const sign = text.charCodeAt(at);
  let offset = Number.NaN;
  if ((sign | 32) === 122) {
    offset = 0;
    at += 1;
  } else if (sign === 43 || sign === 45) {
    const hours = digits(text, at + 1, 2);
    let minutes = 0;
    at += 3;
    if (at < length) {
      if (text.charCodeAt(at) === 58) at += 1;
      minutes = digits(text, at, 2);
      at += 2;
    }
    offset = Number.isNaN(hours + minutes) ? Number.NaN : hours > 23 || minutes > 59 ? Number.POSITIVE_INFINITY : (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
  }
  if (at !== length || Number.isNaN(offset) !== (offsetAt === length)) return NOT_ISO;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return `${text.slice(0, 10)} is not a calendar date`;
  }
  if (hour > 23 || minute > 59 || second > 59) return `${pad(hour)}:${pad(minute)}:${pad(second)} is not a time of day`;
  const wallMs = utcMillis(year, month, day, hour, minute, second, millisecond);
  if (Number.isNaN(offset)) return { wallMs, dateOnly };
  if (dateOnly) return 'a date without a time cannot carry an offset; write "2022-11-01" or a full date-time';
  if (offset === Number.POSITIVE_INFINITY) {
    return `"${text.slice(offsetAt)}" is not a UTC offset; write one from -23:59 to +23:59, such as "+01:00" or "Z"`;
  }
  return wallMs - offset * MINUTE_MS;
}

/**
 * Milliseconds since the epoch of a wall time read as UTC; months from 1.
 * Unlike `Date.UTC`, years 0 to 99 stay themselves (`Date.UTC` maps them to
 * 1900 to 1999).
 */
export function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.setUTCHours(hour, minute, second, millisecond);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the proleptic Gregorian calendar; months from 1. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
