import type Decimal from 'decimal.js';
import fc from 'fast-check';
import { ConfigError } from '../../src/errors';
import { describe, expect, it } from 'vitest';
import { assessSessions, type AssessedSession } from '../../src/assess/assess';
import { createClassifier, type Classifier } from '../../src/classify/classifier';
import type { ClassifierConfigInput } from '../../src/classify/config';
import { SESSION_TYPES, type SessionType } from '../../src/classify/session-type';
import { attributeCost, type CostOptions } from '../../src/cost/attribute-cost';
import { CurrencyMismatchError, money, type Money } from '../../src/cost/money';
import { roundMoney } from '../../src/cost/rounding';
import type { LicenceInput } from '../../src/matchers/licence';
import { Exact } from '../../src/model/decimal';
import type { SessionInput } from '../../src/model/session';
import { NO_USER, summarize, type Summary, type Totals, type TypedTotals } from '../../src/report/summarize';
import { sampleConfig, sampleSessions } from '../../src/sample';
import { parsed } from '../../src/testing';
import { SPLIT_BILLING_SESSION } from '../support/sessions';
import { batchArb } from '../support/assessed';

const OWN_UID = '04A23B5C';
const HOME = { id: 'cp_home_42', locationId: 'home-42' } as const;
const SITE = { id: 'cp_site_1', locationId: 'hq' } as const;
const PUBLIC = { id: 'BE-ION-1', locationId: 'ion-hasselt' } as const;

const LICENCE: LicenceInput = {
  id: 'lic-1',
  device: { chargePointId: HOME.id },
  status: 'active',
  validFrom: '2022-01-01',
  rates: [{ from: '2022-01-01', perKWh: '0.6654', currency: 'EUR' }],
};
const CONFIG: ClassifierConfigInput = {
  licences: [LICENCE],
  whitelist: [{ id: 'wl-1', tokens: { uids: [OWN_UID] }, chargePoints: { ids: [SITE.id] } }],
};
const classifier = createClassifier(CONFIG);

/** A classified and priced session: 3.667 kWh for 15:02 at the licensed home charger unless overridden. */
function item(extra: Partial<SessionInput> = {}, options: CostOptions = {}, by: Classifier = classifier): AssessedSession {
  const session = parsed({ ...SPLIT_BILLING_SESSION, token: { uid: OWN_UID }, chargePoint: HOME, userId: 'u-1', ...extra });
  const classification = by.classify(session);
  return { session, classification, cost: attributeCost(session, classification, options) };
}

const show = (m: Money): string => `${m.amount.toString()} ${m.currency}`;

const sampleItems = (): AssessedSession[] =>
  assessSessions(sampleSessions, createClassifier(sampleConfig)).flatMap((a) => (a.success ? [a] : []));

function expectZero(totals: Totals, currency = 'EUR'): void {
  expect(totals.count).toBe(0);
  expect(totals.energyKWh.toString()).toBe('0');
  expect(totals.withoutEnergy).toBe(0);
  expect(totals.durationMs).toBe(0);
  expect(show(totals.operationalBudget)).toBe(`0 ${currency}`);
  expect(show(totals.reimbursement)).toBe(`0 ${currency}`);
}

describe('summarize: the sample', () => {
  it('totals the sample per type, with the release\'s 7.32 EUR of reimbursements', () => {
    const items = sampleItems();
    expect(items).toHaveLength(11);
    const summary = summarize(items);
    expect(summary.currency).toBe('EUR');
    expect(summary.total.count).toBe(11);
    expect(show(summary.byType['split-billing'].reimbursement)).toBe('7.32 EUR');
    expect(summary.byType['split-billing'].count).toBe(2);
    expect(show(summary.byType.normal.operationalBudget)).toBe('24.67 EUR');
    expect(summary.byType.invalid.count).toBe(4);
    expect(summary.byType.invalid.withoutEnergy).toBe(2);
    expect(summary.total.energyKWh.toString()).toBe('449.326');
    expect(show(summary.total.operationalBudget)).toBe('24.67 EUR');
    expect(show(summary.total.reimbursement)).toBe('7.32 EUR');
    // No grouping unless asked.
    expect(summary.byUser).toBeUndefined();
    expect(summary.byChargePoint).toBeUndefined();
    expect(summary.byMonth).toBeUndefined();
  });

  it('filters by type and groups by user and month', () => {
    const summary = summarize(sampleItems(), { types: ['normal', 'split-billing'], groupBy: ['user', 'month'] });
    expect(summary.total.count).toBe(4);
    expect(summary.byType.whitelist.count).toBe(0);
    expect(summary.byType.invalid.count).toBe(0);
    expect(Object.keys(summary.byUser ?? {})).toEqual(['an.claes', 'guest', 'test-user']);
    expect(summary.byUser?.['test-user']?.total.reimbursement.amount.toString()).toBe('7.32');
    expect(summary.byUser?.['guest']?.total.operationalBudget.amount.toString()).toBe('5.13');
    expect(Object.keys(summary.byMonth ?? {})).toEqual(['2022-11']);
    expect(summary.byChargePoint).toBeUndefined();
  });
});

