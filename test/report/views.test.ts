import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { assessSessions, type AssessedSession } from '../../src/assess/assess';
import { createClassifier } from '../../src/classify/classifier';
import type { ClassifierConfigInput } from '../../src/classify/config';
import type { LicenceInput } from '../../src/matchers/licence';
import { SESSION_TYPES, type SessionType } from '../../src/classify/session-type';
import type { SessionInput } from '../../src/model/session';
import { LOCALES, formatDuration, type Locale } from '../../src/report/format';
import { activityCsv, activityRow, activityView, cpoCsv, cpoRow, cpoView, type ActivityRow, type CpoRow } from '../../src/report/views';
import { sampleConfig, sampleSessions } from '../../src/sample';
import { ConfigError } from '../../src/errors';
import {
  authorizationArb,
  decimalTextArb,
  durationMsArb,
  energyInputArb,
  precedenceArb,
  startMsArb,
  validityConfigInputArb,
} from '../../src/testing';

/** Assesses session inputs, failing the test when one does not parse (every input here is meant to be valid). */
function assess(inputs: readonly unknown[], config: ClassifierConfigInput = {}): AssessedSession[] {
  return assessSessions(inputs, createClassifier(config)).map((a) => {
    if (!a.success) throw new Error(`input ${a.index} did not parse: ${JSON.stringify(a.error.issues)}`);
    return a;
  });
}

const sample = assess(sampleSessions, sampleConfig);

function sampleItem(id: string): AssessedSession {
  const item = sample.find((a) => a.session.id === id);
  if (!item) throw new Error(`no sample session ${id}`);
  return item;
}

const read = (text: string): string[][] => parse(text, { bom: false, relax_quotes: false }) as string[][];

/** What a cell reads back as: itself, with a `'` in front when it starts like a formula. */
const expectedCell = (cell: string): string => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

const ACTIVITY_KEYS = ['sessionId', 'time', 'user', 'operator', 'description', 'typeLabel', 'priceInclVat'] as const satisfies readonly (keyof ActivityRow)[];
const CPO_KEYS = ['sessionId', 'start', 'end', 'station', 'connector', 'duration', 'energy', 'remuneration', 'remunerationType'] as const satisfies readonly (keyof CpoRow)[];

const ACTIVITY_HEADER: Record<Locale, string[]> = {
  en: ['Session', 'Time', 'User', 'Operator', 'Description', 'Session type', 'Price (incl. VAT)'],
  fr: ['Session', 'Date et heure', 'Utilisateur', 'Opérateur', 'Description', 'Type de session', 'Prix (TVA comprise)'],
  nl: ['Sessie', 'Tijdstip', 'Gebruiker', 'Operator', 'Omschrijving', 'Sessietype', 'Prijs (incl. btw)'],
  de: ['Ladevorgang', 'Zeitpunkt', 'Nutzer', 'Betreiber', 'Beschreibung', 'Art des Ladevorgangs', 'Preis (inkl. MwSt.)'],
};
const CPO_HEADER: Record<Locale, string[]> = {
  en: ['Session', 'Start', 'End', 'Station', 'Connector', 'Duration', 'Energy', 'Remuneration', 'Remuneration type'],
  fr: ['Session', 'Début', 'Fin', 'Borne', 'Connecteur', 'Durée', 'Énergie', 'Rémunération', 'Type de rémunération'],
  nl: ['Sessie', 'Start', 'Einde', 'Laadpaal', 'Connector', 'Duur', 'Energie', 'Vergoeding', 'Type vergoeding'],
  de: ['Ladevorgang', 'Beginn', 'Ende', 'Ladestation', 'Anschluss', 'Dauer', 'Energie', 'Vergütung', 'Vergütungsart'],
};

const NBSP = '\u00a0';

