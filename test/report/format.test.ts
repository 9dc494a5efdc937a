import { ConfigError } from '../../src/errors';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { Exact } from '../../src/model/decimal';
import {
  LOCALES,
  formatDuration,
  formatDurationMinutes,
  formatEnergy,
  formatLocalDateTime,
  formatMoney,
  isLocale,
} from '../../src/report/format';
import type { Locale } from '../../src/report/format';
import { wallClock } from '../support/wall-clock';

/** Replaces every kind of space Intl may emit (NBSP, narrow NBSP) with a plain space. */
const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f\u2009]/g, ' ');

/** Reads "H:MM:SS" (with an optional leading "-") back to whole seconds. */
function parseDuration(text: string): number {
  const match = /^(-?)(\d+):([0-5]\d):([0-5]\d)$/.exec(text);
  if (!match) throw new Error(`not H:MM:SS: ${text}`);
  const [, sign, h, m, s] = match;
  const magnitude = Number(h) * 3600 + Number(m) * 60 + Number(s);
  return sign === '-' ? -magnitude : magnitude;
}

/** Separators of a locale, learnt from Intl itself rather than hard-coded. */
function separators(locale: Locale): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const group = parts.find((p) => p.type === 'group')?.value;
  const decimal = parts.find((p) => p.type === 'decimal')?.value;
  if (group === undefined || decimal === undefined) throw new Error(`no separators for ${locale}`);
  return { group, decimal };
}

/** Reads a formatted energy back to a decimal string in plain notation. */
function parseEnergy(text: string, locale: Locale): string {
  expect(text.endsWith(' kWh')).toBe(true);
  const { group, decimal } = separators(locale);
  const number = text.slice(0, -' kWh'.length).split(group).join('').replace(decimal, '.');
  expect(number).toMatch(/^-?\d+(\.\d+)?$/);
  return number;
}

/** Reads "15 minutes" / "-1.500 Minuten" back to a signed whole number of minutes. */
function parseMinutes(text: string, locale: Locale): number {
  const { group } = separators(locale);
  const match = /^(-?)([\d\s\u00a0\u202f.,]+) \D+$/.exec(text);
  if (!match) throw new Error(`not a minutes text: ${text}`);
  const [, sign, digits = ''] = match;
  const value = Number(digits.split(group).join(''));
  return sign === '-' ? -value : value;
}

