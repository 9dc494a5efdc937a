import fc from 'fast-check';
import { ConfigError } from '../../src/errors';
import { describe, expect, it } from 'vitest';
import { assessSessions, type AssessedSession } from '../../src/assess/assess';
import { createClassifier, type Classifier } from '../../src/classify/classifier';
import type { ClassifierConfigInput } from '../../src/classify/config';
import { attributeCost, type CostAttribution, type CostOptions } from '../../src/cost/attribute-cost';
import { CurrencyMismatchError } from '../../src/cost/money';
import type { Money } from '../../src/cost/money';
import { ROUNDING_MODES } from '../../src/cost/rounding';
import type { LicenceInput } from '../../src/matchers/licence';
import { Exact } from '../../src/model/decimal';
import type { PriceInput } from '../../src/model/price';
import { parseSession, type ChargingSession, type SessionInput } from '../../src/model/session';
import { summarize } from '../../src/report/summarize';
import { sampleConfig, sampleSessions } from '../../src/sample';
import { classifierConfigInputArb, decimalTextArb, parsed, scaledText, sessionInputArb } from '../../src/testing';
import { SPLIT_BILLING_SESSION } from '../support/sessions';
import { wallClock } from '../support/wall-clock';

const OWN_UID = '04A23B5C';
const HOME = { id: 'cp_home_42', locationId: 'home-42', operatorId: 'BE*MBF' } as const;
const SITE = { id: 'cp_site_1', locationId: 'hq', operatorId: 'BE*ACM' } as const;
const PUBLIC = { id: 'BE-ION-1', locationId: 'ion-hasselt', operatorId: 'BE*ION' } as const;

const LICENCE: LicenceInput = {
  id: 'lic-1',
  device: { chargePointId: HOME.id },
  status: 'active',
  validFrom: '2022-01-01',
  validUntil: null,
  timeZone: 'Europe/Brussels',
  rates: [{ from: '2022-10-01', perKWh: '0.6654', currency: 'EUR' }],
};

const CONFIG: ClassifierConfigInput = {
  licences: [LICENCE],
  whitelist: [{ id: 'wl-1', tokens: { uids: [OWN_UID] }, chargePoints: { ids: [SITE.id] } }],
};

const classifier = createClassifier(CONFIG);

/** A parsed session: the release's first one (3.667 kWh, 0:15:02) at the licensed home charger, with overrides. */
function session(extra: Partial<SessionInput> = {}): ChargingSession {
  return parsed({ ...SPLIT_BILLING_SESSION, token: { uid: OWN_UID, authorization: 'Accepted' }, chargePoint: HOME, ...extra });
}

function cost(s: ChargingSession, options?: CostOptions, by: Classifier = classifier): CostAttribution {
  return attributeCost(s, by.classify(s), options);
}

/** Money as plain text, for comparing amount and currency at once. */
const show = (m: Money): string => `${m.amount.toString()} ${m.currency}`;