describe('summarize: totals', () => {
  it('sums count, energy, sessions without energy and duration (end before start counts 0)', () => {
    const lenient = createClassifier({ ...CONFIG, validity: { requireEnergy: false } });
    const summary = summarize([
      item({ id: 'a' }),
      item({ id: 'b', energyKWh: '7.334', startedAt: '2022-11-09T07:30:37+01:00', endedAt: '2022-11-09T07:50:39+01:00' }),
      item({ id: 'c', energyKWh: null, chargePoint: PUBLIC }, {}, lenient),
      item({ id: 'd', endedAt: '2022-11-10T14:00:00+01:00' }),
    ]);
    expect(summary.total.count).toBe(4);
    expect(summary.total.energyKWh.toString()).toBe('14.668');
    expect(summary.total.withoutEnergy).toBe(1);
    // 15:02 + 20:02 + 15:02 + 0 (end before start).
    expect(summary.total.durationMs).toBe(902_000 + 1_202_000 + 902_000);
    expect(summary.byType.invalid.count).toBe(1);
    expect(summary.byType.invalid.durationMs).toBe(0);
    expect(show(summary.byType['split-billing'].reimbursement)).toBe('7.32 EUR');
    expect(summary.byType.normal.withoutEnergy).toBe(1);
  });

  it('sums the per-session rounded amounts, never re-rounding an exact sum', () => {
    // 1.0041 + 21 % = 1.214961 -> 1.21 each; three of them 3.63, whereas the exact sum 3.644883 would round to 3.64.
    const normals = ['n1', 'n2', 'n3'].map((id) => item({ id, chargePoint: PUBLIC, price: { exclVat: '1.0041', vatPercent: '21', currency: 'EUR' } }));
    // 1.5 kWh x 0.3294 = 0.4941 -> 0.49 each; three of them 1.47, whereas the exact sum 1.4823 would round to 1.48.
    const byRate = createClassifier({ licences: [{ ...LICENCE, rates: [{ from: '2022-01-01', perKWh: '0.3294', currency: 'EUR' }] }] });
    const splits = ['h1', 'h2', 'h3'].map((id) => item({ id, energyKWh: '1.5' }, {}, byRate));
    // The cases are built so that re-rounding the exact sums would differ.
    const reRounded = (list: readonly AssessedSession[]) =>
      roundMoney(money(list.reduce((sum, a) => sum.plus(a.cost.basis?.exactAmount.amount ?? 0), new Exact(0)), 'EUR')).amount.toString();
    expect(reRounded(normals)).toBe('3.64');
    expect(reRounded(splits)).toBe('1.48');

    const summary = summarize([...normals, ...splits]);
    expect(show(summary.total.operationalBudget)).toBe('3.63 EUR');
    expect(show(summary.total.reimbursement)).toBe('1.47 EUR');
    expect(show(summary.byType.normal.operationalBudget)).toBe('3.63 EUR');
    expect(show(summary.byType['split-billing'].reimbursement)).toBe('1.47 EUR');
  });

  it('keeps only the types asked for', () => {
    const items = [
      item({ id: 'split' }),
      item({ id: 'white', chargePoint: SITE }),
      item({ id: 'normal', chargePoint: PUBLIC, price: { inclVat: '9.99', currency: 'EUR' } }),
      item({ id: 'invalid', endedAt: '2022-11-10T14:51:00+01:00' }),
    ];
    expect(items.map((a) => a.cost.type)).toEqual(['split-billing', 'whitelist', 'normal', 'invalid']);
    const onlyWhitelist = summarize(items, { types: ['whitelist'], groupBy: ['chargePoint'] });
    expect(onlyWhitelist.total.count).toBe(1);
    expect(onlyWhitelist.byType.whitelist.count).toBe(1);
    expectZero(onlyWhitelist.byType['split-billing']);
    expectZero(onlyWhitelist.byType.normal);
    expect(Object.keys(onlyWhitelist.byChargePoint ?? {})).toEqual([SITE.id]);

    const paid = summarize(items, { types: ['normal', 'split-billing'] });
    expect(paid.total.count).toBe(2);
    expect(show(paid.total.operationalBudget)).toBe('9.99 EUR');
    expect(show(paid.total.reimbursement)).toBe('2.44 EUR');
    expect(paid.byType.invalid.count).toBe(0);

    expectZero(summarize(items, { types: [] }).total);
  });

  it('groups sessions without a user under NO_USER', () => {
    const summary = summarize([item({ id: 'a', userId: undefined }), item({ id: 'b', userId: 'u-2' })], { groupBy: ['user'] });
    expect(Object.keys(summary.byUser ?? {})).toEqual([NO_USER, 'u-2']);
    expect(summary.byUser?.[NO_USER]?.total.count).toBe(1);
  });

  it('gives zero totals for an empty list, in the currency asked for', () => {
    const summary = summarize([], { groupBy: ['user', 'chargePoint', 'month'] });
    expect(summary.currency).toBe('EUR');
    expectZero(summary.total);
    for (const type of SESSION_TYPES) expectZero(summary.byType[type]);
    expect(summary.byUser).toEqual({});
    expect(summary.byChargePoint).toEqual({});
    expect(summary.byMonth).toEqual({});
    const swiss = summarize([], { currency: 'CHF' });
    expect(swiss.currency).toBe('CHF');
    expectZero(swiss.total, 'CHF');
  });
});

