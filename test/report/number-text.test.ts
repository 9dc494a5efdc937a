import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { numberWriter, verifiedShape } from '../../src/report/number-text';
import { formatDuration, formatEnergy, formatLocalDateTime, formatMoney } from '../../src/report/format';
import { LOCALE_DEFINITIONS, type LocaleInput } from '../../src/report/locale';
import type { LocaleDefinition } from '../../src/report/locale-definition';
import { offsetMinutesAt } from '../../src/model/time';
import { findMinorUnitDigits } from '../../src/cost/rounding';
import { dstInstantArb, scaledText } from '../../src/testing';
import { wallClock } from '../support/wall-clock';

/** Tags whose numbers the reports may be written in: the built-in ones, regional variants, and users' own languages. */
const TAGS = ['en', 'fr', 'nl', 'de', 'fr-BE', 'nl-BE', 'de-AT', 'de-CH', 'fr-CH', 'en-GB', 'en-IN', 'hi-IN', 'es', 'pl', 'sv', 'pt-PT', 'ja', 'ar-EG', 'de-u-nu-arab'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'HUF', 'KWD', 'XXX'];

/** Users' definitions: a built-in language's words with another tag's numbers. */
const DEFINITIONS: readonly LocaleDefinition[] = TAGS.map((tag, i) => ({ ...Object.values(LOCALE_DEFINITIONS)[i % 4]!, tag }));
const LOCALE_INPUTS: readonly LocaleInput[] = ['en', 'fr', 'nl', 'de', 'fr-BE', 'de-CH', 'EN', ...DEFINITIONS];
const tagOf = (locale: LocaleInput): string => (typeof locale === 'string' ? Intl.getCanonicalLocales(locale)[0]! : locale.tag);

/** Decimals of every size: up to 25 integer digits and 12 decimals, either sign, zero and its neighbours often. */
const decimalArb: fc.Arbitrary<Decimal> = fc
  .tuple(fc.oneof(fc.bigInt({ min: -(10n ** 37n), max: 10n ** 37n }), fc.bigInt({ min: -100_000n, max: 100_000n })), fc.integer({ min: 0, max: 12 }))
  .map(([unscaled, scale]) => new Decimal(scaledText(unscaled, scale)));

/** The reference: the decimal rounded half-up (away from zero) to `places`, no negative zero, written by Intl from its exact text. */
function viaIntl(format: Intl.NumberFormat, value: Decimal, places: number): string {
  const rounded = value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  return format.format((rounded.isZero() ? '0' : rounded.toFixed()) as unknown as number);
}

describe('numberWriter', () => {
  const formats = TAGS.flatMap((tag) => [
    new Intl.NumberFormat(tag, { minimumFractionDigits: 0, maximumFractionDigits: 3 }),
    new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
    ...CURRENCIES.map((currency) => new Intl.NumberFormat(tag, { style: 'currency', currency })),
  ]);

  it('writes every plain decimal exactly as the format does, in every tag and currency', () => {
    fc.assert(
      fc.property(fc.constantFrom(...formats), decimalArb, (format, value) => {
        const places = format.resolvedOptions().maximumFractionDigits ?? 0;
        const rounded = value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
        const plain = rounded.isZero() ? '0' : rounded.toFixed();
        expect(numberWriter(format)(plain)).toBe(format.format(plain as unknown as number));
      }),
      { numRuns: 3_000 },
    );
  });

  it('writes by the shape for the built-in languages and their regions, by Intl where grouping or digits differ', () => {
    for (const tag of ['en', 'fr', 'nl', 'de', 'fr-BE', 'nl-BE', 'de-AT', 'de-CH', 'en-GB']) {
      expect(verifiedShape(new Intl.NumberFormat(tag, { maximumFractionDigits: 3 })), tag).not.toBeNull();
      expect(verifiedShape(new Intl.NumberFormat(tag, { style: 'currency', currency: 'EUR' })), tag).not.toBeNull();
    }
    // Indian grouping (12,34,567), no group below 10,000 (Spanish, Polish), Arabic-Indic digits.
    for (const tag of ['en-IN', 'hi-IN', 'es', 'pl', 'ar-EG', 'de-u-nu-arab']) {
      expect(verifiedShape(new Intl.NumberFormat(tag, { maximumFractionDigits: 3 })), tag).toBeNull();
    }
  });

  it('reads signs, separators and currency from the format', () => {
    const nl = verifiedShape(new Intl.NumberFormat('nl', { style: 'currency', currency: 'EUR' }));
    expect(nl).toEqual({ prefix: '€\u00a0', suffix: '', negativePrefix: '€\u00a0-', negativeSuffix: '', group: '.', decimal: ',', minFraction: 2 });
    expect(numberWriter(new Intl.NumberFormat('en', { style: 'currency', currency: 'JPY' }))('-1234567')).toBe('-¥1,234,567');
  });
});

