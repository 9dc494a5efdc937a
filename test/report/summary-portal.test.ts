/**
 * What a portal asks of summaries: totals per user and month, a date range
 * in a time zone, the "E-Charging" type filter, per-currency rows in its
 * tables, and summaries merged from parts.
 */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { assessSessions, type AssessedSession } from '../../src/assess/assess';
import { createClassifier } from '../../src/classify/classifier';
import { SESSION_TYPES } from '../../src/classify/session-type';
import { attributeCost } from '../../src/cost/attribute-cost';
import { ConfigError } from '../../src/errors';
import type { SessionInput } from '../../src/model/session';
import { mergeSummaries, NO_USER, SUMMARY_GROUPS, summarize, TYPE_FILTERS, type Summary, type SummaryOptions, type TypedTotals } from '../../src/report/summarize';
import { summaryCsv, summaryRows } from '../../src/report/summary-rows';
import { LOCALE_DEFINITIONS } from '../../src/report/locale';
import { sampleConfig, sampleSessions } from '../../src/sample';
import { parsed } from '../../src/testing';
import { batchArb } from '../support/assessed';
import { SPLIT_BILLING_SESSION } from '../support/sessions';

const sample: AssessedSession[] = assessSessions(sampleSessions, createClassifier(sampleConfig)).flatMap((a) => (a.success ? [a] : []));

const classifier = createClassifier({
  licences: [{ id: 'lic-1', device: { chargePointId: 'cp_home' }, status: 'active', validFrom: '2020-01-01', rates: [{ from: '2020-01-01', perKWh: '0.6654', currency: 'EUR' }] }],
});

/** A split billing session (3.667 kWh, 2.44 EUR) at the licensed home charger unless overridden. */
function item(extra: Partial<SessionInput> = {}): AssessedSession {
  const session = parsed({ ...SPLIT_BILLING_SESSION, chargePoint: { id: 'cp_home' }, userId: 'u-1', ...extra });
  const classification = classifier.classify(session);
  return { session, classification, cost: attributeCost(session, classification) };
}

const startingAt = (id: string, startedAt: string, userId = 'u-1') =>
  item({ id, userId, startedAt, endedAt: new Date(Date.parse(startedAt) + 900_000).toISOString() });

/** A stable text of a summary, to compare summaries made apart. */
const asJson = (summary: Summary): string => JSON.stringify(summary);

/** The local date "2022-11-01" or month "2022-11" of an instant in a zone, through Intl (independent of the library). */
function localDate(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}
const localMonth = (instant: Date, timeZone: string) => localDate(instant, timeZone).slice(0, 7);

const zoneArb = fc.constantFrom('Europe/Brussels', 'UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Chatham', 'America/Sao_Paulo');

