import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, isValidTimeZone, parseInstant, readTimestamp, zonedWallTimeToInstant } from '../../src/model/time';
import type { InstantParse } from '../../src/model/time';
import { wallClockIso } from '../support/wall-clock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const ZONES = ['Europe/Brussels', 'America/New_York', 'America/Santiago', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'] as const;

/** The instant of a successful parse, or a failure naming the reason (so a failed expectation shows it). */
function instantOf(parsed: InstantParse): string {
  return parsed.ok ? parsed.instant.toISOString() : `refused: ${parsed.reason}`;
}

/** The reason of a refused parse; fails the test when the parse succeeded. */
function reasonOf(parsed: InstantParse): string {
  if (parsed.ok) throw new Error(`expected a refusal, got ${parsed.instant.toISOString()}`);
  return parsed.reason;
}

/** The zone's offset from UTC at `instant`, in ms, as Intl reports it. */
function offsetAt(instant: number, zone: string): number {
  return Date.parse(`${wallClockIso(instant, zone)}Z`) - instant;
}

/**
 * Brute force: every instant whose wall time in `zone` is `wall`, found by
 * trying each offset from -14:00 to +14:00 in quarter hours; the earliest, or
 * null when the wall time never occurs.
 */
function earliestInstantOfWall(wall: string, zone: string): number | null {
  const wallAsUtc = Date.parse(`${wall}Z`);
  let earliest: number | null = null;
  for (let offset = -14 * 60; offset <= 14 * 60; offset += 15) {
    const candidate = wallAsUtc - offset * MINUTE;
    if (wallClockIso(candidate, zone) === wall && (earliest === null || candidate < earliest)) earliest = candidate;
  }
  return earliest;
}

/** Offset changes of `zone` between two years, found by a daily scan and bisection to the millisecond. */
function transitions(zone: string, fromYear: number, toYear: number): { at: number; before: number; after: number }[] {
  const found: { at: number; before: number; after: number }[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let after = offsetAt(Date.UTC(fromYear, 0, 1), zone);
  for (let day = Date.UTC(fromYear, 0, 1); day < end; day += 24 * HOUR) {
    const before = after;
    after = offsetAt(day + 24 * HOUR, zone);
    if (before === after) continue;
    let low = day;
    let high = day + 24 * HOUR;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (offsetAt(middle, zone) === before) low = middle;
      else high = middle;
    }
    found.push({ at: high, before, after });
  }
  return found;
}

describe('isValidTimeZone', () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isValidTimeZone('Europe/Brussels')).toBe(true);
    expect(isValidTimeZone('America/Santiago')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('Brussels')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('defaults to Europe/Brussels', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Europe/Brussels');
  });
});