describe('summarize: months in a time zone', () => {
  // 2022-10-31T23:30Z is 00:30 on 1 November in Brussels (UTC+1 since 30 October), 19:30 on 31 October in New York.
  const lateOctober = item({ id: 'late', startedAt: '2022-10-31T23:30:00Z', endedAt: '2022-11-01T00:30:00Z' });
  // 2022-11-30T23:30Z is still 30 November in New York, but 1 December in Brussels and 2022-12-01T08:30 in Tokyo.
  const lateNovember = item({ id: 'nov', startedAt: '2022-11-30T23:30:00Z', endedAt: '2022-12-01T00:30:00Z' });
  const months = (timeZone?: string) =>
    Object.keys(summarize([lateOctober, lateNovember], { groupBy: ['month'], ...(timeZone && { timeZone }) }).byMonth ?? {});

  it('reads months in Europe/Brussels by default', () => {
    expect(months()).toEqual(['2022-11', '2022-12']);
    expect(months('Europe/Brussels')).toEqual(['2022-11', '2022-12']);
  });

  it('reads months in the zone asked for', () => {
    expect(months('UTC')).toEqual(['2022-10', '2022-11']);
    expect(months('America/New_York')).toEqual(['2022-10', '2022-11']);
    expect(months('Asia/Tokyo')).toEqual(['2022-11', '2022-12']);
    const summary = summarize([lateOctober, lateNovember], { groupBy: ['month'], timeZone: 'UTC' });
    expect(summary.byMonth?.['2022-10']?.total.count).toBe(1);
    expect(summary.byMonth?.['2022-10']?.total.reimbursement.amount.toString()).toBe('2.44');
  });

  it('refuses an unknown time zone with a ConfigError, even for an empty list', () => {
    expect(() => summarize([lateOctober], { groupBy: ['month'], timeZone: 'Europe/Brusels' })).toThrow(ConfigError);
    expect(() => summarize([lateOctober], { groupBy: ['month'], timeZone: 'Europe/Brusels' })).toThrow(/Europe\/Brusels/);
    expect(() => summarize([], { timeZone: 'Mars/Olympus' })).toThrow(ConfigError);
  });
});

