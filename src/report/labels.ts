import { usageError } from '../errors.js';
import { SESSION_TYPES } from '../classify/session-type.js';
import type { SessionType } from '../classify/session-type.js';
import { assertLocale } from './format.js';
import type { Locale } from './format.js';

/** The label of every session type in every locale; a missing one does not compile. */
const SESSION_TYPE_LABELS: { readonly [L in Locale]: { readonly [T in SessionType]: string } } = {
  en: { normal: 'Normal', 'split-billing': 'Split billing', whitelist: 'Whitelist', invalid: 'Invalid' },
  fr: { normal: 'Normale', 'split-billing': 'Split billing', whitelist: 'Liste blanche', invalid: 'Non valable' },
  nl: { normal: 'Normaal', 'split-billing': 'Split billing', whitelist: 'Whitelist', invalid: 'Ongeldig' },
  de: { normal: 'Normal', 'split-billing': 'Split-Billing', whitelist: 'Whitelist', invalid: 'Ungültig' },
};

/**
 * The name a person reads for a session type, in one of the platform's
 * languages.
 *
 * @param type - the session type
 * @param locale - the language, English by default
 * @returns the label, e.g. "Liste blanche"
 * @throws ConfigError when `type` or `locale` is not a known value (only possible from untyped code)
 * @example
 * sessionTypeLabel('split-billing'); // "Split billing"
 * sessionTypeLabel('whitelist', 'fr'); // "Liste blanche"
 * sessionTypeLabel('invalid', 'de'); // "Ungültig"
 */
export function sessionTypeLabel(type: SessionType, locale: Locale = 'en'): string {
  assertLocale(locale);
  const labels = SESSION_TYPE_LABELS[locale];
  if (!Object.hasOwn(labels, type)) {
    throw usageError(
      ['type'],
      `unknown session type ${JSON.stringify(type)}; use one of ${SESSION_TYPES.join(', ')}`,
    );
  }
  return labels[type];
}
