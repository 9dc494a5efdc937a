/**
 * The whole pipeline under generated and hostile input: parse, classify,
 * price, summarise and both CSV views, over 100,000 inputs in all. Whatever a
 * session holds, nothing throws, n inputs give n results in order, totals
 * are the sums of their rows, and Object.prototype is untouched.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityCsv, assessSessions, cpoCsv, createClassifier, summarize, type AssessedSession } from '../../src/index';
import { classifierConfigInputArb, malformedSessionInputArb, sessionInputArb } from '../../src/testing';

/** Values no meter, price or backend should send, and objects that fight back. */
const ABSURD = ['1e600000000', '1e9000000000000001', '-1e600000000', '1e-600000000', 'Infinity', 'NaN', 1e308, -1e308, 5e-324, '123456789012345678901234567890'];
const CURRENCIES = ['EUR', 'THB', 'MAD', 'IDR', 'HUF', 'JPY', 'KWD', 'XYZ', 'XTS', 'USD'];

function hostile(kind: number): unknown {
  switch (kind) {
    case 0:
      return Object.defineProperty({}, 'id', { enumerable: true, get: () => { throw new Error('getter exploded'); } });
    case 1:
      return new Proxy({}, { get: () => { throw new TypeError('proxy get'); }, ownKeys: () => { throw new TypeError('proxy keys'); } });
    case 2:
      return new Proxy({}, { getPrototypeOf: () => { throw new Error('no prototype'); }, has: () => { throw new Error('no has'); } });
    default:
      return { get token() { throw Object.create(null); }, id: 's', startedAt: '2022-11-10T13:50:16Z', endedAt: '2022-11-10T14:05:18Z', energyKWh: '1', chargePoint: { id: 'cp' } };
  }
}

/** A session input with one field made absurd: a magnitude, a currency, a price. */
const oddSessionArb = fc
  .tuple(sessionInputArb, fc.constantFrom(...ABSURD), fc.constantFrom(...CURRENCIES), fc.integer({ min: 0, max: 4 }))
  .map(([session, absurd, currency, where]) => {
    switch (where) {
      case 0:
        return { ...session, energyKWh: absurd };
      case 1:
        return { ...session, price: { inclVat: absurd, currency } };
      case 2:
        return { ...session, price: { inclVat: '12.345', currency } };
      case 3:
        return { ...session, price: { exclVat: '10.01', vatPercent: absurd, currency } };
      default:
        return { ...session, chargePoint: { ...session.chargePoint, maxPowerKW: absurd } };
    }
  });

const inputArb: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: sessionInputArb, weight: 6 },
  { arbitrary: oddSessionArb, weight: 3 },
  { arbitrary: malformedSessionInputArb.map((c) => c.input), weight: 1 },
  { arbitrary: fc.anything({ withNullPrototype: true, withBigInt: true, withTypedArray: true, withSparseArray: true }), weight: 1 },
  // Made inside the property: fast-check itself inspects generated values, and these fight back.
  { arbitrary: fc.integer({ min: 0, max: 3 }).map((kind) => new HostileInput(kind)), weight: 1 },
);

/** Stands for a hostile object until the property makes it. */
class HostileInput {
  constructor(readonly kind: number) {}
}
const materialise = (input: unknown) => (input instanceof HostileInput ? hostile(input.kind) : input);

const prototypeKeys = () => Reflect.ownKeys(Object.prototype).map(String).sort().join(',');

describe('the whole pipeline under generated and hostile input', () => {
  it('never throws, keeps n results for n inputs in order, and its totals are the sums of their rows', () => {
    const before = prototypeKeys();
    let inputs = 0;
    fc.assert(
      fc.property(classifierConfigInputArb, fc.array(inputArb, { minLength: 100, maxLength: 120 }), fc.constantFrom('EUR', 'THB', 'HUF'), (config, generated, currency) => {
        const batch = generated.map(materialise);
        inputs += batch.length;
        const classifier = createClassifier(config);
        const assessments = assessSessions(batch, classifier, { currency });
        expect(assessments).toHaveLength(batch.length);
        assessments.forEach((assessment, index) => expect(assessment.index).toBe(index));
        const assessed: AssessedSession[] = assessments.flatMap((a) => (a.success ? [a] : []));

        const summary = summarize(assessments, { currency, groupBy: ['user', 'month'] });
        expect(summary.unreadable).toBe(batch.length - assessed.length);
        expect(summary.total.count).toBe(assessed.length);
        let budget = new Decimal(0);
        let reimbursement = new Decimal(0);
        const other = new Map<string, Decimal>();
        for (const { cost } of assessed) {
          for (const amount of [cost.operationalBudget, cost.reimbursement]) {
            if (amount.currency === currency) continue;
            other.set(amount.currency, (other.get(amount.currency) ?? new Decimal(0)).plus(amount.amount));
          }
          if (cost.operationalBudget.currency === currency) budget = budget.plus(cost.operationalBudget.amount);
          if (cost.reimbursement.currency === currency) reimbursement = reimbursement.plus(cost.reimbursement.amount);
          expect(cost.amount.amount.isFinite()).toBe(true);
        }
        expect(summary.total.operationalBudget.amount.equals(budget)).toBe(true);
        expect(summary.total.reimbursement.amount.equals(reimbursement)).toBe(true);
        for (const [code, sum] of other) {
          const totals = summary.total.otherCurrencies[code];
          expect(sum.isZero() || totals !== undefined).toBe(true);
          if (totals) expect(totals.operationalBudget.amount.plus(totals.reimbursement.amount).equals(sum)).toBe(true);
        }

        for (const csv of [activityCsv(assessed), cpoCsv(assessed, { locale: 'fr' })]) {
          expect(csv).not.toMatch(/Infinity|∞|NaN/);
          const records = parseCsv(csv, { relax_column_count: false }) as string[][];
          expect(records).toHaveLength(assessed.length + 1);
        }
      }),
      { numRuns: 1_000 },
    );
    expect(inputs).toBeGreaterThanOrEqual(100_000);
    expect(prototypeKeys()).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 600_000);
});
