import { usageError } from '../errors.js';
import type { Decimal } from 'decimal.js';
import { findMinorUnitDigits } from '../cost/rounding.js';
import { Exact, isDecimal } from '../model/decimal.js';
import { describe } from '../model/messages.js';
import { isCurrencyCode } from '../model/price.js';
import { assertTimeZone, offsetMinutesAt } from '../model/time.js';
import { resolveLocale, type LocaleInput } from './locale.js';
import { numberWriter } from './number-text.js';

export { LOCALES, isLocale, type Locale } from './locale.js';

const SECOND_MS = 1_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** "00" to "59": hours, minutes and seconds as written. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

function assertFiniteMs(ms: number, what: string): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw usageError(['ms'], `${what} needs a finite number of milliseconds, received ${String(ms)}`);
  }
}

/**
 * Formats a duration as "H:MM:SS", the way the driver and employer views show
 * it. Hours are not capped at 24; the sub-second part is dropped (truncated
 * toward zero). A negative duration keeps its sign: it is the magnitude
 * formatted with a leading "-", so it is never shown as if it were positive.
 *
 * @param ms - the duration in milliseconds (finite)
 * @returns the duration, e.g. "0:15:02"
 * @throws ConfigError when `ms` is NaN or infinite
 * @example
 * formatDuration(902_000); // => '0:15:02'
 * formatDuration(90_000_000); // => '25:00:00'
 * formatDuration(-60_000); // => '-0:01:00'
 */
export function formatDuration(ms: number): string {
  assertFiniteMs(ms, 'formatDuration');
  if (ms < 0) return `-${formatDuration(-ms)}`;
  const totalSeconds = Math.floor(ms / SECOND_MS);
  const hours = Math.floor(totalSeconds / 3_600);
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const seconds = totalSeconds % 60;
  return `${hours}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}`;
}

/**
 * Formats a duration in whole minutes, rounded to the nearest minute (a half
 * minute rounds up), as the charge point operator's view shows it. The
 * number is grouped per locale ("1,500 minutes") and the word agrees with it
 * by the locale's plural rules (French reads 0 and 1 as singular). A negative
 * duration keeps a leading "-" (its magnitude is rounded), even where that
 * magnitude rounds to 0.
 *
 * @param ms - the duration in milliseconds (finite)
 * @param locale - the language of the word (a BCP 47 tag or a locale definition), English by default
 * @returns e.g. "15 minutes", "1 minuut"
 * @throws {ConfigError} when `ms` is NaN or infinite, or `locale` resolves to no locale
 * @example
 * formatDurationMinutes(902_000); // => '15 minutes'
 * formatDurationMinutes(49_000); // => '1 minute'
 * formatDurationMinutes(902_000, 'nl'); // => '15 minuten'
 * formatDurationMinutes(60_000, 'de'); // => '1 Minute'
 */
export function formatDurationMinutes(ms: number, locale: LocaleInput = 'en'): string {
  assertFiniteMs(ms, 'formatDurationMinutes');
  const { tag, minutes: words } = resolveLocale(locale);
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.floor((Math.abs(ms) + MINUTE_MS / 2) / MINUTE_MS);
  const formats = formatsFor(tag);
  // Sessions last a few thousand distinct minutes at most: each text is made once per locale and minute words.
  let text = minutes < 100_000 ? formats.minutes.get(minutes) : undefined;
  if (text === undefined || formats.minuteWords !== words) {
    text = `${formats.wholeNumber.format(minutes)} ${words[formats.plural.select(minutes)] ?? words.other}`;
    if (formats.minuteWords !== words) {
      formats.minutes.clear();
      formats.minuteWords = words;
    }
    if (minutes < 100_000) formats.minutes.set(minutes, text);
  }
  return `${sign}${text}`;
}

/** Rounds half-up (away from zero) to `places` and writes plain notation, with no negative zero. */
function roundedText(value: Decimal, places: number, what: string): string {
  if (!isDecimal(value) || !value.isFinite()) throw usageError(['value'], `${what} needs a finite decimal, received ${describe(value)}`);
  if (value.isZero()) return '0';
  // The usual figure already has no more decimals than are shown: written as it is, nothing to round.
  if (value.decimalPlaces() <= places) return value.toFixed();
  const rounded = value.toDecimalPlaces(places, Exact.ROUND_HALF_UP);
  return rounded.isZero() ? '0' : rounded.toFixed();
}

/**
 * Formats an energy in kWh with up to three fraction digits, the decimal
 * separator and grouping of the locale, and no trailing zeros. The text comes
 * exactly from the decimal (never through a binary float); more than three
 * decimals are rounded half-up (away from zero) for display. A value that
 * rounds to zero is shown as "0 kWh", without a sign.
 *
 * @param kWh - the energy, an exact decimal
 * @param locale - the language (a BCP 47 tag or a locale definition), English by default
 * @returns e.g. "3.667 kWh"
 * @throws {ConfigError} when `kWh` is NaN or infinite, or `locale` resolves to no locale
 * @example
 * formatEnergy(new Decimal('3.667')); // => '3.667 kWh'
 * formatEnergy(new Decimal('3.667'), 'fr'); // => '3,667 kWh'
 * formatEnergy(new Decimal('1234.5')); // => '1,234.5 kWh'
 * formatEnergy(new Decimal('7.3005')); // => '7.301 kWh'
 */
export function formatEnergy(kWh: Decimal, locale: LocaleInput = 'en'): string {
  const { tag } = resolveLocale(locale);
  const text = roundedText(kWh, 3, 'formatEnergy');
  return `${formatsFor(tag).energy(text)} kWh`;
}