describe('parseInstant with an offset', () => {
  it('reads an offset or Z as that instant, whatever time zone is given', () => {
    expect(instantOf(parseInstant('2022-11-10T14:50:16+01:00', undefined))).toBe('2022-11-10T13:50:16.000Z');
    expect(instantOf(parseInstant('2022-11-10T13:50:16Z', undefined))).toBe('2022-11-10T13:50:16.000Z');
    expect(instantOf(parseInstant('2022-11-10T08:50:16-05:00', undefined))).toBe('2022-11-10T13:50:16.000Z');
    expect(instantOf(parseInstant('2022-11-10T19:20:16+0530', undefined))).toBe('2022-11-10T13:50:16.000Z');
    expect(instantOf(parseInstant('2022-11-10T15:50:16+02', undefined))).toBe('2022-11-10T13:50:16.000Z');
    expect(instantOf(parseInstant('2022-11-10T14:50:16+01:00', 'America/New_York'))).toBe('2022-11-10T13:50:16.000Z');
    expect(parseInstant('2022-11-10T14:50:16+01:00', undefined)).toMatchObject({ ok: true, dateOnly: false });
  });

  it('accepts lowercase designators, a space separator, no seconds and fractions', () => {
    expect(instantOf(parseInstant('2022-11-10t13:50:16z', undefined))).toBe('2022-11-10T13:50:16.000Z');
    expect(instantOf(parseInstant('2022-11-10 14:50:16+01:00', undefined))).toBe('2022-11-10T13:50:16.000Z');
    expect(instantOf(parseInstant('2022-11-10T14:50+01:00', undefined))).toBe('2022-11-10T13:50:00.000Z');
    expect(instantOf(parseInstant('2022-11-10T13:50:16.1Z', undefined))).toBe('2022-11-10T13:50:16.100Z');
    expect(instantOf(parseInstant('2022-11-10T13:50:16,25Z', undefined))).toBe('2022-11-10T13:50:16.250Z');
    expect(instantOf(parseInstant('  2022-11-10T13:50:16Z  ', undefined))).toBe('2022-11-10T13:50:16.000Z');
  });

  it('truncates digits beyond the millisecond', () => {
    expect(instantOf(parseInstant('2022-11-10T13:50:16.123999Z', undefined))).toBe('2022-11-10T13:50:16.123Z');
    expect(instantOf(parseInstant('2022-12-31T23:59:59.99999999999999999999Z', undefined))).toBe('2022-12-31T23:59:59.999Z');
  });

  it('refuses offsets outside -23:59..+23:59', () => {
    expect(reasonOf(parseInstant('2022-11-10T14:50:16+24:00', undefined))).toContain('is not a UTC offset');
    expect(reasonOf(parseInstant('2022-11-10T14:50:16+01:60', undefined))).toContain('"+01:00"');
    expect(instantOf(parseInstant('2022-11-10T14:50:16-23:59', undefined))).toBe('2022-11-11T14:49:16.000Z');
  });

  it('keeps years 0 to 99 as written (Date.UTC would move them to the 1900s)', () => {
    expect(instantOf(parseInstant('0050-06-01T00:00:00Z', undefined))).toBe('0050-06-01T00:00:00.000Z');
    expect(instantOf(parseInstant('0000-02-29T12:00:00Z', undefined))).toBe('0000-02-29T12:00:00.000Z');
    expect(reasonOf(parseInstant('0100-02-29T12:00:00Z', undefined))).toBe('0100-02-29 is not a calendar date');
  });
});

describe('parseInstant refusals', () => {
  it('refuses a date-time without an offset when no time zone is named', () => {
    const reason = reasonOf(parseInstant('2022-11-10T14:50:16', undefined));
    expect(reason).toContain('has no UTC offset');
    expect(reason).toContain('"+01:00"');
  });

  it('refuses a bare date without a time zone, asking for a full date-time', () => {
    expect(reasonOf(parseInstant('2022-11-10', undefined))).toContain('is a date without a time');
  });

  it('refuses a bare date with an offset', () => {
    expect(reasonOf(parseInstant('2022-11-10+01:00', 'Europe/Brussels'))).toContain('cannot carry an offset');
  });

  it('refuses dates that are not on the calendar and times that are not times of day', () => {
    expect(reasonOf(parseInstant('2022-02-30T10:00:00Z', undefined))).toBe('2022-02-30 is not a calendar date');
    expect(reasonOf(parseInstant('2022-02-29T10:00:00Z', undefined))).toBe('2022-02-29 is not a calendar date');
    expect(reasonOf(parseInstant('2022-13-01T10:00:00Z', undefined))).toBe('2022-13-01 is not a calendar date');
    expect(reasonOf(parseInstant('2022-04-00T10:00:00Z', undefined))).toBe('2022-04-00 is not a calendar date');
    expect(reasonOf(parseInstant('2100-02-29T10:00:00Z', undefined))).toBe('2100-02-29 is not a calendar date');
    expect(reasonOf(parseInstant('2022-11-10T25:00:00Z', undefined))).toBe('25:00:00 is not a time of day');
    expect(reasonOf(parseInstant('2022-11-10T24:00:00Z', undefined))).toBe('24:00:00 is not a time of day');
    expect(reasonOf(parseInstant('2022-11-10T12:60:00Z', undefined))).toBe('12:60:00 is not a time of day');
    expect(reasonOf(parseInstant('2022-11-10T23:59:60Z', undefined))).toBe('23:59:60 is not a time of day');
    expect(reasonOf(parseInstant('2022-02-30', 'Europe/Brussels'))).toBe('2022-02-30 is not a calendar date');
  });

  it('accepts leap days of leap years', () => {
    expect(instantOf(parseInstant('2024-02-29T10:00:00Z', undefined))).toBe('2024-02-29T10:00:00.000Z');
    expect(instantOf(parseInstant('2000-02-29T10:00:00Z', undefined))).toBe('2000-02-29T10:00:00.000Z');
  });

  it('refuses text that is not ISO 8601, with an example of what is', () => {
    for (const text of ['', 'abc', '10/11/2022 14:50', '2022-1-1T10:00Z', '2022-11-10T1:00Z', '1668088216000', '+02022-11-10T10:00Z']) {
      expect(reasonOf(parseInstant(text, 'Europe/Brussels'))).toContain('"2022-11-10T14:50:16+01:00"');
    }
  });
});

