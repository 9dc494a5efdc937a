import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { assessSessions, type AssessedSession } from '../../src/assess/assess';
import { createClassifier } from '../../src/classify/classifier';
import { SESSION_TYPES } from '../../src/classify/session-type';
import { ConfigError } from '../../src/errors';
import { Exact } from '../../src/model/decimal';
import { ACTIVITY_COLUMNS, CPO_COLUMNS, STATEMENT_COLUMNS, SUMMARY_LABELS } from '../../src/report/columns';
import { formatDurationMinutes, formatEnergy, formatMoney } from '../../src/report/format';
import { sessionTypeLabel } from '../../src/report/labels';
import { LOCALE_DEFINITIONS, LOCALES, isLocale, resolveLocale } from '../../src/report/locale';
import type { LocaleDefinition } from '../../src/report/locale-definition';
import { activityCsv, cpoRow } from '../../src/report/views';
import { sampleConfig, sampleSessions } from '../../src/sample';

const sample = assessSessions(sampleSessions, createClassifier(sampleConfig)).filter((a): a is typeof a & AssessedSession => a.success);
const rel1 = sample.find((item) => item.session.id === 'rel-1')!;

/** A user's own locale: Spanish, written in full (the type checker holds it complete). */
const es: LocaleDefinition = {
  tag: 'es-ES',
  sessionTypes: { normal: 'Normal', 'split-billing': 'Facturación dividida', whitelist: 'Lista blanca', invalid: 'No válida' },
  minutes: { one: 'minuto', other: 'minutos' },
  headers: {
    activity: { sessionId: 'Sesión', time: 'Hora', user: 'Usuario', operator: 'Operador', description: 'Descripción', typeLabel: 'Tipo de sesión', priceInclVat: 'Precio (IVA incl.)' },
    cpo: { sessionId: 'Sesión', start: 'Inicio', end: 'Fin', station: 'Estación', connector: 'Conector', duration: 'Duración', energy: 'Energía', remuneration: 'Remuneración', remunerationType: 'Tipo de remuneración' },
    summary: { ...LOCALE_DEFINITIONS.en.headers.summary, total: 'Total', noUser: '(sin usuario)' },
    statement: { ...LOCALE_DEFINITIONS.en.headers.statement, employeeId: 'Empleado' },
  },
  reasons: { ...LOCALE_DEFINITIONS.en.reasons, 'duration-too-short': ({ duration, minimum }) => `duró ${duration}, menos que el mínimo de ${minimum}` },
};

