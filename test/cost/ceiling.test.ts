/**
 * The legal ceiling: a licence's reimbursement is energy x min(agreed rate,
 * the lowest of its ceilings in force at the session's start).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClassifier, type Classifier } from '../../src/classify/classifier';
import type { ClassifierConfigInput } from '../../src/classify/config';
import { attributeCost, type CostOptions } from '../../src/cost/attribute-cost';
import { ROUNDING_MODES, roundMoney } from '../../src/cost/rounding';
import { money } from '../../src/cost/money';
import { ConfigError } from '../../src/errors';
import type { LicenceInput } from '../../src/matchers/licence';
import type { RateInput } from '../../src/matchers/rate-schedule';
import { Exact } from '../../src/model/decimal';
import { activityRow } from '../../src/report/views';
import { reimbursementStatements } from '../../src/report/statements';
import { decimalTextArb, parsed } from '../../src/testing';

/** Belgian quarterly ceilings (EUR/kWh) of 2025 Q1 and Q2, per region. */
const quarters = (q1: string, q2: string): RateInput[] => [
  { from: '2025-01-01', perKWh: q1, currency: 'EUR' },
  { from: '2025-04-01', until: '2025-07-01', perKWh: q2, currency: 'EUR' },
];
const CEILINGS = {
  'be-flanders': { timeZone: 'Europe/Brussels', rates: quarters('0.2822', '0.3194') },
  'be-brussels': { rates: quarters('0.3294', '0.3585') },
  'be-wallonia': { rates: quarters('0.3256', '0.3618') },
};

const licence = (perKWh: string, ceiling?: LicenceInput['ceiling']): LicenceInput => ({
  id: 'lic-1',
  employeeId: 'e-1',
  device: { chargePointId: 'cp_home' },
  status: 'active',
  validFrom: '2024-01-01',
  rates: [{ from: '2024-01-01', perKWh, currency: 'EUR' }],
  ...(ceiling === undefined ? {} : { ceiling }),
});
const classifierWith = (perKWh: string, ceiling?: LicenceInput['ceiling']) => createClassifier({ ceilingSchedules: CEILINGS, licences: [licence(perKWh, ceiling)] });

/** A 10 kWh home session starting at `startedAt`, assessed. */
function assessed(by: Classifier, startedAt = '2025-02-10T19:00:00+01:00', energyKWh = '10', options: CostOptions = {}) {
  const session = parsed({ id: 's-1', startedAt, endedAt: new Date(Date.parse(startedAt) + 3_600_000).toISOString(), energyKWh, token: { uid: '04A23B5C' }, chargePoint: { id: 'cp_home' }, userId: 'e-1' });
  const classification = by.classify(session);
  return { session, classification, cost: attributeCost(session, classification, options) };
}