describe('parseInstant in a time zone', () => {
  it('reads Brussels local time in winter (UTC+1) and summer (UTC+2)', () => {
    expect(instantOf(parseInstant('2022-11-10T14:50:16', 'Europe/Brussels'))).toBe('2022-11-10T13:50:16.000Z');
    expect(instantOf(parseInstant('2022-07-01T12:00:00.250', 'Europe/Brussels'))).toBe('2022-07-01T10:00:00.250Z');
  });

  it('refuses Brussels wall times the spring-forward gap skips, and keeps its edges', () => {
    expect(reasonOf(parseInstant('2022-03-27T02:30', 'Europe/Brussels'))).toBe(
      '"2022-03-27T02:30" does not exist in Europe/Brussels (clocks skip it for daylight saving time)',
    );
    expect(parseInstant('2022-03-27T02:00:00', 'Europe/Brussels').ok).toBe(false);
    expect(parseInstant('2022-03-27T02:59:59.999', 'Europe/Brussels').ok).toBe(false);
    expect(instantOf(parseInstant('2022-03-27T01:59:59.999', 'Europe/Brussels'))).toBe('2022-03-27T00:59:59.999Z');
    expect(instantOf(parseInstant('2022-03-27T03:00', 'Europe/Brussels'))).toBe('2022-03-27T01:00:00.000Z');
  });

  it('reads an ambiguous Brussels fall-back wall time as the earlier instant', () => {
    expect(instantOf(parseInstant('2022-10-30T02:30', 'Europe/Brussels'))).toBe('2022-10-30T00:30:00.000Z');
    expect(instantOf(parseInstant('2022-10-30T02:00', 'Europe/Brussels'))).toBe('2022-10-30T00:00:00.000Z');
    expect(instantOf(parseInstant('2022-10-30T01:59:59', 'Europe/Brussels'))).toBe('2022-10-29T23:59:59.000Z');
    expect(instantOf(parseInstant('2022-10-30T03:00', 'Europe/Brussels'))).toBe('2022-10-30T02:00:00.000Z');
  });

  it('reads New York local time west of UTC, across both changes', () => {
    expect(instantOf(parseInstant('2022-01-15T12:00', 'America/New_York'))).toBe('2022-01-15T17:00:00.000Z');
    expect(instantOf(parseInstant('2022-07-01T12:00', 'America/New_York'))).toBe('2022-07-01T16:00:00.000Z');
    expect(reasonOf(parseInstant('2022-03-13T02:30', 'America/New_York'))).toContain('does not exist in America/New_York');
    expect(instantOf(parseInstant('2022-03-13T03:00', 'America/New_York'))).toBe('2022-03-13T07:00:00.000Z');
    expect(instantOf(parseInstant('2022-11-06T01:30', 'America/New_York'))).toBe('2022-11-06T05:30:00.000Z');
    expect(instantOf(parseInstant('2022-11-06T02:00', 'America/New_York'))).toBe('2022-11-06T07:00:00.000Z');
  });

  it('handles Santiago, where clocks change at midnight', () => {
    // 2022-09-11 00:00 (-04) became 01:00 (-03): the day starts at 01:00.
    expect(parseInstant('2022-09-11', 'America/Santiago')).toEqual({ ok: true, instant: new Date('2022-09-11T04:00:00.000Z'), dateOnly: true });
    expect(reasonOf(parseInstant('2022-09-11T00:00', 'America/Santiago'))).toContain('does not exist in America/Santiago');
    expect(reasonOf(parseInstant('2022-09-11T00:30', 'America/Santiago'))).toContain('does not exist');
    expect(instantOf(parseInstant('2022-09-11T01:00', 'America/Santiago'))).toBe('2022-09-11T04:00:00.000Z');
    expect(instantOf(parseInstant('2022-09-10', 'America/Santiago'))).toBe('2022-09-10T04:00:00.000Z');
    // 2022-04-03 00:00 (-03) became 2022-04-02 23:00 (-04): 23:xx happens twice.
    expect(instantOf(parseInstant('2022-04-02T23:30', 'America/Santiago'))).toBe('2022-04-03T02:30:00.000Z');
    expect(instantOf(parseInstant('2022-04-03', 'America/Santiago'))).toBe('2022-04-03T04:00:00.000Z');
  });

  it('handles the southern hemisphere (Sydney) and half-hour zones (Kolkata)', () => {
    expect(instantOf(parseInstant('2022-01-15T12:00', 'Australia/Sydney'))).toBe('2022-01-15T01:00:00.000Z');
    expect(instantOf(parseInstant('2022-07-15T12:00', 'Australia/Sydney'))).toBe('2022-07-15T02:00:00.000Z');
    expect(instantOf(parseInstant('2022-04-03T02:30', 'Australia/Sydney'))).toBe('2022-04-02T15:30:00.000Z');
    expect(parseInstant('2022-10-02T02:30', 'Australia/Sydney').ok).toBe(false);
    expect(instantOf(parseInstant('2022-11-10T12:00', 'Asia/Kolkata'))).toBe('2022-11-10T06:30:00.000Z');
  });

  it('reads a bare date as local midnight, which daylight saving does not move', () => {
    expect(parseInstant('2022-11-01', 'Europe/Brussels')).toEqual({ ok: true, instant: new Date('2022-10-31T23:00:00.000Z'), dateOnly: true });
    expect(instantOf(parseInstant('2022-07-01', 'Europe/Brussels'))).toBe('2022-06-30T22:00:00.000Z');
    expect(instantOf(parseInstant('2022-03-27', 'Europe/Brussels'))).toBe('2022-03-26T23:00:00.000Z');
    expect(instantOf(parseInstant('2022-03-28', 'Europe/Brussels'))).toBe('2022-03-27T22:00:00.000Z');
  });
});