/** Every number anywhere in a JSON value (there should be none in a cost). */
function numbersIn(value: unknown): unknown[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('attributeCost: the release\'s worked example', () => {
  it('reimburses 3.667 kWh and 7.334 kWh at 0.6654 EUR/kWh with 2.44 and 4.88 EUR, 7.32 in all', () => {
    const assessed = assessSessions(sampleSessions, createClassifier(sampleConfig));
    expect(assessed).toHaveLength(sampleSessions.length);
    const ok: AssessedSession[] = assessed.flatMap((a) => (a.success ? [a] : []));
    expect(ok).toHaveLength(sampleSessions.length);

    const byId = new Map(ok.map((a) => [a.session.id, a.cost]));
    const rel1 = byId.get('rel-1');
    const rel4 = byId.get('rel-4');
    expect(rel1?.type).toBe('split-billing');
    expect(rel4?.type).toBe('split-billing');
    expect(show(rel1!.reimbursement)).toBe('2.44 EUR');
    expect(show(rel4!.reimbursement)).toBe('4.88 EUR');
    expect(rel1!.basis?.exactAmount.amount.toString()).toBe('2.4400218');
    expect(rel4!.basis?.exactAmount.amount.toString()).toBe('4.8800436');
    for (const id of ['rel-2', 'rel-3']) expect(byId.get(id)?.type).toBe('whitelist');
    expect(byId.get('rel-5')?.type).toBe('invalid');

    const summary = summarize(ok);
    expect(show(summary.byType['split-billing'].reimbursement)).toBe('7.32 EUR');
    expect(summary.byType['split-billing'].count).toBe(2);
    expect(show(summary.total.reimbursement)).toBe('7.32 EUR');
    expect(summary.byType['split-billing'].energyKWh.toString()).toBe('11.001');
  });
});

describe('attributeCost: normal sessions', () => {
  it('charges the operational budget the MSP price incl. VAT', () => {
    const c = cost(session({ chargePoint: PUBLIC, price: { exclVat: '16.1521', inclVat: '19.54', currency: 'EUR' } }));
    expect(c.type).toBe('normal');
    expect([c.payer, c.payee, c.budget]).toEqual(['employer', 'msp', 'operational']);
    expect(show(c.operationalBudget)).toBe('19.54 EUR');
    expect(show(c.amount)).toBe('19.54 EUR');
    expect(show(c.reimbursement)).toBe('0 EUR');
    expect(c.flags).toEqual([]);
    expect(c.basis?.kind).toBe('price');
    if (c.basis?.kind !== 'price') throw new Error('a price basis');
    expect(c.basis.source).toBe('incl-vat');
    expect(c.basis.exclVat?.toString()).toBe('16.1521');
    expect(c.basis.vatPercent).toBeNull();
    expect(show(c.basis.exactAmount)).toBe('19.54 EUR');
  });

  it('rounds an incl. VAT price with more decimals to the cent', () => {
    const c = cost(session({ chargePoint: PUBLIC, price: { inclVat: '5.12999', currency: 'EUR' } }));
    expect(show(c.operationalBudget)).toBe('5.13 EUR');
    expect(c.basis?.exactAmount.amount.toString()).toBe('5.12999');
  });

  it('computes the price incl. VAT from excl. VAT and the VAT percentage, then rounds it', () => {
    const c = cost(session({ chargePoint: PUBLIC, price: { exclVat: '16.1521', vatPercent: '21', currency: 'EUR' } }));
    expect(c.type).toBe('normal');
    expect(show(c.operationalBudget)).toBe('19.54 EUR');
    expect(c.flags).toEqual([]);
    if (c.basis?.kind !== 'price') throw new Error('a price basis');
    expect(c.basis.source).toBe('excl-vat-plus-vat');
    expect(c.basis.exclVat?.toString()).toBe('16.1521');
    expect(c.basis.vatPercent?.toString()).toBe('21');
    expect(show(c.basis.exactAmount)).toBe('19.544041 EUR');
  });

  it('rounds a computed VAT price half-up: 10.00 + 5.5 % = 10.55, 1.01 + 6 % = 1.0706 -> 1.07', () => {
    const a = cost(session({ chargePoint: PUBLIC, price: { exclVat: '10.00', vatPercent: '5.5', currency: 'EUR' } }));
    expect(show(a.operationalBudget)).toBe('10.55 EUR');
    const b = cost(session({ chargePoint: PUBLIC, price: { exclVat: '1.01', vatPercent: '6', currency: 'EUR' } }));
    expect(b.basis?.exactAmount.amount.toString()).toBe('1.0706');
    expect(show(b.operationalBudget)).toBe('1.07 EUR');
  });

  it('flags price-missing, with 0, when only excl. VAT is known and no VAT percentage', () => {
    const c = cost(session({ chargePoint: PUBLIC, price: { exclVat: '16.1521', currency: 'EUR' } }));
    expect(c.type).toBe('normal');
    expect(c.flags).toEqual(['price-missing']);
    expect(show(c.operationalBudget)).toBe('0 EUR');
    expect(show(c.amount)).toBe('0 EUR');
    expect(c.basis).toBeNull();
    expect([c.payer, c.payee, c.budget]).toEqual(['employer', 'msp', 'operational']);
  });

  it('also flags currency-mismatch when an unusable price is in another currency than the employer\'s', () => {
    const c = cost(session({ chargePoint: PUBLIC, price: { exclVat: '16.1521', currency: 'CHF' } }));
    expect(c.flags).toEqual(['price-missing', 'currency-mismatch']);
    expect(show(c.operationalBudget)).toBe('0 EUR');
  });

  it('flags price-missing, with 0, when there is no price at all', () => {
    const c = cost(session({ chargePoint: PUBLIC }));
    expect(c.type).toBe('normal');
    expect(c.flags).toEqual(['price-missing']);
    expect(show(c.operationalBudget)).toBe('0 EUR');
    expect(c.basis).toBeNull();
  });
});

describe('attributeCost: split billing', () => {
  it('has the employer reimburse the employee energy x rate, outside the operational budget, with its basis', () => {
    const c = cost(session());
    expect(c.sessionId).toBe('s-1');
    expect(c.type).toBe('split-billing');
    expect([c.payer, c.payee, c.budget]).toEqual(['employer', 'employee', 'reimbursement']);
    expect(show(c.reimbursement)).toBe('2.44 EUR');
    expect(show(c.amount)).toBe('2.44 EUR');
    expect(show(c.operationalBudget)).toBe('0 EUR');
    expect(c.flags).toEqual([]);
    if (c.basis?.kind !== 'rate') throw new Error('a rate basis');
    expect(c.basis.energyKWh.toString()).toBe('3.667');
    expect(c.basis.ratePerKWh.toString()).toBe('0.6654');
    // 2022-10-01, local midnight in Brussels (UTC+2 in summer time).
    expect(c.basis.rateFrom.toISOString()).toBe('2022-09-30T22:00:00.000Z');
    expect(c.basis.rateUntil).toBeNull();
    expect(show(c.basis.exactAmount)).toBe('2.4400218 EUR');
  });

  it('gives the rate\'s end when a later rate follows', () => {
    const twoRates = createClassifier({
      licences: [{ ...LICENCE, rates: [{ from: '2022-10-01', perKWh: '0.6654', currency: 'EUR' }, { from: '2023-01-01', perKWh: '0.5', currency: 'EUR' }] }],
    });
    const c = cost(session(), {}, twoRates);
    if (c.basis?.kind !== 'rate') throw new Error('a rate basis');
    expect(c.basis.rateUntil?.toISOString()).toBe('2022-12-31T23:00:00.000Z');
    const later = cost(session({ startedAt: '2023-01-01T00:00:00+01:00', endedAt: '2023-01-01T01:00:00+01:00' }), {}, twoRates);
    expect(later.basis?.kind === 'rate' && later.basis.ratePerKWh.toString()).toBe('0.5');
    expect(show(later.reimbursement)).toBe('1.83 EUR'); // 3.667 x 0.5 = 1.8335
  });

  it('flags rate-missing, with 0, for a session that starts before the first rate', () => {
    // The licence is valid from 2022-01-01, its first rate from 2022-10-01 (local midnight: 2022-09-30T22:00Z).
    const c = cost(session({ startedAt: '2022-09-30T23:59:59.999+02:00', endedAt: '2022-10-01T00:30:00+02:00' }));
    expect(c.type).toBe('split-billing');
    expect(c.flags).toEqual(['rate-missing']);
    expect(show(c.reimbursement)).toBe('0 EUR');
    expect(show(c.amount)).toBe('0 EUR');
    expect(c.basis).toBeNull();
    expect([c.payer, c.payee, c.budget]).toEqual(['employer', 'employee', 'reimbursement']);
    // One millisecond later the rate is in force.
    const atStart = cost(session({ startedAt: '2022-10-01T00:00:00+02:00', endedAt: '2022-10-01T00:30:00+02:00' }));
    expect(atStart.flags).toEqual([]);
    expect(show(atStart.reimbursement)).toBe('2.44 EUR');
  });

  it('flags energy-missing, with 0, when energy is not required and there is no reading', () => {
    const lenient = createClassifier({ ...CONFIG, validity: { requireEnergy: false } });
    const c = cost(session({ energyKWh: null }), {}, lenient);
    expect(c.type).toBe('split-billing');
    expect(c.flags).toEqual(['energy-missing']);
    expect(show(c.reimbursement)).toBe('0 EUR');
    expect(c.basis).toBeNull();
  });

  it('reimburses without VAT even when the session carries an MSP price', () => {
    const c = cost(session({ price: { inclVat: '3.10', currency: 'EUR' } }));
    expect(c.type).toBe('split-billing');
    expect(show(c.reimbursement)).toBe('2.44 EUR');
    expect(show(c.operationalBudget)).toBe('0 EUR');
    expect(c.flags).toEqual([]);
  });
});

describe('attributeCost: whitelist and invalid', () => {
  it('costs nobody anything for a whitelisted session', () => {
    const c = cost(session({ chargePoint: SITE, price: { inclVat: '4.00', currency: 'EUR' } }));
    expect(c.type).toBe('whitelist');
    expect([c.payer, c.payee, c.budget]).toEqual(['none', 'none', 'none']);
    expect(show(c.amount)).toBe('0 EUR');
    expect(show(c.operationalBudget)).toBe('0 EUR');
    expect(show(c.reimbursement)).toBe('0 EUR');
    expect(c.basis).toBeNull();
    expect(c.flags).toEqual([]);
  });

  it('sets an invalid session aside for review, at 0, even on a licensed charger with a price', () => {
    const c = cost(session({ endedAt: '2022-11-10T14:51:05+01:00', price: { inclVat: '4.00', currency: 'EUR' } }));
    expect(c.type).toBe('invalid');
    expect([c.payer, c.payee, c.budget]).toEqual(['none', 'none', 'none']);
    expect(c.flags).toEqual(['review']);
    expect(show(c.amount)).toBe('0 EUR');
    expect(show(c.operationalBudget)).toBe('0 EUR');
    expect(show(c.reimbursement)).toBe('0 EUR');
    expect(c.basis).toBeNull();
  });
});

describe('attributeCost: rounding', () => {
  // 10 kWh x 0.2445 = 2.445 and 10 kWh x 0.2441 = 2.441 exactly.
  const at = (perKWh: string) =>
    createClassifier({ licences: [{ ...LICENCE, rates: [{ from: '2022-10-01', perKWh, currency: 'EUR' }] }] });
  const reimbursed = (perKWh: string, options?: CostOptions) =>
    cost(session({ energyKWh: '10' }), options, at(perKWh)).reimbursement.amount.toString();

  it('rounds half-up by default: 2.445 -> 2.45, 2.441 -> 2.44', () => {
    expect(reimbursed('0.2445')).toBe('2.45');
    expect(reimbursed('0.2445', { rounding: 'half-up' })).toBe('2.45');
    expect(reimbursed('0.2441')).toBe('2.44');
  });

  it('rounds an exact half to the even cent with half-even: 2.445 -> 2.44, 2.455 -> 2.46', () => {
    expect(reimbursed('0.2445', { rounding: 'half-even' })).toBe('2.44');
    expect(reimbursed('0.2455', { rounding: 'half-even' })).toBe('2.46');
  });

  it('rounds away from zero with up (2.441 -> 2.45) and toward zero with down (2.449 -> 2.44)', () => {
    expect(reimbursed('0.2441', { rounding: 'up' })).toBe('2.45');
    expect(reimbursed('0.2449', { rounding: 'down' })).toBe('2.44');
    expect(reimbursed('0.2449')).toBe('2.45');
  });

  it('rounds the operational budget figure with the same mode', () => {
    const priced = session({ chargePoint: PUBLIC, price: { inclVat: '19.545', currency: 'EUR' } });
    expect(cost(priced).operationalBudget.amount.toString()).toBe('19.55');
    expect(cost(priced, { rounding: 'half-even' }).operationalBudget.amount.toString()).toBe('19.54');
    expect(cost(priced, { rounding: 'down' }).operationalBudget.amount.toString()).toBe('19.54');
    const small = session({ chargePoint: PUBLIC, price: { inclVat: '19.5401', currency: 'EUR' } });
    expect(cost(small, { rounding: 'up' }).operationalBudget.amount.toString()).toBe('19.55');
  });

  it('rounds to the currency\'s minor unit: whole yen', () => {
    const c = cost(session({ chargePoint: PUBLIC, price: { inclVat: '1234.5', currency: 'JPY' } }), { currency: 'JPY' });
    expect(show(c.operationalBudget)).toBe('1235 JPY');
  });

  it('refuses an unknown rounding mode with a ConfigError', () => {
    expect(() => cost(session(), { rounding: 'nearest' as never })).toThrow(ConfigError);
  });
});

describe('attributeCost: currencies', () => {
  it('flags a CHF price at a licensed home charger whose rate is in EUR, and never mixes the two', () => {
    const s = session({ price: { inclVat: '2.60', currency: 'CHF' } });
    const c = cost(s);
    expect(c.type).toBe('split-billing');
    expect(c.flags).toEqual(['currency-mismatch']);
    expect(show(c.reimbursement)).toBe('2.44 EUR');
    expect(show(c.amount)).toBe('2.44 EUR');
    expect(show(c.operationalBudget)).toBe('0 EUR');
    const item: AssessedSession = { session: s, classification: classifier.classify(s), cost: c };
    expect(show(summarize([item]).total.reimbursement)).toBe('2.44 EUR');
    expect(show(summarize([item]).total.operationalBudget)).toBe('0 EUR');
    expect(show(summarize([item], { currency: 'CHF' }).total.otherCurrencies['EUR']!.reimbursement)).toBe('2.44 EUR');
  });

  it('flags a normal session priced in another currency than the employer\'s, keeping its own currency', () => {
    const c = cost(session({ chargePoint: PUBLIC, price: { inclVat: '19.54', currency: 'CHF' } }));
    expect(c.flags).toEqual(['currency-mismatch']);
    expect(show(c.operationalBudget)).toBe('19.54 CHF');
    expect(show(c.reimbursement)).toBe('0 EUR');
  });

  it('takes the employer\'s currency from the options: zero amounts in it, other amounts flagged', () => {
    const normal = cost(session({ chargePoint: PUBLIC, price: { inclVat: '19.54', currency: 'EUR' } }), { currency: 'CHF' });
    expect(normal.flags).toEqual(['currency-mismatch']);
    expect(show(normal.operationalBudget)).toBe('19.54 EUR');
    expect(show(normal.reimbursement)).toBe('0 CHF');

    const split = cost(session(), { currency: 'CHF' });
    expect(split.flags).toEqual(['currency-mismatch']);
    expect(show(split.reimbursement)).toBe('2.44 EUR');
    expect(show(split.operationalBudget)).toBe('0 CHF');

    const swiss = cost(session({ chargePoint: PUBLIC, price: { inclVat: '19.54', currency: 'CHF' } }), { currency: 'CHF' });
    expect(swiss.flags).toEqual([]);
    expect(show(swiss.operationalBudget)).toBe('19.54 CHF');

    const free = cost(session({ chargePoint: SITE }), { currency: 'CHF' });
    expect(free.flags).toEqual([]);
    expect(show(free.amount)).toBe('0 CHF');
  });
});

describe('attributeCost: JSON', () => {
  it('writes amounts, energies and rates as strings, never as numbers', () => {
    const split = cost(session());
    const json = JSON.parse(JSON.stringify(split)) as Record<string, unknown>;
    expect(json.reimbursement).toEqual({ amount: '2.44', currency: 'EUR' });
    expect(json.operationalBudget).toEqual({ amount: '0', currency: 'EUR' });
    expect(json.basis).toEqual({
      kind: 'rate',
      energyKWh: '3.667',
      ratePerKWh: '0.6654',
      rateFrom: '2022-09-30T22:00:00.000Z',
      rateUntil: null,
      exactAmount: { amount: '2.4400218', currency: 'EUR' },
    });
    expect(numbersIn(json)).toEqual([]);

    const normal = cost(session({ chargePoint: PUBLIC, price: { exclVat: '16.1521', vatPercent: '21', currency: 'EUR' } }));
    const normalJson = JSON.parse(JSON.stringify(normal)) as Record<string, unknown>;
    expect(normalJson.operationalBudget).toEqual({ amount: '19.54', currency: 'EUR' });
    expect(normalJson.basis).toEqual({
      kind: 'price',
      source: 'excl-vat-plus-vat',
      exclVat: '16.1521',
      vatPercent: '21',
      exactAmount: { amount: '19.544041', currency: 'EUR' },
    });
    expect(numbersIn(normalJson)).toEqual([]);
  });

  it('writes tiny and large amounts in plain notation', () => {
    const c = cost(session({ chargePoint: PUBLIC, price: { inclVat: '0.0000001', currency: 'EUR' } }), { rounding: 'up' });
    const json = JSON.parse(JSON.stringify(c)) as { operationalBudget: unknown; basis: { exactAmount: unknown } };
    expect(json.operationalBudget).toEqual({ amount: '0.01', currency: 'EUR' });
    expect(json.basis.exactAmount).toEqual({ amount: '0.0000001', currency: 'EUR' });
  });
});

// ---------------------------------------------------------------------------

/** An exact decimal text as an integer and a scale: value = unscaled / 10^scale. */
function scaledOf(text: string): { unscaled: bigint; scale: number } {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace(/^[+-]/, '').split('.');
  const unscaled = BigInt(`${whole}${fraction}` || '0');
  return { unscaled: negative ? -unscaled : unscaled, scale: fraction.length };
}

/** energy x rate (both non-negative decimal texts) rounded half-up to cents, written as "2.44". */
function halfUpCents(energy: string, rate: string): string {
  const e = scaledOf(energy);
  const r = scaledOf(rate);
  const product = e.unscaled * r.unscaled;
  const scale = e.scale + r.scale;
  if (scale <= 2) return scaledText(product * 10n ** BigInt(2 - scale), 2);
  const divisor = 10n ** BigInt(scale - 2);
  const cents = product / divisor + (2n * (product % divisor) >= divisor ? 1n : 0n);
  return scaledText(cents, 2);
}

const roundingArb = fc.constantFrom(...ROUNDING_MODES);
const energyArb = decimalTextArb(0, 350, 3);
const rateArb = decimalTextArb(0, 2, 4);

/** A classifier whose only licence, on the home charger, has one rate. */
const classifierAt = (perKWh: string) =>
  createClassifier({ licences: [{ ...LICENCE, rates: [{ from: '2022-10-01', perKWh, currency: 'EUR' }] }] });

const priceInputArb: fc.Arbitrary<PriceInput | undefined> = fc.option(
  fc.oneof(
    fc.record({ inclVat: decimalTextArb(0, 300, 4), currency: fc.constant('EUR') }),
    fc.record({ exclVat: decimalTextArb(0, 300, 4), vatPercent: fc.constantFrom('0', '6', '21', '5.5'), currency: fc.constant('EUR') }),
    fc.record({ exclVat: decimalTextArb(0, 300, 4), currency: fc.constant('EUR') }),
  ),
  { nil: undefined },
);

/** The instant of local midnight of `date` ("2022-10-30") in `timeZone`, found by trying every quarter-hour offset. */
function localMidnight(date: string, timeZone: string): number {
  const asUtc = Date.parse(`${date}T00:00:00Z`);
  const candidates: number[] = [];
  for (let offset = -14 * 60; offset <= 14 * 60; offset += 15) {
    const t = asUtc - offset * 60_000;
    if (wallClock(t, timeZone) === `${date} 00:00:00`) candidates.push(t);
  }
  const first = Math.min(...candidates);
  if (!Number.isFinite(first) || wallClock(first - 1000, timeZone).slice(0, 10) === date) {
    throw new Error(`no unique local midnight of ${date} in ${timeZone}`);
  }
  return first;
}

/** Days on which the clocks change (and the days after them), 2022 to 2025. */
const DST_DAYS: Readonly<Record<string, readonly string[]>> = {
  'Europe/Brussels': ['2022-03-27', '2022-10-30', '2023-03-26', '2023-10-29', '2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26'],
  'America/New_York': ['2022-03-13', '2022-11-06', '2023-03-12', '2023-11-05', '2024-03-10', '2024-11-03', '2025-03-09', '2025-11-02'],
};
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('the test helpers', () => {
  it('find local midnight and the clock change days', () => {
    expect(new Date(localMidnight('2022-10-30', 'Europe/Brussels')).toISOString()).toBe('2022-10-29T22:00:00.000Z');
    expect(new Date(localMidnight('2022-10-31', 'Europe/Brussels')).toISOString()).toBe('2022-10-30T23:00:00.000Z');
    expect(new Date(localMidnight('2022-03-13', 'America/New_York')).toISOString()).toBe('2022-03-13T05:00:00.000Z');
    expect(new Date(localMidnight('2022-03-14', 'America/New_York')).toISOString()).toBe('2022-03-14T04:00:00.000Z');
    for (const [zone, days] of Object.entries(DST_DAYS)) {
      for (const day of days) {
        // A clock change day is not 24 hours long.
        expect(localMidnight(nextDay(day), zone) - localMidnight(day, zone)).not.toBe(86_400_000);
      }
    }
    expect(halfUpCents('3.667', '0.6654')).toBe('2.44');
    expect(halfUpCents('10', '0.2445')).toBe('2.45');
    expect(halfUpCents('0.001', '0.0001')).toBe('0.00');
    expect(halfUpCents('12', '1')).toBe('12.00');
  });
});

describe('properties', () => {
  it('whitelist sessions always cost 0, in every rounding mode, even on a licensed charger with a price', () => {
    fc.assert(
      fc.property(sessionInputArb, energyArb, priceInputArb, rateArb, roundingArb, fc.constantFrom('EUR', 'CHF'), (input, energyKWh, price, perKWh, rounding, currency) => {
        const s = parsed({
          ...input,
          endedAt: new Date(Date.parse(String(input.startedAt)) + 3_600_000).toISOString(),
          energyKWh,
          token: { ...input.token, authorization: 'Accepted' },
          chargePoint: { ...input.chargePoint, id: HOME.id, maxPowerKW: undefined },
          ...(price && { price }),
        });
        const whitelistFirst = createClassifier({
          licences: [{ ...LICENCE, validFrom: '2020-01-01', rates: [{ from: '2020-01-01', perKWh, currency: 'EUR' }] }],
          whitelist: [{ id: 'wl-home', tokens: { uids: [s.token.uid] }, chargePoints: { ids: [HOME.id] } }],
          precedence: ['whitelist', 'split-billing'],
        });
        const c = cost(s, { rounding, currency }, whitelistFirst);
        expect(c.type).toBe('whitelist');
        for (const m of [c.amount, c.operationalBudget, c.reimbursement]) expect(show(m)).toBe(`0 ${currency}`);
        expect([c.payer, c.payee, c.budget, c.basis]).toEqual(['none', 'none', 'none', null]);
      }),
    );
  });

  it('invalid sessions always cost 0 and are flagged for review, in every rounding mode', () => {
    const breakArb = fc.constantFrom('rejected', 'too-much-energy', 'too-short', 'end-before-start', 'no-energy');
    fc.assert(
      fc.property(sessionInputArb, breakArb, priceInputArb, rateArb, roundingArb, fc.constantFrom('EUR', 'CHF'), (input, broken, price, perKWh, rounding, currency) => {
        const start = Date.parse(String(input.startedAt));
        const s = parsed({
          ...input,
          endedAt: new Date(start + (broken === 'too-short' ? 119_999 : broken === 'end-before-start' ? -1 : 3_600_000)).toISOString(),
          energyKWh: broken === 'too-much-energy' ? '350.001' : broken === 'no-energy' ? null : '10',
          token: { ...input.token, authorization: broken === 'rejected' ? 'Blocked' : 'Accepted' },
          chargePoint: { ...input.chargePoint, id: HOME.id, maxPowerKW: undefined },
          ...(price && { price }),
        });
        const licensed = createClassifier({
          licences: [{ ...LICENCE, validFrom: '2020-01-01', rates: [{ from: '2020-01-01', perKWh, currency: 'EUR' }] }],
        });
        const c = cost(s, { rounding, currency }, licensed);
        expect(c.type).toBe('invalid');
        expect(c.flags).toEqual(['review']);
        for (const m of [c.amount, c.operationalBudget, c.reimbursement]) expect(show(m)).toBe(`0 ${currency}`);
        expect([c.payer, c.payee, c.budget, c.basis]).toEqual(['none', 'none', 'none', null]);
      }),
    );
  });

  it('more energy never gives a smaller reimbursement (same session, same licence, any rounding mode)', () => {
    fc.assert(
      fc.property(energyArb, energyArb, rateArb, roundingArb, (a, b, perKWh, rounding) => {
        const [e1, e2] = new Exact(a).lte(b) ? [a, b] : [b, a];
        const byRate = classifierAt(perKWh);
        const r1 = cost(session({ energyKWh: e1 }), { rounding }, byRate);
        const r2 = cost(session({ energyKWh: e2 }), { rounding }, byRate);
        expect(r1.type).toBe('split-billing');
        expect(r2.type).toBe('split-billing');
        expect(r1.reimbursement.amount.lte(r2.reimbursement.amount)).toBe(true);
      }),
    );
  });

  it('the reimbursement is energy x rate rounded half-up to the cent, within 0.005 of the exact product', () => {
    fc.assert(
      fc.property(energyArb, rateArb, (energyKWh, perKWh) => {
        const c = cost(session({ energyKWh }), {}, classifierAt(perKWh));
        expect(c.type).toBe('split-billing');
        expect(c.reimbursement.currency).toBe('EUR');
        expect(c.reimbursement.amount.toFixed(2)).toBe(halfUpCents(energyKWh, perKWh));
        expect(c.reimbursement.amount.decimalPlaces()).toBeLessThanOrEqual(2);
        if (c.basis?.kind !== 'rate') throw new Error('a rate basis');
        const e = scaledOf(energyKWh);
        const r = scaledOf(perKWh);
        expect(c.basis.exactAmount.amount.eq(scaledText(e.unscaled * r.unscaled, e.scale + r.scale))).toBe(true);
        expect(c.reimbursement.amount.minus(c.basis.exactAmount.amount).abs().lte('0.005')).toBe(true);
      }),
    );
  });

  it('the rate changes exactly at local midnight of a new rate period (Brussels and New York, clock change days included)', () => {
    const dayArb = (zone: string) =>
      fc.oneof(
        fc.integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)),
        fc.constantFrom(...(DST_DAYS[zone] ?? [])),
        fc.constantFrom(...(DST_DAYS[zone] ?? [])).map(nextDay),
      );
    const scheduleArb = fc
      .constantFrom('Europe/Brussels', 'America/New_York')
      .chain((zone) => fc.record({ zone: fc.constant(zone), days: fc.uniqueArray(dayArb(zone), { minLength: 2, maxLength: 6 }) }));
    fc.assert(
      fc.property(scheduleArb, ({ zone, days }) => {
        const sorted = [...days].sort();
        const rateOf = (day: string) => `0.${String(sorted.indexOf(day) + 1).padStart(2, '0')}`;
        const byDate = createClassifier({
          licences: [
            {
              ...LICENCE,
              validFrom: '2000-01-01',
              timeZone: zone,
              // In the generated (unsorted) order: the schedule sorts them.
              rates: days.map((day) => ({ from: day, perKWh: rateOf(day), currency: 'EUR' })),
            },
          ],
        });
        const startingAt = (ms: number) =>
          cost(session({ startedAt: new Date(ms), endedAt: new Date(ms + 3_600_000), energyKWh: '10' }), {}, byDate);

        const first = localMidnight(sorted[0]!, zone);
        expect(startingAt(first - 1).flags).toEqual(['rate-missing']);
        sorted.forEach((day, index) => {
          const midnight = localMidnight(day, zone);
          const at = startingAt(midnight);
          expect(at.type).toBe('split-billing');
          if (at.basis?.kind !== 'rate') throw new Error(`a rate at ${day} ${zone}`);
          expect(at.basis.ratePerKWh.toString()).toBe(rateOf(day));
          expect(at.basis.rateFrom.getTime()).toBe(midnight);
          if (index === 0) return;
          const before = startingAt(midnight - 1);
          if (before.basis?.kind !== 'rate') throw new Error(`a rate before ${day} ${zone}`);
          expect(before.basis.ratePerKWh.toString()).toBe(rateOf(sorted[index - 1]!));
          expect(before.basis.rateUntil?.getTime()).toBe(midnight);
        });
        const lastDay = sorted[sorted.length - 1]!;
        const last = startingAt(localMidnight(lastDay, zone) + 90 * 86_400_000);
        expect(last.basis?.kind === 'rate' && last.basis.rateUntil).toBeNull();
      }),
    );
  });

  const anyCaseArb = fc.record({
    config: classifierConfigInputArb,
    input: sessionInputArb,
    price: priceInputArb,
    rounding: roundingArb,
  });
  const anyCase = ({ config, input, price }: { config: ClassifierConfigInput; input: SessionInput; price: PriceInput | undefined }) => {
    const result = parseSession({ ...input, ...(price && { price }) });
    if (!result.success) throw new Error(`a generated session did not parse: ${result.error.message}`);
    return { by: createClassifier(config), s: result.data };
  };

  it('attributeCost is deterministic: the same session and classification give the same cost', () => {
    fc.assert(
      fc.property(anyCaseArb, (generated) => {
        const { by, s } = anyCase(generated);
        const c = by.classify(s);
        const options: CostOptions = { rounding: generated.rounding };
        const once = attributeCost(s, c, options);
        const again = attributeCost(s, c, options);
        expect(again).toEqual(once);
        expect(JSON.stringify(again)).toBe(JSON.stringify(once));
        // A copy of the session read again, classified again, costs the same.
        const copy = anyCase(generated);
        expect(JSON.stringify(attributeCost(copy.s, copy.by.classify(copy.s), options))).toBe(JSON.stringify(once));
      }),
    );
  });

  it('amount is the operational budget for normal, the reimbursement for split billing, and 0 otherwise', () => {
    fc.assert(
      fc.property(anyCaseArb, (generated) => {
        const { by, s } = anyCase(generated);
        const classification = by.classify(s);
        const c = attributeCost(s, classification, { rounding: generated.rounding });
        expect(c.type).toBe(classification.type);
        expect(c.sessionId).toBe(s.id);
        for (const m of [c.amount, c.operationalBudget, c.reimbursement]) expect(m.amount.decimalPlaces()).toBeLessThanOrEqual(2);
        switch (c.type) {
          case 'normal':
            expect(show(c.amount)).toBe(show(c.operationalBudget));
            expect(show(c.reimbursement)).toBe('0 EUR');
            if (c.flags.includes('price-missing')) expect(show(c.amount)).toBe('0 EUR');
            else expect(c.basis?.kind).toBe('price');
            break;
          case 'split-billing':
            expect(show(c.amount)).toBe(show(c.reimbursement));
            expect(show(c.operationalBudget)).toBe('0 EUR');
            if (s.energyKWh === null) expect(c.flags).toContain('energy-missing');
            else expect(c.basis?.kind).toBe('rate');
            break;
          default:
            for (const m of [c.amount, c.operationalBudget, c.reimbursement]) expect(show(m)).toBe('0 EUR');
        }
      }),
    );
  });
});