describe('LOCALES and isLocale', () => {
  it('lists the four built-in languages, and isLocale accepts exactly them', () => {
    expect(LOCALES).toEqual(['en', 'fr', 'nl', 'de']);
    expect(Object.keys(LOCALE_DEFINITIONS)).toEqual([...LOCALES]);
    expect(LOCALES.every(isLocale)).toBe(true);
    expect(isLocale('fr-BE')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
  it('tags each built-in definition with its own language', () => {
    for (const locale of LOCALES) expect(LOCALE_DEFINITIONS[locale].tag).toBe(locale);
  });
});

describe('resolveLocale', () => {
  it('falls back from a regional tag to its language, keeping the tag for numbers', () => {
    const frBE = resolveLocale('fr-BE');
    expect(frBE.tag).toBe('fr-BE');
    expect(frBE.sessionTypes).toBe(LOCALE_DEFINITIONS.fr.sessionTypes);
    expect(frBE.reasons).toBe(LOCALE_DEFINITIONS.fr.reasons);
    expect(resolveLocale('nl-BE').headers).toBe(LOCALE_DEFINITIONS.nl.headers);
    expect(resolveLocale('de-AT').sessionTypes.invalid).toBe('Ungültig');
    expect(resolveLocale('en-GB').headers.activity.priceInclVat).toBe('Price (incl. VAT)');
  });
  it('reads tags case insensitively, in their canonical form, and gives the built-in definition itself for its own tag', () => {
    expect(resolveLocale('EN')).toBe(LOCALE_DEFINITIONS.en);
    expect(resolveLocale('fr')).toBe(LOCALE_DEFINITIONS.fr);
    expect(resolveLocale('nl-be').tag).toBe('nl-BE');
    expect(resolveLocale('de-Latn-CH').tag).toBe('de-Latn-CH');
    expect(resolveLocale()).toBe(LOCALE_DEFINITIONS.en);
  });
  it('gives the same definition for the same tag, so a view resolves it once', () => {
    expect(resolveLocale('fr-BE')).toBe(resolveLocale('fr-BE'));
  });
  it('formats numbers by the regional tag: Swiss German and Austrian German differ from German', () => {
    expect(formatEnergy(new Exact('3.667'), 'de-CH')).toBe('3.667 kWh');
    expect(formatEnergy(new Exact('3.667'), 'de')).toBe('3,667 kWh');
    expect(formatMoney(new Exact('2.44'), 'EUR', 'de-AT')).toBe('€\u00a02,44');
    expect(formatMoney(new Exact('2.44'), 'EUR', 'nl-BE')).toBe(formatMoney(new Exact('2.44'), 'EUR', 'nl'));
    expect(formatDurationMinutes(60_000, 'fr-BE')).toBe('1 minute');
  });
  it('refuses a language without a built-in locale with a ConfigError at the path of the option', () => {
    const error = (() => {
      try {
        resolveLocale('es-ES');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      { path: ['locale'], message: 'unknown locale "es-ES"; use one of en, fr, nl, de (or a regional tag such as "fr-BE"), or pass a locale definition' },
    ]);
    expect(() => resolveLocale('es', ['options', 'locale'])).toThrow(/options\.locale: unknown locale "es"/);
  });
  it('refuses a tag that is not BCP 47', () => {
    for (const tag of ['', 'en_GB', 'français', 'fr--BE']) {
      expect(() => resolveLocale(tag)).toThrow(ConfigError);
      expect(() => resolveLocale(tag)).toThrow(/is not a BCP 47 language tag/);
    }
  });
  it('accepts a complete definition of the user and returns it as is', () => {
    expect(resolveLocale(es)).toBe(es);
    expect(resolveLocale({ ...LOCALE_DEFINITIONS.en, tag: 'en-GB' }).tag).toBe('en-GB');
  });
  it('lists everything an incomplete definition lacks, each with its path', () => {
    const partial = {
      ...es,
      tag: 'not a tag',
      sessionTypes: { ...es.sessionTypes, whitelist: '' },
      headers: { ...es.headers, cpo: { ...es.headers.cpo, station: undefined } },
      reasons: { ...es.reasons, 'energy-missing': undefined },
    } as unknown as LocaleDefinition;
    expect(() => resolveLocale(partial)).toThrow(ConfigError);
    try {
      resolveLocale(partial);
    } catch (error) {
      expect((error as ConfigError).issues.map((issue) => issue.path.join('.'))).toEqual([
        'locale.tag',
        'locale.sessionTypes.whitelist',
        'locale.headers.cpo.station',
        'locale.reasons.energy-missing',
      ]);
    }
    expect(() => resolveLocale(42 as unknown as LocaleDefinition)).toThrow(/expected a BCP 47 tag/);
  });
});

describe("a user's own locale", () => {
  it('labels the views, headers and explanations it is given to', () => {
    const [header, row] = parse(activityCsv([rel1], { locale: es })) as string[][];
    expect(header).toEqual(['Sesión', 'Hora', 'Usuario', 'Operador', 'Descripción', 'Tipo de sesión', 'Precio (IVA incl.)']);
    expect(row).toEqual(['rel-1', '2022-11-10 14:50:16', 'test-user', 'BE*MBF', '3,667 kWh – 0:15:02', 'Facturación dividida', '–']);
    expect(cpoRow(rel1, { locale: es })).toMatchObject({ duration: '15 minutos', remuneration: '2,44\u00a0€', remunerationType: 'Facturación dividida' });
    expect(sessionTypeLabel('whitelist', es)).toBe('Lista blanca');
  });
});

describe('the built-in definitions', () => {
  const textsOf = (definition: LocaleDefinition): string[] => [
    ...SESSION_TYPES.map((type) => definition.sessionTypes[type]),
    ...ACTIVITY_COLUMNS.map((column) => definition.headers.activity[column]),
    ...CPO_COLUMNS.map((column) => definition.headers.cpo[column]),
    ...SUMMARY_LABELS.map((label) => definition.headers.summary[label]),
    ...[...STATEMENT_COLUMNS, 'total' as const].map((column) => definition.headers.statement[column]),
    definition.minutes.other,
  ];
  it.each(LOCALES)('%s has every label, non-empty and trimmed', (locale) => {
    for (const text of textsOf(LOCALE_DEFINITIONS[locale])) {
      expect(text.length).toBeGreaterThan(0);
      expect(text.trim()).toBe(text);
    }
  });
  it.each(LOCALES)('%s names every column of a table differently', (locale) => {
    const { headers } = LOCALE_DEFINITIONS[locale];
    for (const group of [headers.activity, headers.cpo, headers.summary, headers.statement]) {
      const texts = Object.values(group);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });
  it('resolves every regional tag of a built-in language to its words', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), fc.constantFrom('BE', 'NL', 'DE', 'FR', 'LU', 'CH', 'AT', 'GB', 'US', 'CA'), (language, region) => {
        const resolved = resolveLocale(`${language}-${region}`);
        expect(resolved.tag).toBe(`${language}-${region}`);
        expect(textsOf(resolved)).toEqual(textsOf(LOCALE_DEFINITIONS[language]));
      }),
    );
  });
});