/**
 * Formats an amount of money as the locale writes that currency, with the
 * currency's own number of fraction digits (2 for EUR, 0 for JPY). The text
 * comes exactly from the decimal; extra digits are rounded half-up (away from
 * zero) for display, and an amount that rounds to zero carries no sign.
 * Spacing is Intl's own (French puts a non-breaking space before "€").
 *
 * @param amount - the amount, an exact decimal
 * @param currency - an ISO 4217 code such as "EUR"
 * @param locale - the language (a BCP 47 tag or a locale definition), English by default
 * @returns e.g. "€2.44"
 * @throws {ConfigError} when `amount` is NaN or infinite, `currency` is not a
 *   currency code, or `locale` resolves to no locale
 * @example
 * formatMoney(new Decimal('2.44'), 'EUR'); // => '€2.44'
 * formatMoney(new Decimal('2.44'), 'EUR', 'fr'); // => '2,44\u00a0€'
 * formatMoney(new Decimal('2.445'), 'EUR'); // => '€2.45'
 */
export function formatMoney(amount: Decimal, currency: string, locale: LocaleInput = 'en'): string {
  const { write, places } = moneyFormat(resolveLocale(locale).tag, currency);
  return write(roundedText(amount, places, 'formatMoney'));
}

/** The number formats of a locale, built once: building an Intl format costs far more than using one. */
const localeFormats = new Map<
  string,
  { plural: Intl.PluralRules; wholeNumber: Intl.NumberFormat; energy: (plain: string) => string; minutes: Map<number, string>; minuteWords: unknown }
>();

function formatsFor(tag: string) {
  let formats = localeFormats.get(tag);
  if (!formats) {
    formats = {
      plural: new Intl.PluralRules(tag),
      wholeNumber: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
      energy: numberWriter(new Intl.NumberFormat(tag, { minimumFractionDigits: 0, maximumFractionDigits: 3 })),
      minutes: new Map<number, string>(),
      minuteWords: null as unknown,
    };
    localeFormats.set(tag, formats);
  }
  return formats;
}

/** How amounts of one currency are written in one locale: the writer, and the fraction digits it shows. */
interface MoneyFormat {
  readonly write: (plain: string) => string;
  readonly places: number;
}

/** Money formats per locale, then per currency, built once: building an Intl.NumberFormat costs far more than using one. */
const moneyFormats = new Map<string, Map<string, MoneyFormat>>();

function moneyFormat(locale: string, currency: string): MoneyFormat {
  let currencies = moneyFormats.get(locale);
  if (!currencies) moneyFormats.set(locale, (currencies = new Map()));
  let found = currencies.get(currency);
  if (found) return found;
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) {
    throw usageError(['currency'], `formatMoney: ${JSON.stringify(currency)} is not a currency code; use an ISO 4217 code such as "EUR"`);
  }
  // The minor unit that amounts are rounded to is the one they are shown with (HUF: 2 decimals).
  const digits = findMinorUnitDigits(currency);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, ...(digits === null ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }) });
  found = { write: numberWriter(format), places: format.resolvedOptions().maximumFractionDigits ?? 2 };
  currencies.set(currency, found);
  return found;
}

/**
 * Formats an instant as local wall-clock time in an IANA time zone:
 * "yyyy-MM-dd HH:mm:ss", or "yyyy-MM-dd HH:mm" at minute precision (seconds
 * are dropped, not rounded, so a start and its end never cross a minute they
 * did not reach).
 *
 * @param instant - the moment to show
 * @param timeZone - an IANA time zone such as "Europe/Brussels"
 * @param precision - `'second'` (the default) or `'minute'`
 * @returns e.g. "2022-11-10 14:50:16"
 * @throws ConfigError when `instant` is an invalid Date or `timeZone` is unknown
 * @example
 * formatLocalDateTime(new Date('2022-11-10T13:50:16Z'), 'Europe/Brussels'); // => '2022-11-10 14:50:16'
 * formatLocalDateTime(new Date('2022-11-10T13:50:16Z'), 'Europe/Brussels', 'minute'); // => '2022-11-10 14:50'
 */
export function formatLocalDateTime(
  instant: Date,
  timeZone: string,
  precision: 'minute' | 'second' = 'second',
): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw usageError(['instant'], 'formatLocalDateTime needs a valid Date; check the instant before formatting it');
  }
  assertTimeZone(timeZone);
  const ms = instant.getTime();
  // Truncated as a Date would hold it: an offset with seconds is a fraction of minutes.
  const wall = Math.trunc(ms + offsetMinutesAt(timeZone, ms) * MINUTE_MS);
  const day = Math.floor(wall / DAY_MS);
  const inDay = wall - day * DAY_MS;
  const minuteOfDay = Math.floor(inDay / MINUTE_MS);
  const minute = `${dateText(day)} ${TWO_DIGITS[Math.floor(minuteOfDay / 60)]}:${TWO_DIGITS[minuteOfDay % 60]}`;
  return precision === 'minute' ? minute : `${minute}:${TWO_DIGITS[Math.floor(inDay / SECOND_MS) % 60]}`;
}

/** The "yyyy-MM-dd" of each local day written so far (days since 1970-01-01); bounded, so it never grows without end. */
const dateTexts = new Map<number, string>();
const MAX_DATE_TEXTS = 10_000;

function dateText(day: number): string {
  let text = dateTexts.get(day);
  if (text === undefined) {
    const date = new Date(day * DAY_MS);
    // The signed year (astronomical numbering): 0 is 1 BC, written with four digits at least.
    const year = date.getUTCFullYear();
    const yearText = year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
    text = `${yearText}-${TWO_DIGITS[date.getUTCMonth() + 1]}-${TWO_DIGITS[date.getUTCDate()]}`;
    if (dateTexts.size >= MAX_DATE_TEXTS) dateTexts.clear();
    dateTexts.set(day, text);
  }
  return text;
}
