import { SESSION_TYPES } from '../classify/session-type.js';
import { ConfigError, type ConfigIssue } from '../errors.js';
import { INVALID_REASON_CODES, VALID_REASON_CODES } from '../rules/reason.js';
import { ACTIVITY_COLUMNS, CPO_COLUMNS, STATEMENT_COLUMNS, SUMMARY_LABELS } from './columns.js';
import type { LocaleDefinition } from './locale-definition.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';
import { nl } from './locales/nl.js';

/**
 * The built-in languages of the reports, in the order they are listed.
 *
 * @example LOCALES; // => ['en', 'fr', 'nl', 'de']
 */
export const LOCALES = ['en', 'fr', 'nl', 'de'] as const;

/** A built-in language: English, French, Dutch or German. */
export type Locale = (typeof LOCALES)[number];

/**
 * A locale as the reports take it: a BCP 47 tag (`'fr-BE'` falls back to
 * the built-in `'fr'`), or a {@link LocaleDefinition} a user wrote.
 */
export type LocaleInput = Locale | (string & {}) | LocaleDefinition;

/**
 * The built-in locales' definitions: a starting point for a user's own, e.g.
 * `{ ...LOCALE_DEFINITIONS.en, tag: 'en-GB' }`.
 *
 * @example
 * LOCALE_DEFINITIONS.fr.sessionTypes.whitelist; // => 'Liste blanche'
 * LOCALE_DEFINITIONS.nl.headers.cpo.station; // => 'Laadpaal'
 */
export const LOCALE_DEFINITIONS: { readonly [L in Locale]: LocaleDefinition } = { en, fr, nl, de };

/**
 * True when `value` is the tag of a built-in locale exactly as listed in
 * {@link LOCALES}, e.g. to check a stored preference.
 *
 * @example
 * isLocale('nl'); // => true
 * isLocale('nl-BE'); // => false
 * resolveLocale('nl-BE').sessionTypes.invalid; // => LOCALE_DEFINITIONS.nl.sessionTypes.invalid
 */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Definitions known to be complete: the built-in ones, those derived from them and users' ones once checked. */
const checked = new WeakSet<LocaleDefinition>(Object.values(LOCALE_DEFINITIONS));

/** Tags already resolved, so a view resolves a tag once, not per row; cleared when it grows past its bound. */
const resolvedTags = new Map<string, LocaleDefinition>();
const RESOLVED_TAGS_BOUND = 256;

/**
 * The definition a locale stands for. A tag is read as BCP 47, case
 * insensitively, and falls back by its language to a built-in locale:
 * `'fr-BE'` gives French words with Belgian French numbers (the tag is kept
 * for `Intl`); `'EN'` is `'en'`. A definition object is checked once to be
 * complete (for callers without the type checker) and returned as is.
 *
 * @param locale - a BCP 47 tag or a locale definition; default `'en'`
 * @param path - where the option sits, for the error; default `['locale']`
 * @returns the definition, ready to use
 * @throws {ConfigError} when the tag is malformed or falls back to no built-in
 *   locale, or a definition lacks a label or an explanation (each listed with its path)
 * @example
 * resolveLocale('fr-BE').tag; // => 'fr-BE'
 * resolveLocale('fr-BE').sessionTypes.whitelist; // => 'Liste blanche'
 * resolveLocale('nl-BE').headers.activity.user; // => 'Gebruiker'
 * resolveLocale('es'); // throws ConfigError
 */
export function resolveLocale(locale: LocaleInput = 'en', path: readonly PropertyKey[] = ['locale']): LocaleDefinition {
  if (typeof locale === 'string') return resolveTag(locale, path);
  if (typeof locale === 'object' && locale !== null && checked.has(locale)) return locale;
  const issues = definitionIssues(locale, path);
  if (issues.length > 0) throw new ConfigError(issues);
  checked.add(locale);
  return locale;
}

function resolveTag(tag: string, path: readonly PropertyKey[]): LocaleDefinition {
  const known = resolvedTags.get(tag);
  if (known) return known;
  const canonical = canonicalTag(tag);
  if (canonical === null) {
    throw new ConfigError([{ path, message: `${JSON.stringify(tag)} is not a BCP 47 language tag; write one such as "fr" or "fr-BE"` }]);
  }
  const language = canonical.split('-')[0]!;
  if (!isLocale(language)) {
    throw new ConfigError([
      {
        path,
        message: `unknown locale ${JSON.stringify(tag)}; use one of ${LOCALES.join(', ')} (or a regional tag such as "fr-BE"), or pass a locale definition`,
      },
    ]);
  }
  const base = LOCALE_DEFINITIONS[language];
  const definition = canonical === base.tag ? base : { ...base, tag: canonical };
  checked.add(definition);
  if (resolvedTags.size >= RESOLVED_TAGS_BOUND) resolvedTags.clear();
  resolvedTags.set(tag, definition);
  return definition;
}

function canonicalTag(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical ?? null;
  } catch {
    return null;
  }
}

/** Every label and explanation a definition lacks, with its path. */
function definitionIssues(definition: unknown, path: readonly PropertyKey[]): ConfigIssue[] {
  if (typeof definition !== 'object' || definition === null) {
    return [{ path, message: 'expected a BCP 47 tag such as "fr-BE" or a locale definition object' }];
  }
  const issues: ConfigIssue[] = [];
  const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);
  const text = (value: unknown, at: readonly PropertyKey[]) => {
    if (typeof value !== 'string' || value.trim() === '') issues.push({ path: [...path, ...at], message: 'give a non-empty text' });
  };
  const texts = (group: unknown, keys: readonly string[], at: readonly PropertyKey[]) => {
    for (const key of keys) text(field(group, key), [...at, key]);
  };
  const tag = field(definition, 'tag');
  if (typeof tag !== 'string' || canonicalTag(tag) === null) {
    issues.push({ path: [...path, 'tag'], message: 'give the BCP 47 tag that numbers are formatted with, such as "es" or "es-ES"' });
  }
  texts(field(definition, 'sessionTypes'), SESSION_TYPES, ['sessionTypes']);
  text(field(field(definition, 'minutes'), 'other'), ['minutes', 'other']);
  const headers = field(definition, 'headers');
  texts(field(headers, 'activity'), ACTIVITY_COLUMNS, ['headers', 'activity']);
  texts(field(headers, 'cpo'), CPO_COLUMNS, ['headers', 'cpo']);
  texts(field(headers, 'summary'), SUMMARY_LABELS, ['headers', 'summary']);
  texts(field(headers, 'statement'), [...STATEMENT_COLUMNS, 'total'], ['headers', 'statement']);
  const reasons = field(definition, 'reasons');
  for (const code of [...INVALID_REASON_CODES, ...VALID_REASON_CODES]) {
    if (typeof field(reasons, code) !== 'function') issues.push({ path: [...path, 'reasons', code], message: 'give the explanation of this reason code, a function of its figures' });
  }
  return issues;
}