describe('zonedWallTimeToInstant', () => {
  const wall = (year: number, month: number, day: number, hour: number, minute = 0) => Date.UTC(year, month - 1, day, hour, minute);

  it('gives the instant of an ordinary wall time', () => {
    expect(zonedWallTimeToInstant(wall(2022, 11, 10, 14, 50), 'Europe/Brussels', 'reject')?.toISOString()).toBe('2022-11-10T13:50:00.000Z');
    expect(zonedWallTimeToInstant(wall(2022, 7, 1, 12), 'America/New_York', 'reject')?.toISOString()).toBe('2022-07-01T16:00:00.000Z');
  });

  it('gives null in a gap when rejecting, and the wall time in the earlier offset when shifting', () => {
    expect(zonedWallTimeToInstant(wall(2022, 3, 27, 2, 30), 'Europe/Brussels', 'reject')).toBeNull();
    expect(zonedWallTimeToInstant(wall(2022, 3, 27, 2, 30), 'Europe/Brussels', 'shift')?.toISOString()).toBe('2022-03-27T01:30:00.000Z');
    expect(zonedWallTimeToInstant(wall(2022, 3, 13, 2, 30), 'America/New_York', 'reject')).toBeNull();
    expect(zonedWallTimeToInstant(wall(2022, 3, 13, 2, 30), 'America/New_York', 'shift')?.toISOString()).toBe('2022-03-13T07:30:00.000Z');
    expect(zonedWallTimeToInstant(wall(2022, 9, 11, 0), 'America/Santiago', 'shift')?.toISOString()).toBe('2022-09-11T04:00:00.000Z');
  });

  it('gives the earlier instant of an ambiguous wall time, in either mode', () => {
    expect(zonedWallTimeToInstant(wall(2022, 10, 30, 2, 30), 'Europe/Brussels', 'reject')?.toISOString()).toBe('2022-10-30T00:30:00.000Z');
    expect(zonedWallTimeToInstant(wall(2022, 10, 30, 2, 30), 'Europe/Brussels', 'shift')?.toISOString()).toBe('2022-10-30T00:30:00.000Z');
    expect(zonedWallTimeToInstant(wall(2022, 11, 6, 1, 30), 'America/New_York', 'reject')?.toISOString()).toBe('2022-11-06T05:30:00.000Z');
  });
});