/** A public session at a charge point that names nothing but its id, with the given price. */
function publicSession(id: string, price?: SessionInput['price']): SessionInput {
  return {
    id,
    startedAt: '2022-11-14T12:02:10+01:00',
    endedAt: '2022-11-14T12:48:55+01:00',
    energyKWh: '28.412',
    token: { uid: '04C1D2E3', authorization: 'Accepted' },
    chargePoint: { id: 'BE-ION-HASSELT-03' },
    ...(price === undefined ? {} : { price }),
  };
}

describe('activityRow', () => {
  it("shows the release's split billing session as the driver portal does", () => {
    expect(activityRow(sampleItem('rel-1'))).toEqual({
      sessionId: 'rel-1',
      time: '2022-11-10 14:50:16',
      user: 'test-user',
      operator: 'BE*MBF',
      description: '3.667 kWh – 0:15:02',
      type: 'split-billing',
      typeLabel: 'Split billing',
      priceInclVat: '–',
    });
  });
  it('shows a session without a meter reading by its duration alone, and no price', () => {
    const row = activityRow(sampleItem('rel-5'), { locale: 'fr' });
    expect(row.description).toBe('0:00:49');
    expect(row.priceInclVat).toBe('–');
    expect(row.type).toBe('invalid');
    expect(row.typeLabel).toBe('Non valable');
  });
  it("shows a normal session's price incl. VAT, in the view's language", () => {
    expect(activityRow(sampleItem('pub-1')).priceInclVat).toBe('€19.54');
    expect(activityRow(sampleItem('pub-1'), { locale: 'fr' }).priceInclVat).toBe(`19,54${NBSP}€`);
    expect(activityRow(sampleItem('pub-1'), { locale: 'nl' }).priceInclVat).toBe(`€${NBSP}19,54`);
    expect(activityRow(sampleItem('pub-1')).typeLabel).toBe('Normal');
  });
  it('shows no price for whitelist sessions', () => {
    const row = activityRow(sampleItem('rel-2'));
    expect(row).toMatchObject({ description: '11.001 kWh – 0:39:55', type: 'whitelist', typeLabel: 'Whitelist', priceInclVat: '–' });
  });
  it("writes the description in the view's language", () => {
    expect(activityRow(sampleItem('rel-1'), { locale: 'fr' }).description).toBe('3,667 kWh – 0:15:02');
    expect(activityRow(sampleItem('rel-1'), { locale: 'de' }).typeLabel).toBe('Split-Billing');
    expect(activityRow(sampleItem('rel-4'), { locale: 'nl' }).description).toBe('7,334 kWh – 0:20:02');
  });
  it('shows the time on the wall clock of the time zone asked for', () => {
    expect(activityRow(sampleItem('rel-1'), { timeZone: 'UTC' }).time).toBe('2022-11-10 13:50:16');
    expect(activityRow(sampleItem('rel-1'), { timeZone: 'America/New_York' }).time).toBe('2022-11-10 08:50:16');
  });
  it('leaves user and operator empty when the session does not name them', () => {
    const [item] = assess([publicSession('p-1', { inclVat: '12.10', currency: 'EUR' })]);
    expect(activityRow(item!)).toMatchObject({ user: '', operator: '', type: 'normal', priceInclVat: '€12.10' });
  });
  it('shows "–", not €0.00, for a normal session whose price is unknown', () => {
    const [noPrice, exclOnly] = assess([publicSession('p-1'), publicSession('p-2', { exclVat: '10', currency: 'EUR' })]);
    expect(noPrice!.cost.flags).toContain('price-missing');
    expect(activityRow(noPrice!).priceInclVat).toBe('–');
    expect(activityRow(exclOnly!).priceInclVat).toBe('–');
  });
  it('shows the price incl. VAT computed from excl. VAT and the VAT percentage', () => {
    const [item] = assess([publicSession('p-1', { exclVat: '16.1521', vatPercent: '21', currency: 'EUR' })]);
    expect(activityRow(item!).priceInclVat).toBe('€19.54');
  });
  it("shows a price in its own currency (flagged, never converted)", () => {
    const [item] = assess([publicSession('p-1', { inclVat: '1500', currency: 'JPY' })]);
    expect(item!.cost.flags).toContain('currency-mismatch');
    expect(activityRow(item!).priceInclVat).toBe('¥1,500');
  });
  it('keeps the sign of a session that ends before it starts', () => {
    const [item] = assess([{ ...publicSession('p-1'), endedAt: '2022-11-14T12:01:10+01:00', energyKWh: null }]);
    expect(activityRow(item!)).toMatchObject({ description: '-0:01:00', type: 'invalid', priceInclVat: '–' });
  });
  it('refuses an unknown locale or time zone, saying what to use', () => {
    const item = sampleItem('rel-1');
    expect(() => activityRow(item, { locale: 'es' as Locale })).toThrow(/unknown locale "es"; use one of en, fr, nl, de/);
    expect(() => activityRow(item, { locale: 'es' })).toThrow(ConfigError);
    expect(() => activityRow(item, { timeZone: 'Europe/Brussel' })).toThrow(ConfigError);
    expect(() => activityRow(item, { timeZone: 'Europe/Brussel' })).toThrow(/unknown time zone "Europe\/Brussel"; use an IANA name/);
  });
});

