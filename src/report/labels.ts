import { usageError } from '../errors.js';
import { SESSION_TYPES } from '../classify/session-type.js';
import type { SessionType } from '../classify/session-type.js';
import { resolveLocale, type LocaleInput } from './locale.js';

/**
 * The name a person reads for a session type, in one of the platform's
 * languages.
 *
 * @param type - the session type
 * @param locale - the language (a BCP 47 tag such as "fr-BE", or a locale definition), English by default
 * @returns the label, e.g. "Liste blanche"
 * @throws {ConfigError} when `type` is not a session type (only possible from untyped code) or `locale` resolves to no locale
 * @example
 * sessionTypeLabel('split-billing'); // => 'Split billing'
 * sessionTypeLabel('whitelist', 'fr'); // => 'Liste blanche'
 * sessionTypeLabel('invalid', 'de-AT'); // => 'Ungültig'
 */
export function sessionTypeLabel(type: SessionType, locale: LocaleInput = 'en'): string {
  const labels = resolveLocale(locale).sessionTypes;
  if (!Object.hasOwn(labels, type)) {
    throw usageError(
      ['type'],
      `unknown session type ${JSON.stringify(type)}; use one of ${SESSION_TYPES.join(', ')}`,
    );
  }
  return labels[type];
}