describe('summaries per user and month', () => {
  it('gives each user their months, as the sample\'s test user has its 7.32 EUR in November 2022', () => {
    const summary = summarize(sample, { groupBy: ['userMonth'] });
    expect(Object.keys(summary.byUserMonth ?? {})).toEqual(['an.claes', 'guest', 'pieter.wouters', 'test-user']);
    const november = summary.byUserMonth?.['test-user']?.['2022-11'];
    expect(november?.byType['split-billing'].reimbursement.amount.toString()).toBe('7.32');
    expect(november?.total.count).toBe(6);
    expect(summary.byUser).toBeUndefined();
  });

  it('reads the month of the local start, in the summary\'s zone', () => {
    // 2022-11-30T23:30Z is 1 December in Brussels, still 30 November in UTC.
    const items = [startingAt('a', '2022-11-30T23:30:00Z'), startingAt('b', '2022-11-10T12:00:00Z'), item({ id: 'c', userId: undefined })];
    const brussels = summarize(items, { groupBy: ['userMonth'] });
    expect(Object.keys(brussels.byUserMonth?.['u-1'] ?? {})).toEqual(['2022-11', '2022-12']);
    expect(Object.keys(brussels.byUserMonth?.[NO_USER] ?? {})).toEqual(['2022-11']);
    const utc = summarize(items, { groupBy: ['userMonth'], timeZone: 'UTC' });
    expect(Object.keys(utc.byUserMonth?.['u-1'] ?? {})).toEqual(['2022-11']);
    expect(utc.byUserMonth?.['u-1']?.['2022-11']?.total.count).toBe(2);
  });

  it('keeps a user id such as "__proto__" as a key like any other', () => {
    const summary = summarize([item({ id: 'p', userId: '__proto__' })], { groupBy: ['userMonth', 'user'] });
    expect(Object.keys(summary.byUserMonth ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(summary.byUserMonth)).toBe(Object.prototype);
    const back = mergeSummaries([JSON.parse(JSON.stringify(summary)) as unknown]);
    expect(back.byUserMonth?.['__proto__']?.['2022-11']?.total.count).toBe(1);
  });
});

describe('summaries over a date range', () => {
  // 2022-10-31T23:30Z is 00:30 on 1 November in Brussels, 23:30 on 31 October in UTC.
  const items = [startingAt('oct', '2022-10-31T23:30:00Z'), startingAt('nov', '2022-11-15T10:00:00Z'), startingAt('dec', '2022-11-30T23:00:00Z')];
  const ids = (options: SummaryOptions) => {
    const summary = summarize(items, { ...options, groupBy: ['chargePoint'] });
    return summary.total.count;
  };

  it('keeps the sessions whose local start is from (inclusive) until (exclusive)', () => {
    expect(ids({ from: '2022-11-01', until: '2022-12-01' })).toBe(2); // oct (00:30 local) and nov; dec is 00:00 on 1 December
    expect(ids({ from: '2022-11-01', until: '2022-12-01', timeZone: 'UTC' })).toBe(2); // nov and dec; oct is 31 October
    expect(ids({ from: '2022-11-01' })).toBe(3);
    expect(ids({ until: '2022-11-01' })).toBe(0);
    expect(ids({ until: '2022-11-01', timeZone: 'UTC' })).toBe(1);
    // A local date-time, a date-time with an offset and a Date name the same instants.
    expect(ids({ from: '2022-11-01T00:30' })).toBe(3);
    expect(ids({ from: '2022-11-01T00:30:00.001' })).toBe(2);
    expect(ids({ from: new Date('2022-11-30T23:00:00Z') })).toBe(1);
    expect(ids({ until: '2022-12-01T00:00:00+01:00' })).toBe(2);
  });

  it('counts unreadable inputs whatever the range: they have no start to judge', () => {
    const summary = summarize([...items, { success: false, index: 3, input: null, error: { issues: [] } } as never], { from: '2030-01-01' });
    expect(summary.total.count).toBe(0);
    expect(summary.unreadable).toBe(1);
  });

  it('refuses a range that is empty, unreadable or missing in the zone, listing every problem', () => {
    const problems = (options: SummaryOptions) => {
      try {
        summarize([], options);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).issues.map((issue) => issue.path.join('.'));
      }
      throw new Error('expected a ConfigError');
    };
    expect(problems({ from: '2022-12-01', until: '2022-11-01' })).toEqual(['until']);
    expect(problems({ from: '2022-11-01', until: '2022-11-01' })).toEqual(['until']);
    expect(problems({ from: 'last week', until: new Date('nope') })).toEqual(['from', 'until']);
    // 02:30 on 27 March 2022 does not exist in Brussels: the clocks skip it.
    expect(problems({ from: '2022-03-27T02:30' })).toEqual(['from']);
    expect(problems({ from: 20221101 as never })).toEqual(['from']);
    // An unknown zone is reported once; the dates that would be read in it are not blamed.
    expect(problems({ from: '2022-11-01', timeZone: 'Europe/Brusels' })).toEqual(['timeZone']);
  });
});

describe('the E-Charging type filter', () => {
  it('is the normal sessions: the charging the operational budget pays', () => {
    expect(TYPE_FILTERS['e-charging']).toEqual(['normal']);
    const eCharging = summarize(sample, { types: 'e-charging' });
    expect(eCharging.total.count).toBe(2);
    expect(eCharging.total.operationalBudget.amount.toString()).toBe('24.67');
    expect(eCharging.byType['split-billing'].count).toBe(0);
    expect(asJson(eCharging)).toBe(asJson(summarize(sample, { types: ['normal'] })));
  });

  it('refuses an unknown filter name', () => {
    expect(() => summarize([], { types: 'charging' as never })).toThrow(/unknown type filter "charging"; give one of e-charging/);
  });
});

