import { ConfigError } from '../../src/errors';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { SESSION_TYPES } from '../../src/classify/session-type';
import type { SessionType } from '../../src/classify/session-type';
import { LOCALES } from '../../src/report/format';
import type { Locale } from '../../src/report/format';
import { sessionTypeLabel } from '../../src/report/labels';

describe('sessionTypeLabel', () => {
  const table: Record<Locale, [string, string, string, string]> = {
    en: ['Normal', 'Split billing', 'Whitelist', 'Invalid'],
    fr: ['Normale', 'Split billing', 'Liste blanche', 'Non valable'],
    nl: ['Normaal', 'Split billing', 'Whitelist', 'Ongeldig'],
    de: ['Normal', 'Split-Billing', 'Whitelist', 'Ungültig'],
  };

  it.each(LOCALES)('gives the %s labels', (locale) => {
    expect(SESSION_TYPES.map((type) => sessionTypeLabel(type, locale))).toEqual(table[locale]);
  });
  it('defaults to English', () => {
    expect(sessionTypeLabel('split-billing')).toBe('Split billing');
    expect(sessionTypeLabel('invalid')).toBe('Invalid');
  });
  it('names the problem with an unknown type or locale', () => {
    expect(() => sessionTypeLabel('free' as SessionType)).toThrow(
      /unknown session type "free"; use one of normal, split-billing, whitelist, invalid/,
    );
    expect(() => sessionTypeLabel('toString' as SessionType)).toThrow(ConfigError);
    expect(() => sessionTypeLabel('normal', 'es' as Locale)).toThrow(/unknown locale "es"/);
  });
});

describe('properties', () => {
  it('within a locale, distinct types have distinct, non-empty, trimmed labels', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.constantFrom(...SESSION_TYPES), fc.constantFrom(...SESSION_TYPES), (locale, a, b) => {
        const la = sessionTypeLabel(a, locale);
        expect(la.length).toBeGreaterThan(0);
        expect(la.trim()).toBe(la);
        expect(la === sessionTypeLabel(b, locale)).toBe(a === b);
      }),
    );
  });
});