const configError = (config: ClassifierConfigInput): ConfigError => {
  try {
    createClassifier(config);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('attributeCost: the ceiling', () => {
  it('pays the ceiling where it is below the agreed rate, and says so in the basis', () => {
    const { cost } = assessed(classifierWith('0.30', 'be-flanders'));
    expect(cost.reimbursement.amount.toString()).toBe('2.82');
    expect(JSON.parse(JSON.stringify(cost.basis))).toEqual({
      kind: 'rate',
      energyKWh: '10',
      ratePerKWh: '0.2822',
      rateFrom: '2024-12-31T23:00:00.000Z',
      rateUntil: '2025-03-31T22:00:00.000Z',
      exactAmount: { amount: '2.822', currency: 'EUR' },
      ceiling: { id: 'be-flanders', perKWh: '0.2822', from: '2024-12-31T23:00:00.000Z', until: '2025-03-31T22:00:00.000Z', agreedPerKWh: '0.3', capped: true },
    });
    expect(cost.flags).toEqual([]);
  });

  it('pays the agreed rate where it is at or below the ceiling', () => {
    const below = assessed(classifierWith('0.25', 'be-flanders')).cost;
    expect(below.reimbursement.amount.toString()).toBe('2.5');
    expect(below.basis?.kind === 'rate' && [below.basis.ratePerKWh.toString(), below.basis.ceiling?.capped]).toEqual(['0.25', false]);
    const equal = assessed(classifierWith('0.2822', ['be-flanders'])).cost;
    expect(equal.basis?.kind === 'rate' && equal.basis.ceiling?.capped).toBe(false);
    // Without a ceiling the basis names none, as before.
    const free = assessed(classifierWith('0.30')).cost;
    expect(free.reimbursement.amount.toString()).toBe('3');
    expect(free.basis?.kind === 'rate' && 'ceiling' in free.basis).toBe(false);
  });

  it('takes the lowest of several ceilings, whatever their order', () => {
    for (const ceiling of [['be-brussels', 'be-flanders', 'be-wallonia'], ['be-wallonia', 'be-flanders']]) {
      const { cost } = assessed(classifierWith('0.40', ceiling));
      expect(cost.basis?.kind === 'rate' && cost.basis.ceiling?.id).toBe('be-flanders');
      expect(cost.reimbursement.amount.toString()).toBe('2.82');
    }
    // Brussels and Wallonia only: Wallonia is lower in Q1 (0.3256), Brussels in Q2 (0.3585 < 0.3618).
    const by = classifierWith('0.40', ['be-brussels', 'be-wallonia']);
    expect(assessed(by).cost.reimbursement.amount.toString()).toBe('3.26');
    expect(assessed(by, '2025-05-10T19:00:00+02:00').cost.reimbursement.amount.toString()).toBe('3.59');
  });

  it('applies the ceiling in force at the start, local midnight in its zone', () => {
    const by = classifierWith('0.40', 'be-flanders');
    const last = assessed(by, '2025-03-31T23:59:00+02:00').cost;
    expect(last.reimbursement.amount.toString()).toBe('2.82');
    const first = assessed(by, '2025-04-01T00:00:00+02:00').cost;
    expect(first.reimbursement.amount.toString()).toBe('3.19');
    // The capped rate holds over the part of the agreed rate's period the ceiling's quarter covers.
    expect(first.basis?.kind === 'rate' && [first.basis.rateFrom.toISOString(), first.basis.rateUntil?.toISOString()]).toEqual(['2025-03-31T22:00:00.000Z', '2025-06-30T22:00:00.000Z']);
  });

  it('pays nothing, flagged ceiling-missing, where a named ceiling has no rate in force: the cap is unknown', () => {
    const by = classifierWith('0.30', ['be-flanders', 'be-brussels']);
    for (const startedAt of ['2024-12-31T22:00:00+01:00', '2025-07-01T00:00:00+02:00']) {
      const item = assessed(by, startedAt);
      expect(item.cost.flags).toEqual(['ceiling-missing']);
      expect(item.cost.reimbursement.amount.toString()).toBe('0');
      expect(item.cost.basis).toBeNull();
      expect(activityRow(item).priceInclVat).toBe('–');
      const [statement] = reimbursementStatements([item], { month: startedAt.slice(0, 7) });
      expect(statement?.lines[0]?.amount).toBeNull();
      expect(statement?.flags).toEqual(['ceiling-missing']);
    }
  });

  it('shows the capped rate on the monthly statement', () => {
    const by = classifierWith('0.30', 'be-flanders');
    const [statement] = reimbursementStatements([assessed(by), assessed(by, '2025-02-11T19:00:00+01:00', '7.5')], { month: '2025-02' });
    expect(statement?.lines.map((line) => [line.ratePerKWh?.toString(), line.amount?.amount.toString()])).toEqual([
      ['0.2822', '2.82'],
      ['0.2822', '2.12'],
    ]);
    expect(statement?.total.amount.toString()).toBe('4.94');
  });
});

describe('createClassifier: ceiling schedules', () => {
  it('resolves the named ceilings on the licence, in the order named', () => {
    const { config } = classifierWith('0.30', [' be-wallonia ', 'be-flanders']);
    expect(config.licences[0]?.ceiling?.map((c) => [c.id, c.schedule.rates[0]?.perKWh.toString()])).toEqual([
      ['be-wallonia', '0.3256'],
      ['be-flanders', '0.2822'],
    ]);
    expect(classifierWith('0.30').config.licences[0]?.ceiling).toBeUndefined();
  });

  it('lists every problem: unknown ids, another currency, an empty list, a bad schedule', () => {
    const error = configError({
      ceilingSchedules: { ...CEILINGS, 'ch-zurich': { rates: [{ from: '2025-01-01', perKWh: '0.30', currency: 'CHF' }] }, broken: { rates: [{ from: '2025-01-01', perKWh: '-1', currency: 'EUR' }] } },
      licences: [licence('0.30', ['be-flanders', 'be-limburg', 'ch-zurich']), { ...licence('0.30', []), id: 'lic-2' }, { ...licence('0.30', 42 as never), id: 'lic-3' }],
    });
    expect(error.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual(
      expect.arrayContaining([
        ['ceilingSchedules.broken.rates.0.perKWh', 'a rate per kWh cannot be negative'],
        ['licences.0.ceiling.1', expect.stringContaining('no ceiling schedule "be-limburg"; define it under ceilingSchedules (known: be-flanders, be-brussels, be-wallonia, ch-zurich, broken)')],
        ['licences.0.ceiling.2', 'the ceiling schedule "ch-zurich" is in CHF, the licence\'s rates in EUR: a ceiling caps rates of its own currency'],
        ['licences.1.ceiling', 'name at least one ceiling schedule, or leave ceiling out'],
        ['licences.2.ceiling', 'give the id of a ceiling schedule, such as "be-flanders", or a list of ids'],
      ]),
    );
    expect(error.issues).toHaveLength(5);
  });

  it('refuses ceiling ids that are the same once trimmed', () => {
    const error = configError({ ceilingSchedules: { 'be-fl': CEILINGS['be-flanders'], ' be-fl ': CEILINGS['be-flanders'] } });
    expect(error.issues.map((issue) => issue.path)).toEqual([['ceilingSchedules', ' be-fl ']]);
  });
});

// ---------------------------------------------------------------------------

const rateArb = decimalTextArb(0, 1, 4);

describe('properties', () => {
  it('a capped amount never exceeds the uncapped one, nor the ceiling x energy rounded, and is energy x the lower rate rounded', () => {
    fc.assert(
      fc.property(rateArb, fc.array(rateArb, { minLength: 1, maxLength: 3 }), decimalTextArb(0, 350, 3), fc.constantFrom(...ROUNDING_MODES), (agreed, ceilings, energyKWh, rounding) => {
        const ids = ceilings.map((_, i) => `c-${i}`);
        const ceilingSchedules = Object.fromEntries(ceilings.map((perKWh, i) => [ids[i]!, { rates: [{ from: '2000-01-01', perKWh, currency: 'EUR' }] }]));
        const capped = assessed(createClassifier({ ceilingSchedules, licences: [licence(agreed, ids)] }), undefined, energyKWh, { rounding }).cost;
        const uncapped = assessed(createClassifier({ licences: [licence(agreed)] }), undefined, energyKWh, { rounding }).cost;
        const lowest = ceilings.map((c) => new Exact(c)).reduce((a, b) => (b.lt(a) ? b : a));
        const atCeiling = roundMoney(money(lowest.times(energyKWh), 'EUR'), rounding).amount;
        expect(capped.reimbursement.amount.lte(uncapped.reimbursement.amount)).toBe(true);
        expect(capped.reimbursement.amount.lte(atCeiling)).toBe(true);
        const paid = lowest.lt(agreed) ? lowest : new Exact(agreed);
        expect(capped.reimbursement.amount.toString()).toBe(roundMoney(money(paid.times(energyKWh), 'EUR'), rounding).amount.toString());
        expect(capped.basis?.kind === 'rate' && capped.basis.ceiling?.capped).toBe(lowest.lt(agreed));
      }),
    );
  });
});