describe('summary rows', () => {
  it('shows each type that has sessions, then the total, in the locale', () => {
    const rows = summaryRows(summarize(sample), { locale: 'nl-BE' });
    expect(rows.map((row) => row.type)).toEqual(['Normaal', 'Split billing', 'Whitelist', 'Ongeldig', 'Totaal']);
    expect(rows.at(-1)).toEqual({
      user: '',
      chargePoint: '',
      month: '',
      type: 'Totaal',
      currency: 'EUR',
      count: '11',
      energyKWh: '449,326 kWh',
      withoutEnergy: '2',
      durationMs: '20:35:45',
      operationalBudget: '€\u00a024,67',
      reimbursement: '€\u00a07,32',
    });
  });

  it('shows the amounts in another currency on rows of their own, after the row in the summary\'s currency', () => {
    const swiss = (() => {
      const session = parsed({ ...SPLIT_BILLING_SESSION, id: 'ch', chargePoint: { id: 'CH-1' }, userId: 'u-2', price: { inclVat: '12.50', currency: 'CHF' } });
      const classification = classifier.classify(session);
      return { session, classification, cost: attributeCost(session, classification) };
    })();
    const rows = summaryRows(summarize([item(), swiss]));
    expect(rows.map((row) => [row.type, row.currency, row.count, row.energyKWh, row.operationalBudget, row.reimbursement])).toEqual([
      ['Normal', 'EUR', '1', '3.667 kWh', '€0.00', '€0.00'],
      ['Normal', 'CHF', '1', '', 'CHF\u00a012.50', 'CHF\u00a00.00'],
      ['Split billing', 'EUR', '1', '3.667 kWh', '€0.00', '€2.44'],
      ['Total', 'EUR', '2', '7.334 kWh', '€0.00', '€2.44'],
      ['Total', 'CHF', '1', '', 'CHF\u00a012.50', 'CHF\u00a00.00'],
    ]);
  });

  it('repeats the rows per group, with the group\'s keys, and exports the grouping\'s key columns only', () => {
    const summary = summarize([item({ id: 'a', userId: undefined }), startingAt('b', '2022-12-05T10:00:00Z')], { groupBy: ['userMonth', 'month'] });
    const rows = summaryRows(summary, { groupBy: 'userMonth', locale: 'fr' });
    expect(rows.map((row) => [row.user, row.month, row.type])).toEqual([
      ['(sans utilisateur)', '2022-11', 'Split billing'],
      ['(sans utilisateur)', '2022-11', 'Total'],
      ['u-1', '2022-12', 'Split billing'],
      ['u-1', '2022-12', 'Total'],
    ]);
    const csv = parse(summaryCsv(summary, { groupBy: 'month' })) as string[][];
    expect(csv[0]).toEqual(['Month', 'Type', 'Currency', 'Sessions', 'Energy', 'Without energy reading', 'Duration', 'Operational budget', 'Reimbursement']);
    expect(csv.slice(1).map((row) => row.slice(0, 2))).toEqual([
      ['2022-11', 'Split billing'],
      ['2022-11', 'Total'],
      ['2022-12', 'Split billing'],
      ['2022-12', 'Total'],
    ]);
    expect((parse(summaryCsv(summary)) as string[][])[0]?.[0]).toBe('Type');
  });

  it('refuses a grouping the summary was not made with', () => {
    expect(() => summaryRows(summarize(sample), { groupBy: 'user' })).toThrow(/no totals per user; summarise with groupBy: \['user'\]/);
    expect(() => summaryRows(summarize(sample), { groupBy: 'week' as never })).toThrow(ConfigError);
  });
});

// ---------------------------------------------------------------------------

/** Days since the epoch as a date "2022-11-01". */
const dayText = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const localDateArb = fc.integer({ min: Date.UTC(2020, 11, 20) / 86_400_000, max: Date.UTC(2024, 0, 10) / 86_400_000 });

const ALL_GROUPS = { groupBy: ['user', 'chargePoint', 'month', 'userMonth'] } as const;