describe('cpoRow', () => {
  it("shows the release's split billing session as the CPO back office does", () => {
    expect(cpoRow(sampleItem('rel-1'))).toEqual({
      sessionId: 'rel-1',
      start: '2022-11-10 14:50',
      end: '2022-11-10 15:05',
      station: 'cp_test2',
      connector: '1',
      duration: '15 minutes',
      energy: '3.667 kWh',
      remuneration: '€2.44',
      remunerationType: 'Split billing',
    });
  });
  it("shows the release's second split billing remuneration", () => {
    expect(cpoRow(sampleItem('rel-4'))).toMatchObject({
      start: '2022-11-09 07:30',
      end: '2022-11-09 07:50',
      duration: '20 minutes',
      energy: '7.334 kWh',
      remuneration: '€4.88',
    });
  });
  it('shows "–" for the energy and remuneration of an invalid session without a reading', () => {
    expect(cpoRow(sampleItem('rel-5'), { locale: 'nl' })).toMatchObject({
      start: '2022-11-08 17:39',
      end: '2022-11-08 17:40',
      duration: '1 minuut',
      energy: '–',
      remuneration: '–',
      remunerationType: 'Ongeldig',
    });
  });
  it('pays no remuneration for normal or whitelist sessions', () => {
    expect(cpoRow(sampleItem('pub-1'))).toMatchObject({ station: 'BE-ION-HASSELT-03', connector: '2', remuneration: '–', remunerationType: 'Normal' });
    expect(cpoRow(sampleItem('rel-2'), { locale: 'fr' })).toMatchObject({ remuneration: '–', remunerationType: 'Liste blanche' });
  });
  it("writes figures in the view's language", () => {
    expect(cpoRow(sampleItem('rel-1'), { locale: 'fr' })).toMatchObject({ duration: '15 minutes', energy: '3,667 kWh', remuneration: `2,44${NBSP}€` });
    expect(cpoRow(sampleItem('rel-1'), { locale: 'de' })).toMatchObject({ duration: '15 Minuten', remunerationType: 'Split-Billing' });
  });
  it('shows start and end on the wall clock of the time zone asked for, to the minute', () => {
    expect(cpoRow(sampleItem('rel-1'), { timeZone: 'UTC' })).toMatchObject({ start: '2022-11-10 13:50', end: '2022-11-10 14:05' });
  });
  it('leaves the connector empty when the session does not name it', () => {
    expect(cpoRow(sampleItem('rej-1')).connector).toBe('');
  });
  it('shows "–", not €0.00, for a split billing session whose amount is unknown', () => {
    const home = { id: 'cp_home', connectorId: '1' };
    const licence = {
      id: 'lic-1',
      device: { chargePointId: 'cp_home' },
      status: 'active',
      validFrom: '2022-11-01',
      validUntil: null,
      rates: [{ from: '2023-01-01', perKWh: '0.30', currency: 'EUR' }],
    } satisfies LicenceInput;
    const base = { startedAt: '2022-11-10T14:50:16+01:00', endedAt: '2022-11-10T15:05:18+01:00', token: { uid: '04A23B5C' }, chargePoint: home };
    const [beforeRate, noReading, rated] = assess(
      [
        { ...base, id: 'before-rate', energyKWh: '3.667' },
        { ...base, id: 'no-reading', energyKWh: null, startedAt: '2023-01-10T14:50:16+01:00', endedAt: '2023-01-10T15:05:18+01:00' },
        { ...base, id: 'rated', energyKWh: '3.667', startedAt: '2023-01-10T14:50:16+01:00', endedAt: '2023-01-10T15:05:18+01:00' },
      ],
      { validity: { requireEnergy: false }, licences: [licence] },
    );
    expect(beforeRate!.cost.flags).toContain('rate-missing');
    expect(cpoRow(beforeRate!)).toMatchObject({ remuneration: '–', remunerationType: 'Split billing' });
    expect(noReading!.cost.flags).toContain('energy-missing');
    expect(cpoRow(noReading!)).toMatchObject({ energy: '–', remuneration: '–', remunerationType: 'Split billing' });
    expect(cpoRow(rated!).remuneration).toBe('€1.10');
  });
  it('keeps the sign of a session that ends before it starts', () => {
    const [item] = assess([{ ...publicSession('p-1'), endedAt: '2022-11-14T12:01:10+01:00' }]);
    expect(cpoRow(item!)).toMatchObject({ start: '2022-11-14 12:02', end: '2022-11-14 12:01', duration: '-1 minute' });
  });
  it('reads the locale as a BCP 47 tag, case insensitively, and refuses a malformed one or an unknown time zone', () => {
    expect(cpoRow(sampleItem('rel-1'), { locale: 'EN' })).toEqual(cpoRow(sampleItem('rel-1')));
    expect(() => cpoRow(sampleItem('rel-1'), { locale: 'en_GB' })).toThrow(ConfigError);
    expect(() => cpoRow(sampleItem('rel-1'), { locale: 'en_GB' })).toThrow(/locale: "en_GB" is not a BCP 47 language tag/);
    expect(() => cpoRow(sampleItem('rel-1'), { timeZone: 'CET+1' })).toThrow(/unknown time zone "CET\+1"/);
  });
});

