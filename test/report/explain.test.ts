import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { assessSessions, type AssessedSession } from '../../src/assess/assess';
import { createClassifier } from '../../src/classify/classifier';
import { ConfigError } from '../../src/errors';
import { LICENCE_MISMATCHES } from '../../src/matchers/licence';
import { INVALID_REASON_CODES, VALID_REASON_CODES, type Reason, type ReasonCode } from '../../src/rules/reason';
import { explainReason } from '../../src/report/explain';
import { formatDuration, formatEnergy } from '../../src/report/format';
import { LOCALE_DEFINITIONS, LOCALES, type Locale } from '../../src/report/locale';
import { sampleConfig, sampleSessions } from '../../src/sample';
import { Exact } from '../../src/model/decimal';
import { classifierConfigInputArb, nowArb, sessionArb } from '../../src/testing';

const ALL_CODES: readonly ReasonCode[] = [...INVALID_REASON_CODES, ...VALID_REASON_CODES];

/** A reason of every code with every figure it can carry, as the classifier gives them. */
const EXAMPLES: { readonly [C in ReasonCode]: Reason<C> } = {
  'token-rejected': { code: 'token-rejected', message: '', actual: 'Blocked', limit: 'Accepted' },
  'energy-missing': { code: 'energy-missing', message: '' },
  'energy-out-of-range': { code: 'energy-out-of-range', message: '', actual: '350.001', limit: '0..350' },
  'energy-too-low': { code: 'energy-too-low', message: '', actual: '0.05', limit: '0.1' },
  'end-before-start': { code: 'end-before-start', message: '', actual: '-60' },
  'duration-too-short': { code: 'duration-too-short', message: '', actual: '49', limit: '120' },
  'duration-too-long': { code: 'duration-too-long', message: '', actual: '90000', limit: '86400' },
  'power-implausible': { code: 'power-implausible', message: '', actual: '80.123', limit: '24.2' },
  'start-too-early': { code: 'start-too-early', message: '', actual: '1999-12-31T23:00:00.000Z', limit: '2000-01-01T00:00:00.000Z' },
  'start-in-future': { code: 'start-in-future', message: '', actual: '2022-11-10T13:50:16.000Z', limit: '2022-11-10T12:00:00.000Z' },
  'stop-reason-invalid': { code: 'stop-reason-invalid', message: '', actual: 'EmergencyStop', limit: 'EmergencyStop' },
  'split-billing-licence': { code: 'split-billing-licence', message: '', licenceId: 'lic-1' },
  whitelisted: { code: 'whitelisted', message: '', whitelistEntryId: 'wl-1' },
  public: { code: 'public', message: '' },
  'licence-not-applicable': { code: 'licence-not-applicable', message: '', actual: 'token-not-covered', licenceId: 'lic-1' },
  'contract-id-unverified': { code: 'contract-id-unverified', message: '', actual: 'NL-TST-C12345678-9' },
  'home-charging-not-licensed': { code: 'home-charging-not-licensed', message: '' },
  'licence-without-home-charging': { code: 'licence-without-home-charging', message: '', licenceId: 'lic-1' },
};