describe('properties', () => {
  it('every session is in exactly one user-month group, whatever the zone, and the groups add up to the totals per user and per month', () => {
    fc.assert(
      fc.property(batchArb, zoneArb, (items, timeZone) => {
        const summary = summarize(items, { ...ALL_GROUPS, timeZone });
        const leaves = Object.entries(summary.byUserMonth ?? {}).flatMap(([user, months]) => Object.entries(months).map(([month, totals]) => ({ user, month, totals })));
        for (const { user, month, totals } of leaves) {
          const expected = items.filter((a) => (a.session.userId ?? NO_USER) === user && localMonth(a.session.startedAt, timeZone) === month);
          expect(totals.total.count).toBe(expected.length);
          expect(totals.total.count).toBeGreaterThan(0);
        }
        expect(leaves.reduce((n, leaf) => n + leaf.totals.total.count, 0)).toBe(items.length);
        // Marginals: a user's months add up to the user, a month's users to the month.
        const add = (list: readonly TypedTotals[]) => list.reduce((n, t) => n + t.total.count, 0);
        for (const [user, totals] of Object.entries(summary.byUser ?? {})) expect(add(leaves.filter((l) => l.user === user).map((l) => l.totals))).toBe(totals.total.count);
        for (const [month, totals] of Object.entries(summary.byMonth ?? {})) expect(add(leaves.filter((l) => l.month === month).map((l) => l.totals))).toBe(totals.total.count);
      }),
    );
  });

  it('a range of local dates keeps exactly the sessions whose local start is in it, whatever the zone', () => {
    fc.assert(
      fc.property(batchArb, zoneArb, fc.option(localDateArb, { nil: undefined }), fc.option(localDateArb, { nil: undefined }), (items, timeZone, a, b) => {
        const [low, high] = a !== undefined && b !== undefined ? [Math.min(a, b), Math.max(a, b) + 1] : [a, b];
        const from = low === undefined ? undefined : dayText(low);
        const until = high === undefined ? undefined : dayText(high);
        const summary = summarize(items, { timeZone, ...(from && { from }), ...(until && { until }), groupBy: ['chargePoint'] });
        const kept = items.filter((item) => {
          const day = localDate(item.session.startedAt, timeZone);
          return (from === undefined || day >= from) && (until === undefined || day < until);
        });
        expect(summary.total.count).toBe(kept.length);
        expect(asJson(summary)).toBe(asJson(summarize(kept, { timeZone, groupBy: ['chargePoint'] })));
      }),
    );
  });

  it('a range of instants keeps exactly the sessions that start in it', () => {
    fc.assert(
      fc.property(batchArb, fc.date({ min: new Date('2020-12-01'), max: new Date('2024-02-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 400 * 86_400_000 }), (items, from, length) => {
        const until = new Date(from.getTime() + length);
        const kept = items.filter((a) => a.session.startedAt >= from && a.session.startedAt < until);
        expect(asJson(summarize(items, { from, until, ...ALL_GROUPS }))).toBe(asJson(summarize(kept, ALL_GROUPS)));
      }),
    );
  });

  it('merging parts gives the summary of all their sessions, in any order and grouping, through JSON', () => {
    fc.assert(
      fc.property(batchArb, fc.array(fc.nat(), { maxLength: 4 }), zoneArb, fc.constantFrom<SummaryOptions['types']>(undefined, 'e-charging', ['split-billing', 'invalid']), fc.shuffledSubarray([...SUMMARY_GROUPS]), (items, cuts, timeZone, types, groupBy) => {
        const options: SummaryOptions = { groupBy, timeZone, ...(types && { types }) };
        const bounds = [0, ...cuts.map((cut) => cut % (items.length + 1)).sort((x, y) => x - y), items.length];
        const parts = bounds.slice(1).map((end, i) => summarize(items.slice(bounds[i], end), options));
        const whole = asJson(summarize(items, options));
        const roundTrip = (summary: Summary) => JSON.parse(JSON.stringify(summary)) as unknown;
        expect(asJson(mergeSummaries(parts.map(roundTrip)))).toBe(whole);
        expect(asJson(mergeSummaries([...parts].reverse()))).toBe(whole);
        // Associative: merging merged halves gives the same (no part is empty: an empty merge knows no grouping).
        const middle = Math.floor(parts.length / 2);
        if (middle > 0) expect(asJson(mergeSummaries([mergeSummaries(parts.slice(0, middle)), roundTrip(mergeSummaries(parts.slice(middle)))]))).toBe(whole);
      }),
    );
  });

  it('rows show every type that has sessions and every currency, the total last, and their counts add up', () => {
    fc.assert(
      fc.property(batchArb, (items) => {
        const summary = summarize(items);
        const rows = summaryRows(summary);
        const main = rows.filter((row) => row.currency === 'EUR');
        expect(main.at(-1)?.type).toBe('Total');
        expect(main.slice(0, -1).map((row) => row.type)).toEqual(SESSION_TYPES.filter((type) => summary.byType[type].count > 0).map((type) => LOCALE_DEFINITIONS.en.sessionTypes[type]));
        const currencies = new Set(items.flatMap((a) => [a.cost.operationalBudget, a.cost.reimbursement]).filter((m) => !m.amount.isZero()).map((m) => m.currency));
        currencies.add('EUR');
        expect(new Set(rows.filter((row) => row.type === 'Total').map((row) => row.currency))).toEqual(currencies);
        expect(main.slice(0, -1).reduce((n, row) => n + Number(row.count.replace(/,/g, '')), 0)).toBe(summary.total.count);
      }),
    );
  });
});