describe('properties', () => {
  const instantArb = fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });

  it('reads back any instant written in UTC with Z', () => {
    fc.assert(
      fc.property(instantArb, (instant) => {
        expect(instantOf(parseInstant(instant.toISOString(), undefined))).toBe(instant.toISOString());
      }),
    );
  });

  it('reads back any instant written with any offset, in any offset notation', () => {
    const offsetArb = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 });
    const notationArb = fc.constantFrom('colon', 'compact', 'hours');
    const innerArb = fc.date({ min: new Date('0000-01-02T00:00:00.000Z'), max: new Date('9999-12-30T23:59:59.999Z'), noInvalidDate: true });
    fc.assert(
      fc.property(innerArb, offsetArb, notationArb, (instant, offset, notation) => {
        const wall = new Date(instant.getTime() + offset * MINUTE).toISOString().slice(0, 23);
        const sign = offset < 0 ? '-' : '+';
        const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
        const mm = String(Math.abs(offset) % 60).padStart(2, '0');
        const suffix = notation === 'colon' || mm !== '00' ? `${sign}${hh}${notation === 'compact' ? '' : ':'}${mm}` : `${sign}${hh}`;
        expect(instantOf(parseInstant(`${wall}${suffix}`, 'Asia/Kolkata'))).toBe(instant.toISOString());
      }),
    );
  });

  it("reads a zone's wall time back as the same instant, or the earlier one when the wall time is ambiguous", () => {
    const localArb = fc.date({ min: new Date('1950-01-01T00:00:00.000Z'), max: new Date('2100-12-31T00:00:00.000Z'), noInvalidDate: true });
    fc.assert(
      fc.property(localArb, fc.constantFrom(...ZONES), (instant, zone) => {
        const wall = wallClockIso(instant, zone);
        let expected = instant.getTime();
        for (let k = 1; k <= 8; k++) {
          const earlier = instant.getTime() - k * 15 * MINUTE;
          if (wallClockIso(earlier, zone) === wall) expected = earlier;
        }
        const parsed = parseInstant(wall, zone);
        expect(instantOf(parsed)).toBe(new Date(expected).toISOString());
      }),
      { numRuns: 300 },
    );
  });

  it('around every clock change, accepts exactly the wall times that occur, as their earliest instant', () => {
    const changes = ZONES.flatMap((zone) => transitions(zone, 2012, 2030).map((change) => ({ zone, ...change })));
    // The scan found the changes the examples rely on: Brussels, New York, Santiago and Sydney all change twice a year.
    expect(changes.filter((change) => change.zone === 'Europe/Brussels')).toHaveLength(38);
    expect(changes.filter((change) => change.zone === 'America/Santiago').length).toBeGreaterThan(25);
    expect(changes.some((change) => change.zone === 'Asia/Kolkata' || change.zone === 'UTC')).toBe(false);
    let gaps = 0;
    let overlaps = 0;
    fc.assert(
      fc.property(fc.constantFrom(...changes), fc.integer({ min: -90, max: 150 }), ({ zone, at, before, after }, minutes) => {
        // Wall times from before the change's earlier wall reading to after its later one.
        const wallMs = at + Math.min(before, after) + minutes * MINUTE;
        const wall = new Date(wallMs).toISOString().slice(0, 23);
        const expected = earliestInstantOfWall(wall, zone);
        const parsed = parseInstant(wall, zone);
        if (expected === null) {
          gaps++;
          expect(reasonOf(parsed)).toContain(`does not exist in ${zone}`);
        } else {
          if (wallClockIso(expected + Math.abs(after - before), zone) === wall) overlaps++;
          expect(instantOf(parsed)).toBe(new Date(expected).toISOString());
        }
      }),
      { numRuns: 400 },
    );
    // The generated wall times did fall into gaps and overlaps, not only around them.
    expect(gaps).toBeGreaterThan(0);
    expect(overlaps).toBeGreaterThan(0);
  });

  it('reads a bare date in a zone as the first instant of that local day', () => {
    const dayArb = fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2100-12-31T00:00:00.000Z'), noInvalidDate: true });
    fc.assert(
      fc.property(dayArb, fc.constantFrom(...ZONES), (day, zone) => {
        const date = day.toISOString().slice(0, 10);
        const parsed = parseInstant(date, zone);
        if (!parsed.ok) throw new Error(parsed.reason);
        expect(parsed.dateOnly).toBe(true);
        // It is on that local date, and a moment earlier is on the day before.
        expect(wallClockIso(parsed.instant, zone).slice(0, 10)).toBe(date);
        expect(wallClockIso(parsed.instant.getTime() - 1, zone).slice(0, 10) < date).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readTimestamp: the grammar, read character by character', () => {
  /** ISO 8601 as the library reads it, written as a regular expression: the reference the reader is held to. */
  const GRAMMAR = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

  /** What the grammar says `text` is: an instant in ms, a local time, or the reason it is refused (a pattern where the message has the text's pieces). */
  function reference(text: string): number | { wallMs: number; dateOnly: boolean } | string | RegExp {
    const match = GRAMMAR.exec(text);
    if (!match) return 'expected an ISO 8601 date-time such as "2022-11-10T14:50:16+01:00"';
    const [, year, month, day, hour, minute = '0', second = '0', fraction = '', offset] = match;
    const date = new Date(0);
    date.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
    if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1) return `${text.slice(0, 10)} is not a calendar date`;
    if (Number(hour ?? 0) > 23 || Number(minute) > 59 || Number(second) > 59) return / is not a time of day$/;
    const wallMs = date.setUTCHours(Number(hour ?? 0), Number(minute), Number(second), Number(fraction.padEnd(3, '0').slice(0, 3)));
    if (offset === undefined) return { wallMs, dateOnly: hour === undefined };
    if (hour === undefined) return /^a date without a time cannot carry an offset/;
    if (/^z$/i.test(offset)) return wallMs;
    const [, sign, hours, minutes = '0'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(offset)!;
    if (Number(hours) > 23 || Number(minutes) > 59) return `"${offset}" is not a UTC offset; write one from -23:59 to +23:59, such as "+01:00" or "Z"`;
    return wallMs - (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * MINUTE;
  }

  /** Pieces that make timestamps, valid and not: digits of any range, every separator, every offset notation. */
  const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
  const pieceArb = fc.tuple(
    fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    two,
    two,
    fc.option(
      fc.tuple(fc.constantFrom('T', 't', ' '), two, two, fc.option(fc.tuple(two, fc.option(fc.tuple(fc.constantFrom('.', ','), fc.stringMatching(/^\d{1,12}$/)), { nil: undefined })), { nil: undefined })),
      { nil: undefined },
    ),
    fc.option(fc.oneof(fc.constantFrom('Z', 'z'), fc.tuple(fc.constantFrom('+', '-'), two, fc.constantFrom('', ':'), fc.option(two, { nil: '' })).map((parts) => parts.join(''))), { nil: '' }),
  ).map(([year, month, day, time, offset]) => {
    const clock = time === undefined ? '' : `${time[0]}${time[1]}:${time[2]}${time[3] === undefined ? '' : `:${time[3][0]}${time[3][1]?.join('') ?? ''}`}`;
    return `${year}-${month}-${day}${clock}${offset}`;
  });
  /** Such timestamps with a character changed, dropped or added here and there. */
  const textArb = fc.oneof(
    pieceArb,
    fc.tuple(pieceArb, fc.nat(), fc.constantFrom('', '0', '9', '-', ':', 'T', ' ', 'Z', '+', '.', ',', 'x', '\u0660'), fc.boolean()).map(([text, at, char, insert]) => {
      const i = at % (text.length + 1);
      return `${text.slice(0, i)}${char}${text.slice(insert ? i : i + 1)}`;
    }),
  );

  it('accepts exactly what the grammar accepts, with the same instant, local time or reason', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const expected = reference(text);
        if (expected instanceof RegExp) expect(readTimestamp(text)).toMatch(expected);
        else expect(readTimestamp(text)).toEqual(expected);
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads the same text the same way, spaces around it or not', () => {
    fc.assert(
      fc.property(pieceArb, fc.constantFrom(undefined, 'Europe/Brussels'), (text, timeZone) => {
        const spaced = parseInstant(` ${text}\n`, timeZone);
        // A refusal quotes the text as given.
        expect(spaced.ok ? spaced : { ok: false, reason: spaced.reason.replace(`" ${text}\n"`, `"${text}"`) }).toEqual(parseInstant(text, timeZone));
      }),
      { numRuns: 1_000 },
    );
  });
});
