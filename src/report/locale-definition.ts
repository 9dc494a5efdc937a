import type { SessionType } from '../classify/session-type.js';
import type { LicenceMismatch } from '../matchers/licence.js';
import type { ReasonCode } from '../rules/reason.js';
import type { ActivityColumn, CpoColumn, StatementColumn, SummaryLabel } from './columns.js';

/**
 * The figures of each reason, already formatted for the locale ("0:00:49",
 * "3,667 kWh", "2022-11-10 14:50:16"), that its explanation puts into words.
 * A figure the reason does not carry is "–".
 */
export interface ReasonFigures {
  /** `status`: the authorisation status; `afterStart`: refused after the start (stop reason DeAuthorized). */
  readonly 'token-rejected': { readonly status: string; readonly afterStart: boolean };
  readonly 'energy-missing': Readonly<Record<never, never>>;
  readonly 'energy-out-of-range': { readonly energy: string; readonly min: string; readonly max: string };
  /** `limit`: the configured energy at or below which a session is invalid. */
  readonly 'energy-too-low': { readonly energy: string; readonly limit: string };
  /** `gap`: how long before its start the session ends, e.g. "0:01:00". */
  readonly 'end-before-start': { readonly gap: string };
  readonly 'duration-too-short': { readonly duration: string; readonly minimum: string };
  readonly 'duration-too-long': { readonly duration: string; readonly maximum: string };
  /** `power`: the average power, `null` when energy was recorded in no time at all; `limit`: the most allowed, tolerance included. */
  readonly 'power-implausible': { readonly power: string | null; readonly limit: string };
  readonly 'start-too-early': { readonly start: string; readonly earliest: string };
  readonly 'start-in-future': { readonly start: string; readonly now: string };
  readonly 'stop-reason-invalid': { readonly stopReason: string };
  readonly 'split-billing-licence': { readonly licence: string };
  readonly whitelisted: { readonly entry: string };
  readonly public: Readonly<Record<never, never>>;
  /** `why`: what kept the licence from applying, `null` when the reason does not say. */
  readonly 'licence-not-applicable': { readonly licence: string; readonly why: LicenceMismatch | null };
  readonly 'contract-id-unverified': { readonly contractId: string };
  readonly 'home-charging-not-licensed': Readonly<Record<never, never>>;
  readonly 'licence-without-home-charging': { readonly licence: string };
}

/** One sentence per reason code, from its figures; a code without one does not compile. */
export type ReasonExplanations = { readonly [C in ReasonCode]: (figures: ReasonFigures[C]) => string };

/**
 * Everything the reports say in one language. The built-in locales are of
 * this shape; a user adds a language by writing one (the type checker holds
 * it complete) and passing it wherever a locale is asked for.
 *
 * @example
 * const enGB: LocaleDefinition = { ...LOCALE_DEFINITIONS.en, tag: 'en-GB' };
 * formatMoney(new Decimal('2.44'), 'GBP', enGB); // => '£2.44'
 */
export interface LocaleDefinition {
  /** The BCP 47 tag that numbers, currencies and plural rules are formatted with, e.g. "fr-BE". */
  readonly tag: string;
  /** The name of each session type, e.g. "Liste blanche". */
  readonly sessionTypes: { readonly [T in SessionType]: string };
  /** The word for minutes per plural category of the tag's language; `other` is used where a category has none. */
  readonly minutes: Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string };
  /** Column headers and labels of the views, summaries and statements. */
  readonly headers: {
    readonly activity: { readonly [C in ActivityColumn]: string };
    readonly cpo: { readonly [C in CpoColumn]: string };
    readonly summary: { readonly [L in SummaryLabel]: string };
    /** The statement's columns, and the label of its total row. */
    readonly statement: { readonly [C in StatementColumn | 'total']: string };
  };
  /** The explanation of each reason code. */
  readonly reasons: ReasonExplanations;
}