describe('LOCALES and isLocale', () => {
  it('lists the four languages of the platform', () => {
    expect(LOCALES).toEqual(['en', 'fr', 'nl', 'de']);
  });
  it('accepts exactly those', () => {
    expect(LOCALES.every(isLocale)).toBe(true);
    expect(isLocale('es')).toBe(false);
    expect(isLocale('EN')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});

describe('formatDuration', () => {
  it('formats the release figures as H:MM:SS', () => {
    expect(formatDuration(902_000)).toBe('0:15:02');
    expect(formatDuration(49_000)).toBe('0:00:49');
    expect(formatDuration(2_395_000)).toBe('0:39:55');
    expect(formatDuration(734_000)).toBe('0:12:14');
    expect(formatDuration(1_202_000)).toBe('0:20:02');
  });
  it('does not cap hours', () => {
    expect(formatDuration(25 * 3_600_000)).toBe('25:00:00');
    expect(formatDuration(100 * 3_600_000 + 59 * 60_000 + 59_000)).toBe('100:59:59');
  });
  it('truncates the sub-second part', () => {
    expect(formatDuration(0)).toBe('0:00:00');
    expect(formatDuration(999)).toBe('0:00:00');
    expect(formatDuration(119_999.9)).toBe('0:01:59');
    expect(formatDuration(120_000)).toBe('0:02:00');
  });
  it('keeps the sign of a negative duration', () => {
    expect(formatDuration(-60_000)).toBe('-0:01:00');
    expect(formatDuration(-60_500)).toBe('-0:01:00');
    expect(formatDuration(-500)).toBe('-0:00:00');
    expect(formatDuration(-0)).toBe('0:00:00');
  });
  it('refuses NaN and infinities', () => {
    expect(() => formatDuration(Number.NaN)).toThrow(ConfigError);
    expect(() => formatDuration(Number.POSITIVE_INFINITY)).toThrow(/finite number of milliseconds/);
  });
});

describe('formatDurationMinutes', () => {
  it('rounds to whole minutes, halves up', () => {
    expect(formatDurationMinutes(902_000)).toBe('15 minutes');
    expect(formatDurationMinutes(60_000)).toBe('1 minute');
    expect(formatDurationMinutes(49_000)).toBe('1 minute');
    expect(formatDurationMinutes(0)).toBe('0 minutes');
    expect(formatDurationMinutes(29_999)).toBe('0 minutes');
    expect(formatDurationMinutes(30_000)).toBe('1 minute');
    expect(formatDurationMinutes(89_999)).toBe('1 minute');
    expect(formatDurationMinutes(90_000)).toBe('2 minutes');
  });
  it('uses the words and plural rules of each locale', () => {
    expect(formatDurationMinutes(902_000, 'fr')).toBe('15 minutes');
    expect(formatDurationMinutes(60_000, 'fr')).toBe('1 minute');
    expect(formatDurationMinutes(0, 'fr')).toBe('0 minute');
    expect(formatDurationMinutes(902_000, 'nl')).toBe('15 minuten');
    expect(formatDurationMinutes(60_000, 'nl')).toBe('1 minuut');
    expect(formatDurationMinutes(0, 'nl')).toBe('0 minuten');
    expect(formatDurationMinutes(902_000, 'de')).toBe('15 Minuten');
    expect(formatDurationMinutes(60_000, 'de')).toBe('1 Minute');
  });
  it('groups large numbers per locale', () => {
    expect(formatDurationMinutes(25 * 3_600_000)).toBe('1,500 minutes');
    expect(formatDurationMinutes(25 * 3_600_000, 'de')).toBe('1.500 Minuten');
    expect(plainSpaces(formatDurationMinutes(1_000_000 * 60_000, 'fr'))).toBe('1 000 000 de minutes');
  });
  it('keeps the sign of a negative duration', () => {
    expect(formatDurationMinutes(-902_000)).toBe('-15 minutes');
    expect(formatDurationMinutes(-60_000, 'nl')).toBe('-1 minuut');
    expect(formatDurationMinutes(-10_000)).toBe('-0 minutes');
  });
  it('refuses bad input with a message', () => {
    expect(() => formatDurationMinutes(Number.NaN)).toThrow(ConfigError);
    expect(() => formatDurationMinutes(60_000, 'es' as Locale)).toThrow(/unknown locale "es"; use one of en, fr, nl, de/);
  });
});

describe('formatEnergy', () => {
  it('formats the release figures', () => {
    expect(formatEnergy(new Exact('3.667'))).toBe('3.667 kWh');
    expect(formatEnergy(new Exact('11.001'))).toBe('11.001 kWh');
    expect(formatEnergy(new Exact('3.667'), 'fr')).toBe('3,667 kWh');
    expect(formatEnergy(new Exact('3.667'), 'nl')).toBe('3,667 kWh');
    expect(formatEnergy(new Exact('3.667'), 'de')).toBe('3,667 kWh');
  });
  it('does not force trailing zeros', () => {
    expect(formatEnergy(new Exact('7.3'))).toBe('7.3 kWh');
    expect(formatEnergy(new Exact('7.300'))).toBe('7.3 kWh');
    expect(formatEnergy(new Exact('350'))).toBe('350 kWh');
    expect(formatEnergy(new Exact('0'))).toBe('0 kWh');
  });
  it('groups thousands per locale', () => {
    expect(formatEnergy(new Exact('1234.5'))).toBe('1,234.5 kWh');
    expect(formatEnergy(new Exact('1234.5'), 'de')).toBe('1.234,5 kWh');
    expect(formatEnergy(new Exact('1234.5'), 'nl')).toBe('1.234,5 kWh');
    expect(plainSpaces(formatEnergy(new Exact('1234.5'), 'fr'))).toBe('1 234,5 kWh');
  });
  it('rounds more than three decimals half-up', () => {
    expect(formatEnergy(new Exact('7.3005'))).toBe('7.301 kWh');
    expect(formatEnergy(new Exact('7.30049999'))).toBe('7.3 kWh');
    expect(formatEnergy(new Exact('-0.0015'))).toBe('-0.002 kWh');
    expect(formatEnergy(new Exact('0.0004'))).toBe('0 kWh');
    expect(formatEnergy(new Exact('-0.0004'))).toBe('0 kWh');
  });
  it('is exact beyond the precision of a float', () => {
    expect(formatEnergy(new Exact('12345678901234567.891'))).toBe('12,345,678,901,234,567.891 kWh');
    expect(formatEnergy(new Exact('0.1').plus('0.2'))).toBe('0.3 kWh');
  });
  it('accepts a Decimal from another constructor, even in exponent notation', () => {
    const Sci = Decimal.clone({ toExpNeg: -1, toExpPos: 1 });
    expect(formatEnergy(new Sci('0.05'))).toBe('0.05 kWh');
    expect(formatEnergy(new Sci('350'))).toBe('350 kWh');
  });
  it('refuses non-finite decimals', () => {
    expect(() => formatEnergy(new Exact(Number.NaN))).toThrow(/finite decimal, received NaN/);
    expect(() => formatEnergy(new Exact(Number.POSITIVE_INFINITY))).toThrow(ConfigError);
  });
});

describe('formatMoney', () => {
  const intl = (locale: Locale, currency: string, value: number): string =>
    new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);

  it('formats the release figure in each locale as Intl does', () => {
    expect(formatMoney(new Exact('2.44'), 'EUR')).toBe('€2.44');
    expect(plainSpaces(formatMoney(new Exact('2.44'), 'EUR', 'fr'))).toBe('2,44 €');
    expect(plainSpaces(formatMoney(new Exact('2.44'), 'EUR', 'de'))).toBe('2,44 €');
    for (const locale of LOCALES) {
      expect(formatMoney(new Exact('2.44'), 'EUR', locale)).toBe(intl(locale, 'EUR', 2.44));
      expect(formatMoney(new Exact('-1234.5'), 'EUR', locale)).toBe(intl(locale, 'EUR', -1234.5));
    }
  });
  it('uses the currency minor unit and rounds half-up', () => {
    expect(formatMoney(new Exact('2.445'), 'EUR')).toBe('€2.45');
    expect(formatMoney(new Exact('2.4449'), 'EUR')).toBe('€2.44');
    expect(formatMoney(new Exact('0'), 'EUR')).toBe('€0.00');
    expect(formatMoney(new Exact('-0.004'), 'EUR')).toBe('€0.00');
    expect(formatMoney(new Exact('1234.5'), 'JPY')).toBe(intl('en', 'JPY', 1235));
    expect(formatMoney(new Exact('1.2345'), 'BHD')).toBe(intl('en', 'BHD', 1.235));
  });
  it('is exact beyond the precision of a float', () => {
    expect(formatMoney(new Exact('90071992547409.93'), 'EUR')).toBe('€90,071,992,547,409.93');
  });
  it('names the problem with a bad currency', () => {
    expect(() => formatMoney(new Exact('1'), 'EURO')).toThrow(/"EURO" is not a currency code; use an ISO 4217 code/);
  });
});

describe('formatLocalDateTime', () => {
  const start = new Date('2022-11-10T14:50:16+01:00');
  it('shows the wall-clock time of the zone', () => {
    expect(formatLocalDateTime(start, 'Europe/Brussels')).toBe('2022-11-10 14:50:16');
    expect(formatLocalDateTime(start, 'Europe/Brussels', 'minute')).toBe('2022-11-10 14:50');
    expect(formatLocalDateTime(start, 'UTC')).toBe('2022-11-10 13:50:16');
    expect(formatLocalDateTime(start, 'America/New_York')).toBe('2022-11-10 08:50:16');
  });
  it('drops seconds at minute precision rather than rounding', () => {
    expect(formatLocalDateTime(new Date('2022-11-10T15:05:59+01:00'), 'Europe/Brussels', 'minute')).toBe(
      '2022-11-10 15:05',
    );
  });
  it('follows daylight saving time', () => {
    expect(formatLocalDateTime(new Date('2022-07-01T12:00:00Z'), 'Europe/Brussels')).toBe('2022-07-01 14:00:00');
    // 2022-10-30: 03:00 CEST becomes 02:00 CET, so 02:30 occurs twice.
    expect(formatLocalDateTime(new Date('2022-10-30T00:30:00Z'), 'Europe/Brussels')).toBe('2022-10-30 02:30:00');
    expect(formatLocalDateTime(new Date('2022-10-30T01:30:00Z'), 'Europe/Brussels')).toBe('2022-10-30 02:30:00');
  });
  it('refuses an invalid date or zone with a message', () => {
    expect(() => formatLocalDateTime(new Date(Number.NaN), 'UTC')).toThrow(/needs a valid Date/);
    expect(() => formatLocalDateTime(start, 'Mars/Olympus')).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
});

describe('properties', () => {
  const locale = fc.constantFrom(...LOCALES);

  it('formatDuration reads back to the whole seconds (truncated toward zero)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.double({ min: -1e12, max: 1e12, noNaN: true })), (ms) => {
        const text = formatDuration(ms);
        expect(parseDuration(text) === Math.trunc(ms / 1000)).toBe(true);
        expect(text.startsWith('-')).toBe(ms < 0);
      }),
    );
  });

  it('formatDuration of a non-negative duration reads back to floor(ms / 1000)', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toBe(Math.floor(ms / 1000));
      }),
    );
  });

  it('formatDurationMinutes is monotonic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.integer({ min: -1e11, max: 1e11 }),
        locale,
        (a, b, loc) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(parseMinutes(formatDurationMinutes(lo, loc), loc)).toBeLessThanOrEqual(
            parseMinutes(formatDurationMinutes(hi, loc), loc),
          );
        },
      ),
    );
  });

  it('formatDurationMinutes reads back to the minutes rounded half-up', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e12 }), locale, (ms, loc) => {
        const minutes = parseMinutes(formatDurationMinutes(ms, loc), loc);
        const remainder = ms % 60_000;
        const expected = (ms - remainder) / 60_000 + (remainder >= 30_000 ? 1 : 0);
        expect(minutes).toBe(expected);
      }),
    );
  });

  /** The decimal n / 10^scale rounded half away from zero to 3 places, computed on integers. */
  function roundedHalfUp3(n: bigint, scale: number): string {
    let units = n; // in thousandths
    if (scale <= 3) units = n * 10n ** BigInt(3 - scale);
    else {
      const divisor = 10n ** BigInt(scale - 3);
      const magnitude = n < 0n ? -n : n;
      let q = magnitude / divisor;
      if ((magnitude % divisor) * 2n >= divisor) q += 1n;
      units = n < 0n ? -q : q;
    }
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(4, '0');
    const text = `${digits.slice(0, -3)}.${digits.slice(-3)}`.replace(/\.?0+$/, '');
    return units === 0n ? '0' : `${negative ? '-' : ''}${text}`;
  }

  it('formatEnergy shows at most 3 decimals and reads back to the value rounded half-up', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 10 }),
        locale,
        (n, scale, loc) => {
          const value = new Exact(n.toString()).div(new Exact(10).pow(scale));
          const text = formatEnergy(value, loc);
          const read = parseEnergy(text, loc);
          expect((read.split('.')[1] ?? '').length).toBeLessThanOrEqual(3);
          expect(read).toBe(roundedHalfUp3(n, scale));
        },
      ),
    );
  });

  it('formatMoney agrees with Intl on amounts in cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), locale, (cents, loc) => {
        const amount = new Exact(cents).div(100);
        const expected = new Intl.NumberFormat(loc, { style: 'currency', currency: 'EUR' }).format(cents / 100);
        expect(formatMoney(amount, 'EUR', loc)).toBe(expected);
      }),
    );
  });

  it('formatLocalDateTime at minute precision is the second precision without its seconds', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('Europe/Brussels', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'),
        (instant, zone) => {
          const seconds = formatLocalDateTime(instant, zone);
          expect(seconds).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
          expect(formatLocalDateTime(instant, zone, 'minute')).toBe(seconds.slice(0, -3));
          expect(seconds).toBe(wallClock(instant, zone));
        },
      ),
    );
  });
});