describe('activityCsv', () => {
  it('writes the header and one record per session, in order', () => {
    const items = [sampleItem('rel-1'), sampleItem('rel-5'), sampleItem('pub-1')];
    expect(activityCsv(items)).toBe(
      'Session,Time,User,Operator,Description,Session type,Price (incl. VAT)\r\n' +
        'rel-1,2022-11-10 14:50:16,test-user,BE*MBF,3.667 kWh – 0:15:02,Split billing,–\r\n' +
        'rel-5,2022-11-08 17:39:41,test-user,BE*MBF,0:00:49,Invalid,–\r\n' +
        'pub-1,2022-11-14 12:02:10,an.claes,BE*ION,28.412 kWh – 0:46:45,Normal,€19.54\r\n',
    );
  });
  it('quotes cells that hold the decimal comma', () => {
    expect(activityCsv([sampleItem('pub-1')], { locale: 'fr' })).toBe(
      'Session,Date et heure,Utilisateur,Opérateur,Description,Type de session,Prix (TVA comprise)\r\n' +
        `pub-1,2022-11-14 12:02:10,an.claes,BE*ION,"28,412 kWh – 0:46:45",Normale,"19,54${NBSP}€"\r\n`,
    );
  });
  it('writes its header in each language', () => {
    for (const locale of LOCALES) expect(read(activityCsv([], { locale }))).toEqual([ACTIVITY_HEADER[locale]]);
  });
  it('neutralises a cell that a spreadsheet would read as a formula', () => {
    const [item] = assess([{ ...publicSession('=HYPERLINK("x")'), userId: '@me', endedAt: '2022-11-14T12:01:10+01:00', energyKWh: null }]);
    expect(activityCsv([item!]).split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",2022-11-14 12:02:10,'@me,,'-0:01:00,Invalid,–`);
  });
  it('refuses an unknown locale or time zone even without sessions', () => {
    expect(() => activityCsv([], { locale: 'es' as Locale })).toThrow(/unknown locale "es"/);
    expect(() => activityCsv([], { timeZone: 'Nowhere/City' })).toThrow(/unknown time zone "Nowhere\/City"/);
  });
});

describe('cpoCsv', () => {
  it('writes the header and one record per session, in order', () => {
    const items = [sampleItem('rel-4'), sampleItem('rel-1'), sampleItem('rej-1')];
    expect(cpoCsv(items)).toBe(
      'Session,Start,End,Station,Connector,Duration,Energy,Remuneration,Remuneration type\r\n' +
        'rel-4,2022-11-09 07:30,2022-11-09 07:50,cp_test2,1,20 minutes,7.334 kWh,€4.88,Split billing\r\n' +
        'rel-1,2022-11-10 14:50,2022-11-10 15:05,cp_test2,1,15 minutes,3.667 kWh,€2.44,Split billing\r\n' +
        'rej-1,2022-11-15 18:20,2022-11-15 18:45,BE-ALL-GENT-11,,25 minutes,9.21 kWh,–,Invalid\r\n',
    );
  });
  it('writes its header in each language', () => {
    for (const locale of LOCALES) expect(read(cpoCsv([], { locale }))).toEqual([CPO_HEADER[locale]]);
  });
  it('writes the whole sample, one record per session', () => {
    const records = read(cpoCsv(sample, { locale: 'de' }));
    expect(records).toHaveLength(sample.length + 1);
    expect(records.slice(1).map((r) => r[0])).toEqual(sampleSessions.map((s) => s.id));
    expect(records[1]).toEqual(['rel-1', '2022-11-10 14:50', '2022-11-10 15:05', 'cp_test2', '1', '15 Minuten', '3,667 kWh', `2,44${NBSP}€`, 'Split-Billing']);
  });
  it('refuses an unknown time zone even without sessions', () => {
    expect(() => cpoCsv([], { timeZone: '' })).toThrow(/unknown time zone ""/);
  });
});

describe('properties', () => {
  /** Characters that CSV, spreadsheets and formatting must survive. */
  const NASTY = ['"', ',', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', ' ', "'", 'é', 'ß', '€', '–', '⚡', '漢', '👩‍🔧', 'a', 'Z', '0'];
  /** An identifier as a backend might send it: any mix of the above and unicode, not blank (blank ids are refused). */
  const idArb = fc
    .string({ unit: fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 10 })
    .filter((id) => id.trim() !== '');
  const UIDS = ['04A23B5C', '04B719E2', 'AABBCCDD'] as const;

  const priceArb = fc.oneof(
    fc.record({ inclVat: decimalTextArb(0, 500, 4), currency: fc.constantFrom('EUR', 'EUR', 'USD', 'JPY') }),
    fc.record({ exclVat: decimalTextArb(0, 500, 4), vatPercent: fc.constantFrom('21', '6', '0'), currency: fc.constant('EUR') }),
    fc.record({ exclVat: decimalTextArb(0, 500, 4), currency: fc.constant('EUR') }),
  );

  const sessionPartsArb = fc.record(
    {
      id: idArb,
      startMs: startMsArb,
      durationMs: durationMsArb,
      energyKWh: energyInputArb,
      uid: fc.constantFrom(...UIDS),
      authorization: authorizationArb,
      /** 0 and 1: the configured charge points; 2: a charge point of its own. */
      pick: fc.nat({ max: 2 }),
      ownChargePointId: idArb,
      connectorId: idArb,
      operatorId: idArb,
      userId: idArb,
      price: priceArb,
    },
    { requiredKeys: ['id', 'startMs', 'durationMs', 'energyKWh', 'uid', 'authorization', 'pick', 'ownChargePointId'] },
  );

  /** Sessions with awkward identifiers, and a configuration that gives them every type. */
  const caseArb = fc
    .record({
      chargePointIds: fc.tuple(idArb, idArb),
      sessions: fc.array(sessionPartsArb, { maxLength: 8 }),
      licenceTokens: fc.option(fc.subarray([...UIDS], { minLength: 1 }), { nil: undefined }),
      whitelistTokens: fc.subarray([...UIDS], { minLength: 1 }),
      rateFrom: fc.constantFrom('2000-01-01', '2022-06-01'),
      perKWh: decimalTextArb(0, 1, 4),
      validity: fc.option(validityConfigInputArb, { nil: undefined }),
      precedence: fc.option(precedenceArb, { nil: undefined }),
      locale: fc.constantFrom(...LOCALES),
      timeZone: fc.constantFrom('Europe/Brussels', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'),
    })
    .map(({ chargePointIds, sessions, licenceTokens, whitelistTokens, rateFrom, perKWh, validity, precedence, locale, timeZone }) => {
      const config: ClassifierConfigInput = {
        ...(validity === undefined ? {} : { validity }),
        ...(precedence === undefined ? {} : { precedence }),
        licences: [
          {
            id: 'lic-1',
            device: { chargePointId: chargePointIds[0] },
            status: 'active',
            validFrom: '2020-01-01',
            validUntil: null,
            ...(licenceTokens === undefined ? {} : { tokens: { uids: licenceTokens } }),
            rates: [{ from: rateFrom, perKWh, currency: 'EUR' }],
          },
        ],
        whitelist: [{ id: 'wl-1', tokens: { uids: whitelistTokens }, chargePoints: { ids: [...chargePointIds] } }],
      };
      const inputs: SessionInput[] = sessions.map(({ startMs, durationMs, uid, authorization, pick, ownChargePointId, connectorId, operatorId, ...rest }) => ({
        ...rest,
        startedAt: new Date(startMs).toISOString(),
        endedAt: new Date(startMs + durationMs).toISOString(),
        token: { uid, authorization },
        chargePoint: {
          id: pick === 2 ? ownChargePointId : chargePointIds[pick]!,
          ...(connectorId === undefined ? {} : { connectorId }),
          ...(operatorId === undefined ? {} : { operatorId }),
        },
      }));
      const options: { readonly locale: Locale; readonly timeZone: string } = { locale, timeZone };
      return { items: assess(inputs, config), options };
    });

  it('activityCsv reads back as the header and exactly the rows, in order', () => {
    fc.assert(
      fc.property(caseArb, ({ items, options }) => {
        const rows = items.map((item) => activityRow(item, options));
        const expected = [ACTIVITY_HEADER[options.locale], ...rows.map((row) => ACTIVITY_KEYS.map((key) => expectedCell(row[key])))];
        expect(read(activityCsv(items, options))).toEqual(expected);
        rows.forEach((row, i) => expect(row.sessionId).toBe(items[i]!.session.id));
      }),
      { numRuns: 200 },
    );
  });

  it('cpoCsv reads back as the header and exactly the rows, in order', () => {
    fc.assert(
      fc.property(caseArb, ({ items, options }) => {
        const rows = items.map((item) => cpoRow(item, options));
        const expected = [CPO_HEADER[options.locale], ...rows.map((row) => CPO_KEYS.map((key) => expectedCell(row[key])))];
        expect(read(cpoCsv(items, options))).toEqual(expected);
        rows.forEach((row, i) => expect(row.station).toBe(items[i]!.session.chargePoint.id));
      }),
      { numRuns: 200 },
    );
  });

  it("a row's description always holds the formatted duration, alone when there is no reading", () => {
    fc.assert(
      fc.property(caseArb, ({ items, options }) => {
        for (const item of items) {
          const duration = formatDuration(item.session.endedAt.getTime() - item.session.startedAt.getTime());
          const { description } = activityRow(item, options);
          expect(description.endsWith(duration)).toBe(true);
          if (item.session.energyKWh === null) expect(description).toBe(duration);
          else expect(description).toMatch(/ kWh – /);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('priceInclVat is "–" exactly when the session is not normal or its price is missing', () => {
    fc.assert(
      fc.property(caseArb, ({ items, options }) => {
        for (const item of items) {
          const row = activityRow(item, options);
          const none = item.classification.type !== 'normal' || item.cost.flags.includes('price-missing');
          expect(row.priceInclVat === '–').toBe(none);
          expect(row.type).toBe(item.classification.type);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('remuneration is shown exactly for split billing with a known amount; both views agree on time and type', () => {
    fc.assert(
      fc.property(caseArb, ({ items, options }) => {
        for (const item of items) {
          const cpo = cpoRow(item, options);
          const activity = activityRow(item, options);
          const known =
            item.classification.type === 'split-billing' && !item.cost.flags.includes('rate-missing') && !item.cost.flags.includes('energy-missing');
          expect(cpo.remuneration === '–').toBe(!known);
          expect(activity.time.startsWith(`${cpo.start}:`)).toBe(true);
          expect(cpo.remunerationType).toBe(activity.typeLabel);
          expect(cpo.energy === '–').toBe(item.session.energyKWh === null);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the generated cases reach every type, priced and unpriced sessions, remunerations and formula-like cells', () => {
    const items = fc.sample(caseArb, { numRuns: 300, seed: 20221205 }).flatMap((c) => c.items.map((item) => ({ item, options: c.options })));
    const activity = items.map(({ item, options }) => activityRow(item, options));
    const cpo = items.map(({ item, options }) => cpoRow(item, options));
    expect(new Set(activity.map((row) => row.type))).toEqual(new Set<SessionType>(SESSION_TYPES));
    expect(activity.some((row) => row.type === 'normal' && row.priceInclVat !== '–')).toBe(true);
    expect(activity.some((row) => row.type === 'normal' && row.priceInclVat === '–')).toBe(true);
    expect(cpo.some((row) => row.remuneration !== '–')).toBe(true);
    expect(cpo.some((row, i) => row.remuneration === '–' && activity[i]!.type === 'split-billing')).toBe(true);
    expect(activity.some((row) => ACTIVITY_KEYS.some((key) => expectedCell(row[key]) !== row[key]))).toBe(true);
    expect(activity.some((row) => /[",\r\n]/.test(row.user))).toBe(true);
  });
});

describe('views made once for their options, for streaming exports', () => {
  it('give, one record at a time, exactly the CSV of the whole list', () => {
    const items = assessSessions(sampleSessions, createClassifier(sampleConfig)).flatMap((a) => (a.success ? [a] : []));
    for (const [make, csv] of [[activityView, activityCsv], [cpoView, cpoCsv]] as const) {
      for (const options of [{}, { locale: 'nl-BE', timeZone: 'America/New_York' }]) {
        const view = make(options);
        expect(view.csvHeader + items.map((item) => view.csvRow(item)).join('')).toBe(csv(items, options));
      }
    }
  });

  it('check their options once, when made', () => {
    expect(() => activityView({ locale: 'xx' })).toThrow(ConfigError);
    expect(() => cpoView({ timeZone: 'Nowhere/Else' })).toThrow(ConfigError);
    expect(() => activityView().row({} as never)).toThrow(ConfigError);
  });
});