describe('every reason code in every built-in locale', () => {
  it('each locale explains exactly the reason codes there are', () => {
    for (const locale of LOCALES) expect(Object.keys(LOCALE_DEFINITIONS[locale].reasons).sort()).toEqual([...ALL_CODES].sort());
  });
  it.each(LOCALES)('%s explains every code in its own words, figures included', (locale) => {
    for (const code of ALL_CODES) {
      const text = explainReason(EXAMPLES[code], locale);
      expect(text, code).not.toBe('');
      expect(text.trim(), code).toBe(text);
      expect(text, code).not.toMatch(/undefined|NaN|null|\[object|–/);
      if (locale !== 'en') expect(text, `${code} in ${locale}`).not.toBe(explainReason(EXAMPLES[code], 'en'));
    }
  });
  it('explains every way a licence may not apply differently', () => {
    for (const locale of LOCALES) {
      const texts = [...LICENCE_MISMATCHES, 'unknown'].map((actual) => explainReason({ ...EXAMPLES['licence-not-applicable'], actual }, locale));
      expect(new Set(texts).size).toBe(texts.length);
      texts.forEach((text) => expect(text).toContain('lic-1'));
    }
  });
});

describe('explainReason', () => {
  it('says what the portal shows, with its figures, in each language', () => {
    const short = EXAMPLES['duration-too-short'];
    expect(explainReason(short)).toBe('lasted 0:00:49, less than the minimum of 0:02:00');
    expect(explainReason(short, 'fr')).toBe('a duré 0:00:49, moins que le minimum de 0:02:00');
    expect(explainReason(short, 'nl-BE')).toBe('duurde 0:00:49, korter dan het minimum van 0:02:00');
    expect(explainReason(short, 'de')).toBe('dauerte 0:00:49, weniger als das Minimum von 0:02:00');
    expect(explainReason(EXAMPLES['licence-not-applicable'])).toBe('licence lic-1 does not cover this card');
    expect(explainReason(EXAMPLES['licence-not-applicable'], 'fr-BE')).toBe('la licence lic-1 ne couvre pas cette carte');
  });
  it('formats energy, power and instants for the locale and the time zone', () => {
    expect(explainReason(EXAMPLES['energy-out-of-range'], 'fr')).toBe('a chargé 350,001 kWh, hors de la plage autorisée de 0 kWh à 350 kWh');
    expect(explainReason(EXAMPLES['power-implausible'], 'de')).toBe('eine mittlere Leistung von 80,123 kW, mehr als die 24,2 kW, die der Anschluss zulässt');
    expect(explainReason(EXAMPLES['start-in-future'])).toBe('starts 2022-11-10 14:50:16, later than now (2022-11-10 13:00:00)');
    expect(explainReason(EXAMPLES['start-in-future'], 'en', { timeZone: 'UTC' })).toBe('starts 2022-11-10 13:50:16, later than now (2022-11-10 12:00:00)');
    expect(explainReason(EXAMPLES['end-before-start'], 'nl')).toBe('eindigt 0:01:00 voordat ze begint');
    expect(explainReason({ ...EXAMPLES['power-implausible'], actual: 'unbounded' })).toBe('energy was recorded in no time at all');
  });
  it('tells a token refused after the start (DeAuthorized) from one refused at the start', () => {
    expect(explainReason(EXAMPLES['token-rejected'])).toBe('the charge card was refused (Blocked)');
    expect(explainReason({ ...EXAMPLES['token-rejected'], actual: 'DeAuthorized' })).toBe('the charge card was refused after charging had started (DeAuthorized)');
  });
  it('shows a figure the reason lacks as "–" and a code it does not know as the reason\'s message', () => {
    expect(explainReason({ code: 'split-billing-licence', message: 'old' })).toBe('home charging under licence –, reimbursed per kWh');
    expect(explainReason({ code: 'duration-too-short', message: '', actual: 'soon' })).toBe('lasted –, less than the minimum of –');
    expect(explainReason({ code: 'battery-full' as ReasonCode, message: 'the battery was full' }, 'fr')).toBe('the battery was full');
    expect(explainReason({ code: 'toString' as ReasonCode, message: 'inherited names are not codes' })).toBe('inherited names are not codes');
  });
  it('refuses an unknown locale or time zone with a ConfigError naming the option', () => {
    expect(() => explainReason(EXAMPLES.public, 'es')).toThrow(ConfigError);
    expect(() => explainReason(EXAMPLES.public, 'en', { timeZone: 'Europe/Brussel' })).toThrow(/timeZone: unknown time zone "Europe\/Brussel"/);
  });
  it("explains the sample's reasons: the release's invalid session in two languages", () => {
    const assessed = assessSessions(sampleSessions, createClassifier(sampleConfig)).filter((a): a is typeof a & AssessedSession => a.success);
    const rel5 = assessed.find((item) => item.session.id === 'rel-5')!;
    expect(rel5.classification.reasons.map((reason) => explainReason(reason))).toEqual([
      'no energy was recorded: there is no meter reading',
      'lasted 0:00:49, less than the minimum of 0:02:00',
    ]);
    const rel2 = assessed.find((item) => item.session.id === 'rel-2')!;
    expect(rel2.classification.reasons.map((reason) => explainReason(reason, 'nl'))).toEqual([
      'gratis: de laadpas staat op de whitelist van deze laadpaal (regel wl-test-badge)',
    ]);
    expect(rel5.classification.reasons.map((reason) => explainReason(reason, 'fr'))).toEqual([
      'aucune énergie enregistrée\u00a0: il n’y a pas de relevé du compteur',
      'a duré 0:00:49, moins que le minimum de 0:02:00',
    ]);
  });
});

describe('properties', () => {
  it("every reason the classifier gives is explained in every locale, with the figures it carries", () => {
    fc.assert(
      fc.property(classifierConfigInputArb, sessionArb, nowArb, fc.constantFrom<Locale>(...LOCALES), (config, session, now, locale) => {
        const classification = createClassifier(config).classify(session, now === undefined ? {} : { now });
        for (const reason of classification.reasons) {
          const text = explainReason(reason, locale);
          expect(text).not.toMatch(/undefined|NaN|\[object|–/);
          if (reason.licenceId !== undefined) expect(text).toContain(reason.licenceId);
          if (reason.whitelistEntryId !== undefined) expect(text).toContain(reason.whitelistEntryId);
          if (reason.code === 'duration-too-short' || reason.code === 'duration-too-long' || reason.code === 'end-before-start') {
            expect(text).toContain(formatDuration(new Exact(reason.actual!).abs().times(1000).toNumber()));
          }
          if (reason.code === 'energy-out-of-range' || reason.code === 'energy-too-low') {
            expect(text).toContain(formatEnergy(new Exact(reason.actual!), locale));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