describe('summarize: currencies', () => {
  it('totals a non-zero amount in another currency apart, in its own currency, never converted nor thrown', () => {
    const swiss = item({ id: 'ch', chargePoint: PUBLIC, price: { inclVat: '12.50', currency: 'CHF' } });
    expect(show(swiss.cost.operationalBudget)).toBe('12.5 CHF');
    const summary = summarize([item(), swiss]);
    expect(summary.total.count).toBe(2);
    expect(show(summary.total.operationalBudget)).toBe('0 EUR');
    expect(show(summary.total.reimbursement)).toBe('2.44 EUR');
    expect(summary.total.otherCurrencies).toEqual({ CHF: { count: 1, operationalBudget: swiss.cost.operationalBudget, reimbursement: money('0', 'CHF') } });
    expect(summary.byType.normal.otherCurrencies['CHF']?.count).toBe(1);
    expect(summary.byType['split-billing'].otherCurrencies).toEqual({});
    // In CHF the Swiss amount is the main total, and the EUR reimbursement is the other currency.
    const inChf = summarize([item(), swiss], { currency: 'CHF' });
    expect(show(inChf.total.operationalBudget)).toBe('12.5 CHF');
    expect(show(inChf.total.otherCurrencies['EUR']!.reimbursement)).toBe('2.44 EUR');
  });

  it('keeps the foreign amount only where the type filter keeps its session', () => {
    const swiss = item({ id: 'ch', chargePoint: PUBLIC, price: { inclVat: '12.50', currency: 'CHF' } });
    expect(summarize([swiss], { types: ['normal'] }).total.otherCurrencies['CHF']?.count).toBe(1);
    expect(summarize([swiss, item()], { types: ['split-billing'] }).total.otherCurrencies).toEqual({});
  });

  it('lets zero amounts in another currency through', () => {
    // Priced with CHF as the employer's currency: zeros in CHF.
    const freeInChf = item({ id: 'w', chargePoint: SITE }, { currency: 'CHF' });
    const invalidInChf = item({ id: 'i', endedAt: '2022-11-10T14:51:00+01:00' }, { currency: 'CHF' });
    const splitInEur = item({ id: 's' }, { currency: 'CHF' }); // reimbursement 2.44 EUR, operational budget 0 CHF
    expect(show(freeInChf.cost.amount)).toBe('0 CHF');
    expect(show(splitInEur.cost.operationalBudget)).toBe('0 CHF');
    const summary = summarize([freeInChf, invalidInChf, splitInEur, item({ id: 'e' })]);
    expect(summary.total.count).toBe(4);
    expect(show(summary.total.operationalBudget)).toBe('0 EUR');
    expect(show(summary.total.reimbursement)).toBe('4.88 EUR');
  });
});

// ---------------------------------------------------------------------------

const zoneArb = fc.constantFrom('Europe/Brussels', 'UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Chatham');

/** Whole cents of an amount that has at most two decimals (fails otherwise). */
function cents(m: Money): bigint {
  const scaled = m.amount.times(100);
  expect(scaled.isInteger()).toBe(true);
  return BigInt(scaled.toFixed(0));
}

/** Totals of a list computed here, independently: energy exact, money in whole cents. */
function expectedTotals(items: readonly AssessedSession[]) {
  let energy: Decimal = new Exact(0);
  let withoutEnergy = 0;
  let durationMs = 0;
  let operational = 0n;
  let reimbursement = 0n;
  for (const { session, cost } of items) {
    if (session.energyKWh === null) withoutEnergy += 1;
    else energy = energy.plus(session.energyKWh);
    durationMs += Math.max(0, session.endedAt.getTime() - session.startedAt.getTime());
    operational += cents(cost.operationalBudget);
    reimbursement += cents(cost.reimbursement);
  }
  return { count: items.length, energy: energy.toString(), withoutEnergy, durationMs, operational, reimbursement };
}

function expectTotals(actual: Totals, items: readonly AssessedSession[]): void {
  const expected = expectedTotals(items);
  expect({
    count: actual.count,
    energy: actual.energyKWh.toString(),
    withoutEnergy: actual.withoutEnergy,
    durationMs: actual.durationMs,
    operational: cents(actual.operationalBudget),
    reimbursement: cents(actual.reimbursement),
  }).toEqual(expected);
}

/** Adds totals together, exactly. */
function addTotals(list: readonly Totals[]) {
  return {
    count: list.reduce((n, t) => n + t.count, 0),
    energy: list.reduce<Decimal>((sum, t) => sum.plus(t.energyKWh), new Exact(0)).toString(),
    withoutEnergy: list.reduce((n, t) => n + t.withoutEnergy, 0),
    durationMs: list.reduce((n, t) => n + t.durationMs, 0),
    operational: list.reduce((sum, t) => sum + cents(t.operationalBudget), 0n),
    reimbursement: list.reduce((sum, t) => sum + cents(t.reimbursement), 0n),
  };
}

const asSum = (t: Totals) => addTotals([t]);

function expectTypesAddUp(typed: TypedTotals): void {
  expect(addTotals(SESSION_TYPES.map((type) => typed.byType[type]))).toEqual(asSum(typed.total));
}

