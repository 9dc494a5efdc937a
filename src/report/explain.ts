import type { Decimal } from 'decimal.js';
import { LICENCE_MISMATCHES } from '../matchers/licence.js';
import { ConfigError } from '../errors.js';
import { Exact } from '../model/decimal.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone, unknownTimeZoneMessage } from '../model/time.js';
import type { Reason, ReasonCode } from '../rules/reason.js';
import { formatDuration, formatEnergy, formatLocalDateTime } from './format.js';
import { resolveLocale, type LocaleInput } from './locale.js';
import type { LocaleDefinition, ReasonFigures } from './locale-definition.js';

/** What an explanation shows where the reason lacks a figure: an en dash, as the views do. */
const NONE = '–';

/** Options of {@link explainReason}. */
export interface ExplainOptions {
  /** IANA time zone of the instants an explanation shows (start-too-early, start-in-future); default Europe/Brussels. */
  readonly timeZone?: string;
}

/**
 * The sentence a portal shows for a reason, with the reason's figures as a
 * person reads them: durations "0:00:49", energies "3,667 kWh", instants on
 * the local clock. Explanations are fragments whose subject is the session
 * ("lasted 0:00:49, less than the minimum of 0:02:00"), without a final
 * full stop, so a portal can list or join them. A figure the reason lacks
 * shows as "–"; a code this version does not know gives the reason's own
 * message, so nothing stored is lost.
 *
 * @param reason - a reason of a classification
 * @param locale - a BCP 47 tag ("fr-BE" falls back to French) or a locale definition; default English
 * @param options - the time zone of instants
 * @returns the explanation
 * @throws {ConfigError} when the locale resolves to no locale or the time zone is unknown
 * @example
 * explainReason({ code: 'duration-too-short', message: '', actual: '49', limit: '120' }); // => 'lasted 0:00:49, less than the minimum of 0:02:00'
 * explainReason({ code: 'licence-not-applicable', message: '', actual: 'token-not-covered', licenceId: 'lic-1' }); // => 'licence lic-1 does not cover this card'
 * explainReason({ code: 'energy-missing', message: '' }, 'fr-BE'); // => 'aucune énergie enregistrée\u00a0: il n’y a pas de relevé du compteur'
 */
export function explainReason(reason: Reason, locale: LocaleInput = 'en', options: ExplainOptions = {}): string {
  const definition = resolveLocale(locale);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isValidTimeZone(timeZone)) throw new ConfigError([{ path: ['timeZone'], message: unknownTimeZoneMessage(timeZone) }]);
  const explain = Object.hasOwn(definition.reasons, reason.code) ? definition.reasons[reason.code] : undefined;
  if (explain === undefined) return reason.message;
  return (explain as (figures: ReasonFigures[ReasonCode]) => string)(figuresOf(reason, definition, timeZone));
}

/** The figures of a reason, formatted for the locale. */
function figuresOf(reason: Reason, locale: LocaleDefinition, timeZone: string): ReasonFigures[ReasonCode] {
  const { actual, limit } = reason;
  const energy = (text: string | undefined) => figure(text, (value) => formatEnergy(value, locale));
  const seconds = (text: string | undefined) => figure(text, (value) => formatDuration(value.abs().times(1000).toNumber()));
  const instant = (text: string | undefined) => localTime(text, timeZone);
  switch (reason.code) {
    case 'token-rejected':
      return { status: actual ?? NONE, afterStart: actual === 'DeAuthorized' } satisfies ReasonFigures['token-rejected'];
    case 'energy-out-of-range': {
      const [min, max] = (limit ?? '').split('..');
      return { energy: energy(actual), min: energy(min), max: energy(max) } satisfies ReasonFigures['energy-out-of-range'];
    }
    case 'energy-too-low':
      return { energy: energy(actual), limit: energy(limit) } satisfies ReasonFigures['energy-too-low'];
    case 'end-before-start':
      return { gap: seconds(actual) } satisfies ReasonFigures['end-before-start'];
    case 'duration-too-short':
      return { duration: seconds(actual), minimum: seconds(limit) } satisfies ReasonFigures['duration-too-short'];
    case 'duration-too-long':
      return { duration: seconds(actual), maximum: seconds(limit) } satisfies ReasonFigures['duration-too-long'];
    case 'power-implausible': {
      const kW = (text: string | undefined) => figure(text, (value) => `${decimalText(value, locale.tag)} kW`);
      return { power: actual === 'unbounded' ? null : kW(actual), limit: kW(limit) } satisfies ReasonFigures['power-implausible'];
    }
    case 'start-too-early':
      return { start: instant(actual), earliest: instant(limit) } satisfies ReasonFigures['start-too-early'];
    case 'start-in-future':
      return { start: instant(actual), now: instant(limit) } satisfies ReasonFigures['start-in-future'];
    case 'stop-reason-invalid':
      return { stopReason: actual ?? NONE } satisfies ReasonFigures['stop-reason-invalid'];
    case 'split-billing-licence':
    case 'licence-without-home-charging':
      return { licence: reason.licenceId ?? NONE } satisfies ReasonFigures['split-billing-licence'];
    case 'whitelisted':
      return { entry: reason.whitelistEntryId ?? NONE } satisfies ReasonFigures['whitelisted'];
    case 'licence-not-applicable': {
      const why = LICENCE_MISMATCHES.find((mismatch) => mismatch === actual) ?? null;
      return { licence: reason.licenceId ?? NONE, why } satisfies ReasonFigures['licence-not-applicable'];
    }
    case 'contract-id-unverified':
      return { contractId: actual ?? NONE } satisfies ReasonFigures['contract-id-unverified'];
    case 'energy-missing':
    case 'public':
    case 'home-charging-not-licensed':
      return {};
  }
}

/** A decimal figure given as text, formatted; "–" when absent or not a finite number. */
function figure(text: string | undefined, format: (value: Decimal) => string): string {
  if (text === undefined || text.trim() === '') return NONE;
  let value: Decimal;
  try {
    value = new Exact(text);
  } catch {
    return NONE;
  }
  return value.isFinite() ? format(value) : NONE;
}

/** A number with the locale's separators and up to three decimals, written from the exact decimal. */
function decimalText(value: Decimal, tag: string): string {
  const rounded = value.toDecimalPlaces(3, Exact.ROUND_HALF_UP).toFixed();
  // Intl.NumberFormat reads a decimal string exactly (ES2023, Node 20).
  return new Intl.NumberFormat(tag, { maximumFractionDigits: 3 }).format(rounded as unknown as number);
}

/** An ISO instant given as text on the local clock, to the second; "–" when absent or unreadable. */
function localTime(text: string | undefined, timeZone: string): string {
  const instant = text === undefined ? null : new Date(text);
  return instant === null || Number.isNaN(instant.getTime()) ? NONE : formatLocalDateTime(instant, timeZone);
}