describe('formatEnergy and formatMoney give what Intl gives', () => {
  it('formatEnergy, in built-in locales, regional tags and users\u2019 definitions', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALE_INPUTS), decimalArb, (locale, kWh) => {
        const format = new Intl.NumberFormat(tagOf(locale), { minimumFractionDigits: 0, maximumFractionDigits: 3 });
        expect(formatEnergy(kWh, locale)).toBe(`${viaIntl(format, kWh, 3)} kWh`);
      }),
      { numRuns: 2_000 },
    );
  });

  it('formatMoney, in every currency', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALE_INPUTS), fc.constantFrom(...CURRENCIES), decimalArb, (locale, currency, amount) => {
        const digits = findMinorUnitDigits(currency);
        const format = new Intl.NumberFormat(tagOf(locale), { style: 'currency', currency, ...(digits === null ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }) });
        expect(formatMoney(amount, currency, locale)).toBe(viaIntl(format, amount, format.resolvedOptions().maximumFractionDigits ?? 2));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('local times and durations as written', () => {
  /** The wall clock written through a Date shifted by the offset: the reference for every instant Date can hold. */
  function viaDate(instant: Date, timeZone: string): string {
    const wall = new Date(instant.getTime() + offsetMinutesAt(timeZone, instant.getTime()) * 60_000);
    const year = wall.getUTCFullYear();
    const two = (n: number) => String(n).padStart(2, '0');
    const yearText = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
    return `${yearText}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())} ${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}:${two(wall.getUTCSeconds())}`;
  }
  const ZONES = ['Europe/Brussels', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu'];
  /** Every instant whose local time Date can hold: within a day of either end of its range. */
  const LIMIT_MS = 8.64e15 - 86_400_000;

  it('formatLocalDateTime is the shifted Date, over the whole range and in zones with odd offsets', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -LIMIT_MS, max: LIMIT_MS }), fc.integer({ min: 0, max: 4_102_444_800_000 })), fc.constantFrom(...ZONES), (ms, zone) => {
        const instant = new Date(ms);
        const seconds = formatLocalDateTime(instant, zone);
        expect(seconds).toBe(viaDate(instant, zone));
        expect(formatLocalDateTime(instant, zone, 'minute')).toBe(seconds.slice(0, -3));
      }),
      { numRuns: 3_000 },
    );
  });

  it('formatLocalDateTime on whole seconds of local mean time, whose offsets have seconds (Vienna +1:05:21)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3_000_000_000, max: -2_800_000_000 }), fc.constantFrom('America/New_York', 'Asia/Kolkata', 'Europe/Vienna', 'Australia/Darwin', 'Pacific/Gambier'), (seconds, zone) => {
        const instant = new Date(seconds * 1000);
        expect(formatLocalDateTime(instant, zone)).toBe(viaDate(instant, zone));
      }),
      { numRuns: 2_000 },
    );
  });

  it('formatLocalDateTime around daylight-saving changes is the wall clock Intl reads', () => {
    fc.assert(
      fc.property(dstInstantArb(), ({ timeZone, at }) => {
        expect(formatLocalDateTime(at, timeZone)).toBe(wallClock(at, timeZone));
        expect(formatLocalDateTime(at, timeZone)).toBe(viaDate(at, timeZone));
      }),
      { numRuns: 2_000 },
    );
  });

  it('formatDuration writes hours, then minutes and seconds on two digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ms) => {
        const whole = Math.floor(Math.abs(ms) / 1000);
        const two = (n: number) => String(n).padStart(2, '0');
        const expected = `${ms < 0 ? '-' : ''}${Math.floor(whole / 3600)}:${two(Math.floor(whole / 60) % 60)}:${two(whole % 60)}`;
        expect(formatDuration(ms)).toBe(expected);
      }),
    );
  });
});