/** "2022-11" of an instant in a zone, through Intl (independent of the library). */
function monthIn(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(instant).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}`;
}

describe('properties', () => {
  it('totals are the sums of the sessions, and the per-type totals add up to the total exactly', () => {
    fc.assert(
      fc.property(batchArb, (items) => {
        const summary = summarize(items);
        expectTotals(summary.total, items);
        expectTypesAddUp(summary);
        for (const type of SESSION_TYPES) expectTotals(summary.byType[type], items.filter((a) => a.cost.type === type));
      }),
    );
  });

  it('totals are sums of the per-session rounded amounts, whatever the rounding mode', () => {
    fc.assert(
      fc.property(batchArb, (items) => {
        const summary = summarize(items);
        const rounded = (pick: (a: AssessedSession) => Money) => items.reduce((sum, a) => sum + cents(pick(a)), 0n);
        expect(cents(summary.total.operationalBudget)).toBe(rounded((a) => a.cost.operationalBudget));
        expect(cents(summary.total.reimbursement)).toBe(rounded((a) => a.cost.reimbursement));
        // And the amount that changes hands: operational budget plus reimbursement.
        expect(cents(summary.total.operationalBudget) + cents(summary.total.reimbursement)).toBe(rounded((a) => a.cost.amount));
      }),
    );
  });

  it('per-user, per-charge point and per-month totals add up to the total exactly', () => {
    fc.assert(
      fc.property(batchArb, zoneArb, (items, timeZone) => {
        const summary: Summary = summarize(items, { groupBy: ['user', 'chargePoint', 'month'], timeZone });
        const keyers: [Readonly<Record<string, TypedTotals>> | undefined, (a: AssessedSession) => string][] = [
          [summary.byUser, (a) => a.session.userId ?? NO_USER],
          [summary.byChargePoint, (a) => a.session.chargePoint.id],
          [summary.byMonth, (a) => monthIn(a.session.startedAt, timeZone)],
        ];
        for (const [groups, key] of keyers) {
          expect(groups).toBeDefined();
          const entries = Object.entries(groups ?? {});
          expect(new Set(entries.map(([k]) => k))).toEqual(new Set(items.map(key)));
          expect(addTotals(entries.map(([, g]) => g.total))).toEqual(asSum(summary.total));
          for (const type of SESSION_TYPES) {
            expect(addTotals(entries.map(([, g]) => g.byType[type]))).toEqual(asSum(summary.byType[type]));
          }
          for (const [k, group] of entries) {
            expectTotals(group.total, items.filter((a) => key(a) === k));
            expectTypesAddUp(group);
          }
        }
      }),
    );
  });

  it('the type filter keeps exactly the sessions of those types', () => {
    fc.assert(
      fc.property(batchArb, fc.subarray([...SESSION_TYPES]), (items, types: SessionType[]) => {
        const summary = summarize(items, { types, groupBy: ['user'] });
        const kept = items.filter((a) => types.includes(a.cost.type));
        expectTotals(summary.total, kept);
        for (const type of SESSION_TYPES) {
          if (types.includes(type)) expectTotals(summary.byType[type], kept.filter((a) => a.cost.type === type));
          else expectZero(summary.byType[type]);
        }
        expect(new Set(Object.keys(summary.byUser ?? {}))).toEqual(new Set(kept.map((a) => a.session.userId ?? NO_USER)));
      }),
    );
  });

  it('a non-zero amount in another currency is totalled in its currency; zero amounts in another currency change nothing', () => {
    fc.assert(
      fc.property(batchArb, fc.constantFrom('CHF', 'USD'), (items, other) => {
        const summary = summarize(items);
        const foreignZero = item({ id: 'zero', chargePoint: SITE }, { currency: other });
        const withZero = summarize([...items, foreignZero]);
        expect(withZero.total.count).toBe(summary.total.count + 1);
        expect(withZero.total.otherCurrencies).toEqual(summary.total.otherCurrencies);
        const foreign = item({ id: 'foreign', chargePoint: PUBLIC, price: { inclVat: '0.01', currency: other } });
        const at = Math.floor(items.length / 2);
        const withForeign = summarize([...items.slice(0, at), foreign, ...items.slice(at)]);
        expect(show(withForeign.total.operationalBudget)).toBe(show(summary.total.operationalBudget));
        expect(show(withForeign.total.otherCurrencies[other]!.operationalBudget)).toBe(`0.01 ${other}`);
      }),
    );
  });
});
